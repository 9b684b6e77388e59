package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.MtaStsException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when reports cannot be fetched from a mailbox or a trust file cannot be used: carries a
 * stable {@link TransportErrorCode}, the location (the mailbox URI without password, a file), and
 * a message a person can act on. Text the server sent is escaped.
 */
public final class TransportException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  private final TransportErrorCode code;

  /** Where the problem is. */
  private final String location;

  /** The message without the location. */
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param location where the problem is (a mailbox URI, a file)
   * @param detail what is wrong, without the location
   * @param cause the underlying failure, or {@code null}
   */
  public TransportException(
      TransportErrorCode code, String location, String detail, @Nullable Throwable cause) {
    super(location + ": " + detail, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.location = Objects.requireNonNull(location, "location");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  public TransportErrorCode code() {
    return code;
  }

  /**
   * Returns where the problem is.
   *
   * @return the mailbox URI (never with a password) or the file
   */
  public String location() {
    return location;
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
