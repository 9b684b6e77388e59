package dev.mtasts.policy;

import java.util.Objects;

/**
 * A deviation a reader accepted, as every reader of the SDK reports it: the stable code, where it
 * is, and the message without the location. A lenient reader's warning carries the code a strict
 * read would fail with where there is one; codes that are only ever warnings say so.
 *
 * @param code the stable code, of the reading module's code enum ({@link PolicyErrorCode}, {@code
 *     RecordErrorCode}, {@code ReportErrorCode}, {@code MailErrorCode})
 * @param location where the deviation is
 * @param message what was found and what the reader did about it, without the location
 */
public record Warning(ProblemCode code, Location location, String message) {
  /**
   * Validates the components.
   *
   * @param code the code
   * @param location the location
   * @param message the message
   */
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the warning as {@code line 3, column 1 [duplicate-field]: message}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return location + " [" + code.id() + "]: " + message;
  }
}
