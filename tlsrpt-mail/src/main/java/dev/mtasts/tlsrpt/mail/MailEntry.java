package dev.mtasts.tlsrpt.mail;

import java.util.Objects;

/**
 * One mail read from a {@link MailSource}.
 *
 * @param location where it was: the file, or the mbox file with the message number and line
 * @param outcome what it held
 */
public record MailEntry(String location, MailOutcome outcome) {

  /**
   * Checks the components.
   *
   * @param location the {@code location} component
   * @param outcome the {@code outcome} component
   */
  public MailEntry {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(outcome, "outcome");
  }
}
