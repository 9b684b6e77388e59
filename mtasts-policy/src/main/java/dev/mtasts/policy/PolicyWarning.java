package dev.mtasts.policy;

import java.util.Objects;

/**
 * A deviation the parser tolerated: an ignored duplicate field (both modes) or, in lenient mode,
 * one of the common departures from RFC 8461 §3.2.
 *
 * @param line the 1-based line
 * @param column the 1-based column, in characters (code points)
 * @param code the stable code; the same code a strict parse would raise as an error, or {@link
 *     PolicyErrorCode#DUPLICATE_FIELD}
 * @param message what was found and what the parser did about it
 */
public record PolicyWarning(int line, int column, PolicyErrorCode code, String message) {
  /**
   * Validates the components.
   *
   * @param line the 1-based line
   * @param column the 1-based column
   * @param code the code
   * @param message the message
   */
  public PolicyWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the warning as {@code line 3, column 1 [DUPLICATE_FIELD]: message}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return "line " + line + ", column " + column + " [" + code + "]: " + message;
  }
}
