package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsParseException;
import dev.mtasts.tlsrpt.ReportParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a mail cannot be read as a report mail: carries a stable {@link MailErrorCode}, the
 * location of the problem ({@code message} for the message as a whole, {@code line 12} for a line,
 * {@code part 1.2} for a MIME part, numbered as in IMAP: the first part of the message body is
 * {@code 1}, its second sub-part {@code 1.2}), and a message a person can act on.
 */
public final class MailParseException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param location where the problem is ({@code message}, {@code line 12}, {@code part 1.2})
   * @param detail what is wrong, without the location
   * @param cause the underlying failure, or {@code null}
   */
  public MailParseException(
      MailErrorCode code, String location, String detail, @Nullable Throwable cause) {
    super(code, new Location.Part(location), detail, location + ": " + detail, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param code the stable error code
   * @param location where the problem is ({@code message}, {@code line 12}, {@code part 1.2})
   * @param detail what is wrong, without the location
   */
  public MailParseException(MailErrorCode code, String location, String detail) {
    this(code, location, detail, null);
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  @Override
  public MailErrorCode code() {
    return (MailErrorCode) super.code();
  }

  /**
   * Returns where the problem is.
   *
   * @return {@code message}, {@code line N} or {@code part N[.N...]}
   */
  @Override
  public Location.Part location() {
    return (Location.Part) super.location();
  }

  /**
   * Returns the report reader's error when the code is {@link MailErrorCode#INVALID_REPORT}.
   *
   * @return the reader's exception, with its code and JSON path
   */
  public Optional<ReportParseException> reportError() {
    return getCause() instanceof ReportParseException r ? Optional.of(r) : Optional.empty();
  }
}
