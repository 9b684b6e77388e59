package dev.mtasts.tlsrpt;

/** Stable codes of {@link ReportParseException}; the names never change between versions. */
public enum ReportErrorCode {
  /** The input is empty (no JSON value at all). */
  EMPTY_INPUT,
  /** The input is not well-formed JSON (or not UTF-8). */
  MALFORMED_JSON,
  /** Something follows the report object. */
  TRAILING_CONTENT,
  /** A member has the wrong JSON type (for example {@code policies} as an object). */
  WRONG_TYPE,
  /** A member the mode requires is missing (or {@code null} in strict mode). */
  MISSING_FIELD,
  /** A member name occurs twice in one object (I-JSON, RFC 7493 §2.3). */
  DUPLICATE_FIELD,
  /** A value does not have the form RFC 8460 requires (address, domain, string content). */
  INVALID_VALUE,
  /** A date-time is not RFC 3339, or the range ends before it starts. */
  INVALID_DATE_TIME,
  /** A count is negative, fractional, not a number, or above 2^53-1. */
  INVALID_COUNT,
  /** The {@code policy-type} is not {@code sts}, {@code tlsa} or {@code no-policy-found}. */
  UNKNOWN_POLICY_TYPE,
  /** The document (or the decompressed gzip content) exceeds the size limit. */
  DOCUMENT_TOO_LARGE,
  /** The JSON nesting exceeds the depth limit. */
  NESTING_TOO_DEEP,
  /** A string value exceeds the length limit ({@link ReadLimits#maxStringLength()}). */
  STRING_TOO_LONG,
  /** A number exceeds the length limit. */
  NUMBER_TOO_LONG,
  /** The input starts with the gzip magic bytes but is not a valid gzip stream. */
  CORRUPT_GZIP,
  /** Reading the input failed (I/O error). */
  IO_ERROR,
  /** A report file name does not follow RFC 8460 §5.1. */
  INVALID_FILE_NAME,
  /** The gzip input has more members than {@link ReadLimits#maxGzipMembers()} (RFC 1952 §2.2). */
  TOO_MANY_GZIP_MEMBERS,
  /**
   * A gzip header's FEXTRA, FNAME or FCOMMENT field (RFC 1952 §2.3.1) is longer than {@link
   * ReadLimits#maxGzipHeaderFieldBytes()}.
   */
  GZIP_HEADER_FIELD_TOO_LONG,
  /**
   * The reader failed on this input in a way it does not foresee (a bug): the input is refused
   * with this code instead of the failure escaping, so that a batch can go on with other inputs.
   */
  UNEXPECTED_FAILURE,
  /** A member name exceeds the length limit ({@link ReadLimits#maxNameLength()}). */
  NAME_TOO_LONG
}
