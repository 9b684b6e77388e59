package dev.mtasts.tlsrpt;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsParseException;

/**
 * Thrown when bytes cannot be read back as a {@link ReportSummary} ({@link
 * ReportSummary#fromBytes(byte[])}): carries a stable {@link SummaryFormatErrorCode}, the byte
 * offset of the problem, and a message a person can act on.
 *
 * <p>The message reads {@code "byte 12: ..."}; {@link #code()}, {@link #location()} and {@link
 * #detail()} give the parts separately.
 */
public final class SummaryFormatException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param offset where the problem is, in bytes from the start of the input
   * @param detail what is wrong, without the location
   * @throws IllegalArgumentException if the offset is negative
   */
  public SummaryFormatException(SummaryFormatErrorCode code, long offset, String detail) {
    super(code, new Location.ByteOffset(offset), detail, "byte " + offset + ": " + detail, null);
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  @Override
  public SummaryFormatErrorCode code() {
    return (SummaryFormatErrorCode) super.code();
  }

  /**
   * Returns where the problem is.
   *
   * @return the byte offset, printed as {@code byte 12}
   */
  @Override
  public Location.ByteOffset location() {
    return (Location.ByteOffset) super.location();
  }

  /**
   * Returns the offset of the problem, the same as {@code location().offset()}.
   *
   * @return the offset in bytes from the start of the input, at least 0
   */
  public long offset() {
    return location().offset();
  }
}
