package dev.mtasts.tlsrpt.mail;

import java.util.Objects;

/**
 * A well-formed mail that carries no TLS-RPT report (a DMARC report, a bounce, a newsletter).
 *
 * @param headers the mail's header fields
 * @param reason why it is not a report mail, for a person
 */
public record NotReportMail(MailHeaders headers, String reason) implements MailOutcome {

  /**
   * Checks the components.
   *
   * @param headers the {@code headers} component
   * @param reason the {@code reason} component
   */
  public NotReportMail {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(reason, "reason");
  }
}
