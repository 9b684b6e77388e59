package dev.mtasts.policy;

import java.util.Objects;

/**
 * Thrown when a text is not a domain name under the rules asked for ({@link
 * DomainName#parse(CharSequence, DomainName.Syntax)}): carries a stable {@link
 * DomainNameErrorCode}, the column of the problem in the text, and a message a person can act on.
 *
 * <p>The message starts with the column ({@code "column 5: domain \"straße.de\" contains ß
 * (U+00DF) ..."}); {@link #detail()} gives it without the position.
 */
public final class DomainNameException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** @serial the stable code */
  private final DomainNameErrorCode code;
  /** @serial the 1-based column */
  private final int column;
  /** @serial the message without the column */
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param code the stable code
   * @param column the 1-based column of the problem in the text, in characters (code points)
   * @param detail what is wrong and how to fix it, without the position
   * @throws IllegalArgumentException if the column is below 1
   */
  public DomainNameException(DomainNameErrorCode code, int column, String detail) {
    super("column " + column + ": " + Objects.requireNonNull(detail, "detail"));
    if (column < 1) {
      throw new IllegalArgumentException("column must be at least 1, got " + column);
    }
    this.code = Objects.requireNonNull(code, "code");
    this.column = column;
    this.detail = detail;
  }

  /**
   * Returns the stable code of the problem.
   *
   * @return the code
   */
  public DomainNameErrorCode code() {
    return code;
  }

  /**
   * Returns the 1-based column of the problem, counted in characters (code points) of the text as
   * given.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns the message without the column.
   *
   * @return what is wrong and, where known, how to fix it
   */
  public String detail() {
    return detail;
  }
}
