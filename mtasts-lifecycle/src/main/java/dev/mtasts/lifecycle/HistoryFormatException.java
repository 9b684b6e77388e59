package dev.mtasts.lifecycle;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsParseException;
import dev.mtasts.policy.ProblemCode;

/**
 * Thrown when a publication history file is not valid: broken JSON, a hand edit that left a
 * wrong type, an unknown or missing member, an unparsable policy or instant, or entries out of
 * order. The history is never silently reset: the file stays as it is until a person fixes it.
 *
 * <p>{@link #location()} locates the problem as a JSON path ({@code $.served[2].until});
 * {@link #line()} and {@link #column()} give the position in the file (1-based, 0 when unknown).
 */
public final class HistoryFormatException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /** Stable codes for the ways a history file can be wrong; {@link #id()} is the text form. */
  public enum Code implements ProblemCode {
    /** The file is empty or is not well-formed JSON. */
    MALFORMED_JSON,
    /** A member has the wrong JSON type (for example a number where a string is expected). */
    WRONG_TYPE,
    /** A required member is missing. */
    MISSING_MEMBER,
    /** A member this format does not define (often a typo in a hand edit). */
    UNKNOWN_MEMBER,
    /** A member appears twice in one object. */
    DUPLICATE_MEMBER,
    /** The {@code version} member names a format this library does not know. */
    UNSUPPORTED_VERSION,
    /** The {@code domain} member is not a domain name. */
    INVALID_DOMAIN,
    /** An instant is not an RFC 3339 UTC timestamp such as {@code 2026-11-24T10:00:00Z}. */
    INVALID_INSTANT,
    /** An {@code id} is not a valid MTA-STS policy id (1 to 32 letters and digits). */
    INVALID_ID,
    /** A {@code policy} text is not a valid MTA-STS policy. */
    INVALID_POLICY,
    /** Entries overlap, are out of order, or a policy other than the last is still open. */
    INCONSISTENT_ENTRIES,
    /**
     * The file is larger than {@link PublicationHistory#MAX_FILE_BYTES}, or one of its strings
     * is longer than a policy file may be.
     */
    INPUT_TOO_LARGE,
    /** The file has more entries than {@link PublicationHistory#MAX_ENTRIES}. */
    TOO_MANY_ENTRIES
  }

  /** The 1-based line, 0 when unknown. */
  private final int line;
  /** The 1-based column, 0 when unknown. */
  private final int column;

  /**
   * Creates the exception.
   *
   * @param code what is wrong
   * @param path JSON path of the offending value, {@code $} for the document
   * @param line 1-based line in the file, 0 when unknown
   * @param column 1-based column in the file, 0 when unknown
   * @param detail what was found and what was expected, without the location
   * @param cause the underlying failure, or {@code null}
   */
  public HistoryFormatException(Code code, String path, int line, int column, String detail,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(code, new Location.JsonPath(path), detail, format(path, line, column, detail), cause);
    this.line = line;
    this.column = column;
  }

  private static String format(String path, int line, int column, String detail) {
    StringBuilder b = new StringBuilder("publication history ").append(path);
    if (line > 0) {
      b.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    return b.append(": ").append(detail).toString();
  }

  /**
   * Returns what is wrong.
   *
   * @return the stable code
   */
  @Override
  public Code code() {
    return (Code) super.code();
  }

  /**
   * Returns the JSON path of the offending value.
   *
   * @return a path such as {@code $.served[0].policy}
   */
  @Override
  public Location.JsonPath location() {
    return (Location.JsonPath) super.location();
  }

  /**
   * Returns the 1-based line of the problem in the file.
   *
   * @return the line, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem in the file.
   *
   * @return the column, or 0 when unknown
   */
  public int column() {
    return column;
  }
}
