package dev.mtasts.tlsrpt;

import java.util.Optional;

/**
 * The {@code policy-type} of a policy result (RFC 8460 §4.4): "only three valid choices".
 *
 * <p>{@link #UNKNOWN} stands for any other text, which a lenient reader keeps verbatim in
 * {@link PolicyResult#policyTypeText()}. {@link #fromWireName(String)} finds only the three RFC
 * values, as every wire-name lookup of the SDK returns {@code Optional}: the caller decides what
 * another text means (the strict reader refuses it, the lenient one keeps it as {@code UNKNOWN}).
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
   * Returns the type with this wire name (exact, case-sensitive), never {@link #UNKNOWN}.
   *
   * @param wireName the {@code policy-type} value as sent
   * @return the matching type, or empty for any text but {@code sts}, {@code tlsa} and {@code
   *     no-policy-found}
   */
  public static Optional<PolicyType> fromWireName(String wireName) {
    return switch (wireName) {
      case "sts" -> Optional.of(STS);
      case "tlsa" -> Optional.of(TLSA);
      case "no-policy-found" -> Optional.of(NO_POLICY_FOUND);
      default -> Optional.empty();
    };
  }
}
