package dev.mtasts.policy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a policy file, or one of its values, is not valid: carries the position of the
 * problem, a stable {@link PolicyErrorCode} and a message a person can act on.
 *
 * <p>The message starts with the line ({@code "line 3: max_age 31557601 is above the RFC 8461
 * maximum of 31557600"}); {@link #reason()} gives it without the position.
 */
public final class PolicyParseException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** @serial the 1-based line of the problem */
  private final int line;
  /** @serial the 1-based column of the problem, counted in characters */
  private final int column;
  /** @serial the stable code */
  private final PolicyErrorCode code;
  /** @serial the message without the position */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem, in characters (code points)
   * @param code the stable code
   * @param reason what is wrong and how to fix it, without the position
   */
  public PolicyParseException(int line, int column, PolicyErrorCode code, String reason) {
    this(line, column, code, reason, null);
  }

  /**
   * Creates the exception with an underlying cause.
   *
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem, in characters (code points)
   * @param code the stable code
   * @param reason what is wrong and how to fix it, without the position
   * @param cause the underlying failure, or {@code null}
   */
  public PolicyParseException(
      int line, int column, PolicyErrorCode code, String reason, @Nullable Throwable cause) {
    super("line " + line + ": " + reason, cause);
    this.line = line;
    this.column = column;
    this.code = Objects.requireNonNull(code, "code");
    this.reason = reason;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem, counted in characters (code points) from the start
   * of the line.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns the stable code of the problem.
   *
   * @return the code
   */
  public PolicyErrorCode code() {
    return code;
  }

  /**
   * Returns the message without the position.
   *
   * @return what is wrong and, where known, how to fix it
   */
  public String reason() {
    return reason;
  }
}
