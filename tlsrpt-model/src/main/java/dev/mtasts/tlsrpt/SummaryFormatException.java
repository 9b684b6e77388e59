package dev.mtasts.tlsrpt;

import dev.mtasts.policy.MtaStsException;
import java.util.Objects;

/**
 * Thrown when bytes cannot be read back as a {@link ReportSummary} ({@link
 * ReportSummary#fromBytes(byte[])}): carries a stable {@link SummaryFormatErrorCode}, the byte
 * offset of the problem, and a message a person can act on.
 */
public final class SummaryFormatException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  private final SummaryFormatErrorCode code;

  /** The offset of the problem, counted in bytes from the start of the input. */
  private final long offset;

  /** The message without the location. */
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param offset where the problem is, in bytes from the start of the input (at least 0)
   * @param detail what is wrong, without the location
   */
  public SummaryFormatException(SummaryFormatErrorCode code, long offset, String detail) {
    super("byte " + offset + ": " + detail);
    this.code = Objects.requireNonNull(code, "code");
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " < 0");
    }
    this.offset = offset;
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  public SummaryFormatErrorCode code() {
    return code;
  }

  /**
   * Returns the offset of the problem in bytes from the start of the input.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * Returns the location as it is printed, {@code byte 17}.
   *
   * @return the location
   */
  public String location() {
    return "byte " + offset;
  }

  /**
   * Returns the message without the location.
   *
   * @return what is wrong
   */
  public String detail() {
    return detail;
  }
}
