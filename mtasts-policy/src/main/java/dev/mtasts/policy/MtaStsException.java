package dev.mtasts.policy;

/**
 * Root of every exception thrown by the MTA-STS and TLS-RPT SDK.
 *
 * <p>It is unchecked: callers who want to handle every failure of the SDK in one place catch this
 * type; parse failures are subtypes that carry the position of the problem and a stable code.
 * Misuse by the caller (a {@code null} argument, an argument out of range) is reported with the
 * JDK's {@link IllegalArgumentException} or {@link NullPointerException} instead.
 */
public class MtaStsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message a person can act on.
   *
   * @param message what went wrong and, where known, how to fix it
   */
  public MtaStsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause it wraps.
   *
   * @param message what went wrong and, where known, how to fix it
   * @param cause the underlying failure, for example an {@link java.io.IOException}
   */
  public MtaStsException(String message, Throwable cause) {
    super(message, cause);
  }
}
