package dev.mtasts.tlsrpt.mail;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The header fields of a report mail that say what it carries (RFC 8460 §5.3), unfolded and with
 * RFC 2047 encoded words decoded. Every value is untrusted text from the sender: escape it before
 * printing it to a terminal.
 *
 * @param reportDomain the {@code TLS-Report-Domain}, or {@code null} when absent
 * @param reportSubmitter the {@code TLS-Report-Submitter}, or {@code null} when absent
 * @param subject the {@code Subject}, or {@code null} when absent
 * @param messageId the {@code Message-ID}, or {@code null} when absent
 * @param dateText the {@code Date} as sent, or {@code null} when absent
 * @param date the {@code Date} read as an RFC 5322 date, or {@code null} when absent or unreadable
 * @param from the {@code From}, or {@code null} when absent
 */
public record MailHeaders(
    @Nullable String reportDomain,
    @Nullable String reportSubmitter,
    @Nullable String subject,
    @Nullable String messageId,
    @Nullable String dateText,
    @Nullable OffsetDateTime date,
    @Nullable String from) {

  /**
   * Returns the fields of the Subject when it has the RFC 8460 §5.3 form.
   *
   * @return the fields, or empty
   */
  public Optional<ReportSubject> subjectFields() {
    return subject == null ? Optional.empty() : ReportSubject.parseLenient(subject);
  }
}
