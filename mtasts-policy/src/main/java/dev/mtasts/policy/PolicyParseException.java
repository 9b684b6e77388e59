package dev.mtasts.policy;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a policy file, or one of its values, is not valid: carries a stable {@link
 * PolicyErrorCode}, the line and column of the problem, and a message a person can act on.
 *
 * <p>The message starts with the line ({@code "line 3: max_age 31557601 is above the RFC 8461
 * maximum of 31557600"}); {@link #detail()} gives it without the position.
 */
public final class PolicyParseException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable code
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem, in characters (code points)
   * @param detail what is wrong and how to fix it, without the position
   */
  public PolicyParseException(PolicyErrorCode code, int line, int column, String detail) {
    this(code, line, column, detail, null);
  }

  /**
   * Creates the exception with an underlying cause.
   *
   * @param code the stable code
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem, in characters (code points)
   * @param detail what is wrong and how to fix it, without the position
   * @param cause the underlying failure, or {@code null}
   */
  public PolicyParseException(
      PolicyErrorCode code, int line, int column, String detail, @Nullable Throwable cause) {
    super(code, new Location.LineColumn(line, column), detail, "line " + line + ": " + detail, cause);
  }

  /**
   * Returns the stable code of the problem.
   *
   * @return the code
   */
  @Override
  public PolicyErrorCode code() {
    return (PolicyErrorCode) super.code();
  }

  /**
   * Returns the line and column of the problem.
   *
   * @return the position
   */
  @Override
  public Location.LineColumn location() {
    return (Location.LineColumn) super.location();
  }

  /**
   * Returns the 1-based line of the problem, the same as {@code location().line()}.
   *
   * @return the line
   */
  public int line() {
    return location().line();
  }

  /**
   * Returns the 1-based column of the problem, counted in characters (code points) from the start
   * of the line; the same as {@code location().column()}.
   *
   * @return the column
   */
  public int column() {
    return location().column();
  }
}
