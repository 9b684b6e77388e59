package dev.mtasts.tlsrpt.mail;

import java.util.Objects;

/**
 * A mail that could not be read, as recorded in a batch ({@link MailSource}), which goes on with
 * the next mail.
 *
 * @param error why, with its code and location
 */
public record BrokenMail(MailParseException error) implements MailOutcome {

  /**
   * Checks the component.
   *
   * @param error the {@code error} component
   */
  public BrokenMail {
    Objects.requireNonNull(error, "error");
  }
}
