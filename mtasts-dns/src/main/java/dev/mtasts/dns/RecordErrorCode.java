package dev.mtasts.dns;

import dev.mtasts.policy.ProblemCode;

/**
 * Stable codes for the ways a {@code _mta-sts} or {@code _smtp._tls} TXT record can be malformed,
 * as errors ({@link RecordParseException}) or, where the parser tolerated the deviation, as
 * warnings ({@link dev.mtasts.policy.Warning}). A few codes are only ever warnings; their descriptions say so.
 *
 * <p>The codes are part of the API: tools can switch on them, and they will not be renamed. New
 * codes may be added, so a {@code switch} over them needs a {@code default}.
 */
public enum RecordErrorCode implements ProblemCode {
  /** The record is empty. */
  EMPTY,
  /** The record is longer than a DNS message can carry (65535 characters). */
  INPUT_TOO_LARGE,
  /** A character outside printable US-ASCII (and TAB) occurs; RFC 8461 §3.1 records are US-ASCII. */
  INVALID_CHARACTER,
  /** The record does not begin with {@code v=}. */
  MISSING_VERSION,
  /** The record begins with {@code v=} but names another version than {@code STSv1}/{@code TLSRPTv1}. */
  WRONG_VERSION,
  /** Something other than {@code ;} (with optional whitespace) follows a field. */
  MISSING_DELIMITER,
  /** Two {@code ;} follow each other with no field between them. */
  EMPTY_FIELD,
  /** Whitespace after the last field without a following {@code ;}. */
  TRAILING_WHITESPACE,
  /** A field has no {@code =}. */
  MALFORMED_FIELD,
  /** A field name is empty, too long (over 32 characters) or holds a character the ABNF excludes. */
  INVALID_FIELD_NAME,
  /** An extension value is empty or holds {@code =}, {@code ;}, a space or a control character. */
  INVALID_FIELD_VALUE,
  /** An STS record has no {@code id} field. */
  MISSING_ID,
  /** The {@code id} is empty, longer than 32 characters or not made of letters and digits. */
  INVALID_ID,
  /** A TLS-RPT record has no {@code rua} field. */
  MISSING_RUA,
  /** A {@code rua} URI is empty, malformed, lacks a scheme, or is a {@code mailto:}/{@code https:} URI without an address/host. */
  INVALID_RUA,
  /**
   * Whitespace between the version and the first {@code ;}: the ABNF allows it, but senders that
   * select records by the prefix {@code v=STSv1;} ignore the record (RFC 8461 erratum 6285). Only
   * ever a warning.
   */
  WHITESPACE_BEFORE_DELIMITER,
  /**
   * A field given again: a second {@code id} (the first wins, RFC 8461 §3.2) or a second {@code
   * rua} (its URIs are added to the first list). Only ever a warning.
   */
  DUPLICATE_FIELD,
  /** A {@code rua} URI listed more than once; the repeat is ignored. Only ever a warning. */
  DUPLICATE_RUA_URI,
  /**
   * A {@code rua} URI with a scheme other than {@code mailto} and {@code https}, which reporters
   * skip (RFC 8460 §3). Only ever a warning.
   */
  UNSUPPORTED_RUA_SCHEME
}
