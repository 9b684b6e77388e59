package dev.mtasts.policy;

/**
 * Thrown when a text is not a domain name under the rules asked for ({@link
 * DomainName#parse(CharSequence, DomainName.Syntax)}): carries a stable {@link
 * DomainNameErrorCode}, the column of the problem in the text, and a message a person can act on.
 *
 * <p>The message starts with the column ({@code "column 5: domain \"straße.de\" contains ß
 * (U+00DF) ..."}); {@link #detail()} gives it without the position.
 */
public final class DomainNameException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable code
   * @param column the 1-based column of the problem in the text, in characters (code points)
   * @param detail what is wrong and how to fix it, without the position
   * @throws IllegalArgumentException if the column is below 1
   */
  public DomainNameException(DomainNameErrorCode code, int column, String detail) {
    super(code, new Location.Column(column), detail, "column " + column + ": " + detail, null);
  }

  /**
   * Returns the stable code of the problem.
   *
   * @return the code
   */
  @Override
  public DomainNameErrorCode code() {
    return (DomainNameErrorCode) super.code();
  }

  /**
   * Returns the column of the problem.
   *
   * @return the position
   */
  @Override
  public Location.Column location() {
    return (Location.Column) super.location();
  }

  /**
   * Returns the 1-based column of the problem, counted in characters (code points) of the text as
   * given; the same as {@code location().column()}.
   *
   * @return the column
   */
  public int column() {
    return location().column();
  }
}
