package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mail that carried at least one TLS-RPT report.
 *
 * @param headers the mail's header fields
 * @param attachments the reports, in MIME order
 * @param warnings the deviations from RFC 8460 §5.3 that were accepted, header fields first
 */
public record ReportMail(
    MailHeaders headers, List<ReportAttachment> attachments, List<Warning> warnings)
    implements MailOutcome {

  /**
   * Checks the components and copies the lists.
   *
   * @param headers the {@code headers} component
   * @param attachments the {@code attachments} component
   * @param warnings the {@code warnings} component
   * @throws IllegalArgumentException when there is no attachment
   */
  public ReportMail {
    Objects.requireNonNull(headers, "headers");
    attachments = List.copyOf(attachments);
    warnings = List.copyOf(warnings);
    if (attachments.isEmpty()) {
      throw new IllegalArgumentException("a report mail carries at least one report");
    }
  }

  /**
   * Returns the reports, in MIME order.
   *
   * @return the reports
   */
  public List<TlsRptReport> reports() {
    List<TlsRptReport> out = new ArrayList<>(attachments.size());
    for (ReportAttachment a : attachments) {
      out.add(a.report());
    }
    return out;
  }
}
