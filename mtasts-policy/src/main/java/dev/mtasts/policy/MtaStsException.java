package dev.mtasts.policy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
    super(Objects.requireNonNull(message, "message"));
  }

  /**
   * Creates an exception with a message and the cause it wraps.
   *
   * @param message what went wrong and, where known, how to fix it
   * @param cause the underlying failure, for example an {@link java.io.IOException}, or {@code
   *     null} when there is none
   */
  public MtaStsException(String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /**
   * Returns the message given at construction, which is never {@code null}.
   *
   * @return what went wrong and, where known, how to fix it
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "message");
  }
}
