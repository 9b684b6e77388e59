package dev.mtasts.tlsrpt.mail;

/** Stable codes of {@link MailParseException}; the names never change between versions. */
public enum MailErrorCode {
  /** The message is larger than {@link MailLimits#maxMessageBytes()}. */
  MESSAGE_TOO_LARGE,
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
  IO_ERROR
}
