package dev.mtasts.tlsrpt.mail;

import java.util.Objects;

/**
 * A deviation from RFC 8460 §5.3 that the mail reader accepted, with where it was found. Where the
 * header fields, the Subject or the file name disagree with the report body, the body wins (RFC
 * 8460 §5.6) and the disagreement is a warning.
 *
 * @param location where: {@code header TLS-Report-Domain}, {@code header Subject}, {@code part 2}
 * @param kind what kind of deviation
 * @param message what was found and how it was read
 */
public record MailWarning(String location, Kind kind, String message) {

  /** The deviations a mail reader accepts; each names one seen in real report mails. */
  public enum Kind {
    /** The message is not {@code multipart/report; report-type=tlsrpt}; the report was found inside. */
    NOT_MULTIPART_REPORT,
    /**
     * A report part sent as {@code application/gzip}, {@code application/octet-stream} or {@code
     * application/json} (or another type) instead of {@code application/tlsrpt+gzip} or {@code
     * application/tlsrpt+json}.
     */
    NONSTANDARD_MEDIA_TYPE,
    /** A report part without a file name. */
    MISSING_FILE_NAME,
    /** A report part's file name does not follow RFC 8460 §5.1. */
    FILE_NAME_NOT_RFC,
    /** A report part's file name names another domain or period than its body. */
    FILE_NAME_MISMATCH,
    /** {@code TLS-Report-Domain} or {@code TLS-Report-Submitter} is missing (RFC 8460 §5.3: MUST). */
    MISSING_HEADER,
    /** {@code TLS-Report-Domain} or {@code TLS-Report-Submitter} disagrees with the body. */
    HEADER_MISMATCH,
    /** The Subject does not follow the RFC 8460 §5.3 {@code tlsrpt-subject} form. */
    SUBJECT_NOT_RFC,
    /** The Subject names another domain or submitter than the body. */
    SUBJECT_MISMATCH,
    /** The Date header field is not an RFC 5322 date. */
    INVALID_DATE
  }

  /**
   * Checks the components.
   *
   * @param location the {@code location} component
   * @param kind the {@code kind} component
   * @param message the {@code message} component
   */
  public MailWarning {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
