package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One report found in a mail.
 *
 * @param result the report and the report reader's warnings
 * @param part the MIME part it came from, numbered as in IMAP ({@code 2}, {@code 1.2})
 * @param mediaType the part's media type in lower case, for example {@code application/tlsrpt+gzip}
 * @param fileName the part's file name as sent (untrusted), or {@code null} when it had none
 */
public record ReportAttachment(
    ParseResult<TlsRptReport> result, String part, String mediaType, @Nullable String fileName) {

  /**
   * Checks the components.
   *
   * @param result the {@code result} component
   * @param part the {@code part} component
   * @param mediaType the {@code mediaType} component
   * @param fileName the {@code fileName} component
   */
  public ReportAttachment {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  /**
   * Returns the report.
   *
   * @return the report
   */
  public TlsRptReport report() {
    return result.value();
  }
}
