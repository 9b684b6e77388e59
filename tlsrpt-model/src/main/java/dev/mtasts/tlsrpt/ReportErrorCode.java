package dev.mtasts.tlsrpt;

import dev.mtasts.policy.ProblemCode;

/**
 * Stable codes of the problems the report reader reports, as errors ({@link
 * ReportParseException}) or, where the reader accepted the deviation, as warnings ({@link
 * dev.mtasts.policy.Warning}); the names and {@link #id()}s never change between versions. A few
 * codes are only ever warnings of the lenient reader; their descriptions say so.
 */
public enum ReportErrorCode implements ProblemCode {
  /** The input is empty (no JSON value at all). */
  EMPTY_INPUT,
  /** The input is not well-formed JSON (or not UTF-8). */
  MALFORMED_JSON,
  /** Something follows the report object. */
  TRAILING_CONTENT,
  /** A member has the wrong JSON type (for example {@code policies} as an object). */
  WRONG_TYPE,
  /**
   * A member the mode requires is missing (or {@code null} in strict mode). As a warning of the
   * lenient reader: a member RFC 8460 lists is absent and a default was used; among others {@code
   * policy-string} of an {@code sts} or {@code tlsa} policy, or {@code mx-host} of an {@code sts}
   * policy, absent although some failure detail is not a policy-stage failure.
   */
  MISSING_FIELD,
  /** A member name occurs twice in one object (I-JSON, RFC 7493 §2.3). */
  DUPLICATE_FIELD,
  /**
   * A value does not have the form RFC 8460 requires (address, domain, string content). As a
   * warning of the lenient reader: the value (an IP address, an addr-spec) was kept verbatim.
   */
  INVALID_VALUE,
  /** A date-time is not RFC 3339, or the range ends before it starts. */
  INVALID_DATE_TIME,
  /** A count is negative, fractional, not a number, or above 2^53-1. */
  INVALID_COUNT,
  /**
   * The {@code policy-type} is not {@code sts}, {@code tlsa} or {@code no-policy-found}. As a
   * warning of the lenient reader: the type was kept as {@link PolicyType#UNKNOWN}.
   */
  UNKNOWN_POLICY_TYPE,
  /** The document (or the decompressed gzip content) exceeds the size limit. */
  INPUT_TOO_LARGE,
  /** The JSON nesting exceeds the depth limit. */
  NESTING_TOO_DEEP,
  /** A string value exceeds the length limit ({@link ReadLimits#maxStringLength()}). */
  STRING_TOO_LONG,
  /** A number exceeds the length limit. */
  NUMBER_TOO_LONG,
  /** The input starts with the gzip magic bytes but is not a valid gzip stream. */
  CORRUPT_GZIP,
  /** Reading the input failed (I/O error). */
  READ_FAILED,
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
  NAME_TOO_LONG,
  /** A member this library does not know; kept verbatim in {@code unknownFields}. Only ever a warning. */
  UNKNOWN_FIELD,
  /** A draft member name ({@code mx-host-pattern}, {@code additional-info-uri}). Only ever a warning. */
  DRAFT_FIELD_NAME,
  /**
   * {@code mx-host} as a single string instead of an array (RFC 8460 App. B, EID 6241). Only ever
   * a warning.
   */
  MX_HOST_AS_STRING,
  /** {@code mx-host} holding a whole policy line such as {@code "mx: mx.example.com"}. Only ever a warning. */
  MX_HOST_POLICY_LINE,
  /** {@code policy-string} as one string instead of an array. Only ever a warning. */
  POLICY_STRING_AS_STRING,
  /**
   * A {@code tlsa} {@code policy-string} holding one JSON-encoded array (Microsoft): read as the
   * strings of that array. Only the lenient reader decodes, and only when the policy type is
   * {@code tlsa} and the {@code policy-string} is exactly one string (in an array of one, or
   * bare) that starts with {@code [} and is a JSON array of strings whose decoded list is not
   * itself exactly one such string; so reading what the lenient reader returned, once written,
   * never decodes again. Only ever a warning.
   */
  POLICY_STRING_JSON_ENCODED,
  /** A date-time without offset (Microsoft 2023-2024), read as UTC. Only ever a warning. */
  DATE_TIME_WITHOUT_OFFSET,
  /** A count sent as a string or as a number with a fraction of zero. Only ever a warning. */
  COUNT_NOT_INTEGER,
  /** A member sent as {@code null} or {@code ""}, read as absent. Only ever a warning. */
  EMPTY_VALUE,
  /** The {@code result-type} is not registered (yet); kept with its raw text. Only ever a warning. */
  UNKNOWN_RESULT_TYPE,
  /** A {@code report-id} sent as a number; kept as its text. Only ever a warning. */
  REPORT_ID_NOT_STRING
}
