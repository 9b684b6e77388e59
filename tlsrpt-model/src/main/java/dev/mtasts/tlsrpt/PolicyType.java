package dev.mtasts.tlsrpt;

import org.jspecify.annotations.Nullable;

/**
 * The {@code policy-type} of a policy result (RFC 8460 §4.4): "only three valid choices".
 *
 * <p>{@link #UNKNOWN} stands for any other text, which a lenient reader keeps verbatim in
 * {@link PolicyResult#policyTypeText()}.
 */
public enum PolicyType {
  /** {@code sts}: an MTA-STS policy (RFC 8461). */
  STS("sts"),
  /** {@code tlsa}: a DANE TLSA policy (RFC 7672). */
  TLSA("tlsa"),
  /** {@code no-policy-found}: neither policy was found; the report is a heartbeat. */
  NO_POLICY_FOUND("no-policy-found"),
  /** Any value other than the three above; the raw text lives in the policy result. */
  UNKNOWN("");

  private final String wireName;

  PolicyType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the JSON text of this type, or {@code ""} for {@link #UNKNOWN}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the type for a wire name (exact, case-sensitive), {@link #UNKNOWN} for anything else.
   *
   * @param text the {@code policy-type} value as sent
   * @return the matching type
   */
  public static PolicyType fromWireName(@Nullable String text) {
    if (text == null) {
      return UNKNOWN;
    }
    switch (text) {
      case "sts":
        return STS;
      case "tlsa":
        return TLSA;
      case "no-policy-found":
        return NO_POLICY_FOUND;
      default:
        return UNKNOWN;
    }
  }
}
