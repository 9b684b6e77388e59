package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.ProblemCode;

/**
 * Stable codes of the problems the mail reader reports, as errors ({@link MailParseException}) or,
 * where it accepted the deviation, as warnings ({@link dev.mtasts.policy.Warning}); the names and
 * {@link #id()}s never change between versions. The codes after {@link #READ_FAILED} are only ever
 * warnings: where the header fields, the Subject or the file name disagree with the report body,
 * the body wins (RFC 8460 §5.6) and the disagreement is a warning.
 */
public enum MailErrorCode implements ProblemCode {
  /** The message is larger than {@link MailLimits#maxMessageBytes()}. */
  INPUT_TOO_LARGE,
  /** A line of the message is longer than {@link MailLimits#maxLineBytes()}. */
  LINE_TOO_LONG,
  /** The message has more MIME parts than {@link MailLimits#maxParts()}. */
  TOO_MANY_PARTS,
  /** Multiparts nest deeper than {@link MailLimits#maxDepth()}. */
  NESTING_TOO_DEEP,
  /** The header section of the message holds a NUL byte (RFC 5322 §2.2 forbids it). */
  NUL_IN_HEADER,
  /** The MIME structure cannot be read (a bad Content-Type, a multipart without boundary). */
  MALFORMED_MIME,
  /** A report part names a Content-Transfer-Encoding that is not defined (RFC 2045 §6.1). */
  UNKNOWN_TRANSFER_ENCODING,
  /** A report part's base64 or quoted-printable content cannot be decoded. */
  BROKEN_TRANSFER_ENCODING,
  /** A report part is a zip archive; RFC 8460 §5.2 compresses with gzip only. */
  ZIP_ATTACHMENT,
  /** A report part's content is not a report; {@link MailParseException#reportError()} says why. */
  INVALID_REPORT,
  /** Reading the message failed (I/O error). */
  READ_FAILED,
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
