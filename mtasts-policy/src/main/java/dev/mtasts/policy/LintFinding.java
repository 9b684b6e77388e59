package dev.mtasts.policy;

import java.util.Objects;

/**
 * One finding of {@link PolicyLint}.
 *
 * @param severity how much it matters
 * @param code the stable code
 * @param message what was found and what to do about it
 */
public record LintFinding(LintSeverity severity, LintCode code, String message) {
  /**
   * Validates the components.
   *
   * @param severity how much it matters
   * @param code the stable code
   * @param message the message
   */
  public LintFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the finding as {@code WARNING DUPLICATE_MX: message}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return severity + " " + code + ": " + message;
  }
}
