package dev.mtasts.testkit;

/**
 * A deviation from RFC 8460 §4 seen in TLS-RPT reports from real senders, applied by {@link
 * MtaStsArbitraries#quirkyReportJson()}. A lenient reader accepts every one of them.
 */
public enum ReportQuirk {
  /** {@code mx-host} as one string instead of an array (RFC 8460 Appendix B, erratum 6241). */
  MX_HOST_AS_STRING,
  /** The draft member name {@code mx-host-pattern} instead of {@code mx-host}. */
  MX_HOST_PATTERN_NAME,
  /** {@code mx-host} entries holding whole policy lines, such as {@code "mx: mx.example.com"}. */
  MX_HOST_WITH_POLICY_LINES,
  /** The draft member name {@code additional-info-uri} instead of {@code additional-information}. */
  ADDITIONAL_INFO_URI_NAME,
  /** {@code "contact-info": null}. */
  CONTACT_INFO_NULL,
  /** {@code "sending-mta-ip": ""}. */
  EMPTY_SENDING_MTA_IP,
  /** {@code sending-mta-ip} and {@code receiving-mx-hostname} absent on {@code sts-policy-fetch-error} details (Microsoft). */
  FETCH_ERROR_WITHOUT_ADDRESSES,
  /** {@code policy-string} absent on a policy whose sessions failed at the fetch (Microsoft). */
  POLICY_STRING_ABSENT,
  /** {@code policy-domain} absent for {@code no-policy-found} (sys4 tlsrpt-reporter). */
  NO_POLICY_FOUND_WITHOUT_DOMAIN,
  /** A TLSA {@code policy-string} sent as one JSON-encoded string inside the array (Microsoft). */
  TLSA_POLICY_STRING_AS_JSON_TEXT,
  /** {@code end-datetime} at the next day's {@code 00:00:00Z} instead of {@code 23:59:59Z}. */
  END_AT_NEXT_MIDNIGHT,
  /** Date-times without an offset, such as {@code 2023-01-10T00:00:00} (Microsoft 2023 to 2024). */
  DATETIME_WITHOUT_OFFSET,
  /** {@code failure-details} absent. */
  FAILURE_DETAILS_ABSENT,
  /** Counts written as numeric strings, such as {@code "5"}. */
  COUNTS_AS_STRINGS,
  /** Members the RFC does not define, at the top level, in a policy and in a failure detail. */
  UNKNOWN_MEMBERS
}
