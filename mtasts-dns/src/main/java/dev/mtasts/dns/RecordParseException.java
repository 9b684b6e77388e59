package dev.mtasts.dns;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsParseException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@code _mta-sts} or {@code _smtp._tls} TXT record, or a policy id, does not follow
 * its grammar (RFC 8461 §3.1, RFC 8460 §3): carries a stable {@link RecordErrorCode}, the column of
 * the problem and a message a person can act on.
 *
 * <p>The message reads {@code "column 13: id \"test-123\" contains '-' ..."}; {@link #code()},
 * {@link #location()} and {@link #detail()} give the parts separately.
 */
public final class RecordParseException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a problem at a column of the record text.
   *
   * @param code the stable error code
   * @param column the 1-based column (character index plus one) of the problem
   * @param detail what is wrong and how to fix it, without the location
   */
  public RecordParseException(RecordErrorCode code, int column, String detail) {
    this(code, column, detail, null);
  }

  /**
   * Creates an exception for a problem at a column of the record text, with its cause.
   *
   * @param code the stable error code
   * @param column the 1-based column (character index plus one) of the problem
   * @param detail what is wrong and how to fix it, without the location
   * @param cause the underlying failure, or {@code null}
   */
  public RecordParseException(
      RecordErrorCode code, int column, String detail, @Nullable Throwable cause) {
    super(code, new Location.Column(column), detail, "column " + column + ": " + detail, cause);
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  @Override
  public RecordErrorCode code() {
    return (RecordErrorCode) super.code();
  }

  /**
   * Returns the column of the problem in the record text.
   *
   * @return the location
   */
  @Override
  public Location.Column location() {
    return (Location.Column) super.location();
  }

  /**
   * Returns the 1-based column of the problem in the record text, the same as {@code
   * location().column()}.
   *
   * @return the column, at least 1
   */
  public int column() {
    return location().column();
  }
}
