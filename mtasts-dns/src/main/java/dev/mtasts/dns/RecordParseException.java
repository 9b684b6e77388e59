package dev.mtasts.dns;

import dev.mtasts.policy.MtaStsException;
import java.util.Objects;

/**
 * Thrown when a {@code _mta-sts} or {@code _smtp._tls} TXT record, or a policy id, does not follow
 * its grammar (RFC 8461 §3.1, RFC 8460 §3).
 *
 * <p>The message reads {@code "column 13: id \"test-123\" contains '-' ..."}; {@link #column()},
 * {@link #code()} and {@link #detail()} give the parts separately.
 */
public class RecordParseException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** The 1-based column of the problem in the record text. */
  private final int column;

  /** The stable error code. */
  private final RecordErrorCode code;

  /** The message without the location. */
  private final String detail;

  /**
   * Creates an exception for a problem at a column of the record text.
   *
   * @param code the stable error code
   * @param column the 1-based column (character index plus one) of the problem
   * @param detail what is wrong and how to fix it, without the location
   */
  public RecordParseException(RecordErrorCode code, int column, String detail) {
    super("column " + column + ": " + detail);
    this.code = Objects.requireNonNull(code, "code");
    this.column = column;
    this.detail = detail;
  }

  /**
   * Returns the 1-based column of the problem in the record text.
   *
   * @return the column, at least 1
   */
  public int column() {
    return column;
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  public RecordErrorCode code() {
    return code;
  }

  /**
   * Returns the message without the {@code "column N: "} prefix.
   *
   * @return what is wrong and, where known, how to fix it
   */
  public String detail() {
    return detail;
  }
}
