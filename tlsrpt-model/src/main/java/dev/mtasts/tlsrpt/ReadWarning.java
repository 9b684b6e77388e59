package dev.mtasts.tlsrpt;

import java.util.Objects;

/**
 * A deviation from RFC 8460 that the reader accepted, with where it was found.
 *
 * @param jsonPath where, as a JSONPath such as {@code $.policies[0].policy.mx-host}
 * @param kind what kind of tolerance was applied
 * @param message what was found and how it was read
 */
public record ReadWarning(String jsonPath, Kind kind, String message) {

  /** The tolerances a reader applies; each names a deviation seen in real reports. */
  public enum Kind {
    /** A member this library does not know; kept verbatim in {@code unknownFields}. */
    UNKNOWN_FIELD,
    /** A draft member name ({@code mx-host-pattern}, {@code additional-info-uri}). */
    DRAFT_FIELD_NAME,
    /** {@code mx-host} as a single string instead of an array (RFC 8460 App. B, EID 6241). */
    MX_HOST_AS_STRING,
    /** {@code mx-host} holding a whole policy line such as {@code "mx: mx.example.com"}. */
    MX_HOST_POLICY_LINE,
    /** {@code policy-string} as one string instead of an array. */
    POLICY_STRING_AS_STRING,
    /**
     * A {@code tlsa} {@code policy-string} holding one JSON-encoded array (Microsoft): read as the
     * strings of that array. Only the tolerant reader decodes, and only when the policy type is
     * {@code tlsa} and the {@code policy-string} is exactly one string (in an array of one, or
     * bare) that starts with {@code [} and is a JSON array of strings whose decoded list is not
     * itself exactly one such string; so reading what the tolerant reader returned, once written,
     * never decodes again.
     */
    POLICY_STRING_JSON_ENCODED,
    /** A date-time without offset (Microsoft 2023-2024), read as UTC. */
    DATE_TIME_WITHOUT_OFFSET,
    /** A count sent as a string or as a number with a fraction of zero. */
    COUNT_NOT_INTEGER,
    /** A member sent as {@code null} or {@code ""}, read as absent. */
    EMPTY_VALUE,
    /**
     * A member RFC 8460 lists is absent; a default was used. Among others: {@code policy-string}
     * of an {@code sts} or {@code tlsa} policy, or {@code mx-host} of an {@code sts} policy, absent
     * although some failure detail is not a policy-stage failure (the policy was obtained).
     */
    MISSING_FIELD,
    /** The {@code policy-type} is not one of the three RFC values; kept as {@code UNKNOWN}. */
    UNKNOWN_POLICY_TYPE,
    /** The {@code result-type} is not registered (yet); kept with its raw text. */
    UNKNOWN_RESULT_TYPE,
    /** A value does not have the RFC form (an IP address, an addr-spec); kept verbatim. */
    INVALID_VALUE,
    /** A {@code report-id} sent as a number; kept as its text. */
    REPORT_ID_NOT_STRING
  }

  /**
   * Checks the components.
   *
   * @param jsonPath the {@code jsonPath} component
   * @param kind the {@code kind} component
   * @param message the {@code message} component
   */
  public ReadWarning {
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return jsonPath + ": " + message;
  }
}
