package dev.mtasts.tlsrpt;

import dev.mtasts.policy.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * The policy a sender applied to a delivery, as it will appear in the report's {@code policy}
 * object; used by {@link TlsRptReportBuilder}.
 *
 * @param policyType the policy type (not {@link PolicyType#UNKNOWN})
 * @param policyStrings the policy lines (STS) or TLSA records (RFC 8460 §4.5)
 * @param policyDomain the policy domain: an ASCII DNS name (IDNs as A-labels, RFC 8460 §4.4), as
 *     {@link DomainName.Syntax#LENIENT} reads it; kept as given
 * @param mxHosts the MX patterns of an STS policy, otherwise empty
 */
public record AppliedPolicy(
    PolicyType policyType, List<String> policyStrings, String policyDomain, List<String> mxHosts) {

  /**
   * Validates the policy and copies the lists.
   *
   * @param policyType the {@code policyType} component
   * @param policyStrings the {@code policyStrings} component
   * @param policyDomain the {@code policyDomain} component
   * @param mxHosts the {@code mxHosts} component
   * @throws IllegalArgumentException for {@link PolicyType#UNKNOWN}, or a domain that is not an
   *     ASCII DNS name by {@link DomainName.Syntax#LENIENT} (a U-label IDN such as {@code
   *     bücher.example} must be converted to A-labels first, for example with {@link
   *     DomainName.Syntax#INPUT})
   */
  public AppliedPolicy {
    Objects.requireNonNull(policyType, "policyType");
    Objects.requireNonNull(policyDomain, "policyDomain");
    if (policyType == PolicyType.UNKNOWN) {
      throw new IllegalArgumentException("a sender applies sts, tlsa or no-policy-found");
    }
    // RFC 8460 §4.4 and §5.1: the policy domain goes into the report and its file name as
    // A-labels. Checked here, when the outcome is recorded, so that building the day's reports
    // later cannot fail on it.
    DomainName.of(policyDomain, DomainName.Syntax.LENIENT);
    policyStrings = List.copyOf(policyStrings);
    mxHosts = List.copyOf(mxHosts);
  }

  /**
   * Returns an MTA-STS policy.
   *
   * @param policyDomain the policy domain
   * @param policyLines the policy file's lines, for example {@code "mode: enforce"}
   * @param mxHosts the {@code mx} patterns
   * @return the policy
   */
  public static AppliedPolicy sts(String policyDomain, List<String> policyLines, List<String> mxHosts) {
    return new AppliedPolicy(PolicyType.STS, policyLines, policyDomain, mxHosts);
  }

  /**
   * Returns a DANE policy.
   *
   * @param policyDomain the TLSA base domain
   * @param tlsaRecords one string per TLSA record, for example {@code "3 1 1 6007EE..."}
   * @return the policy
   */
  public static AppliedPolicy tlsa(String policyDomain, List<String> tlsaRecords) {
    return new AppliedPolicy(PolicyType.TLSA, tlsaRecords, policyDomain, List.of());
  }

  /**
   * Returns the "no policy found" heartbeat policy.
   *
   * @param policyDomain the policy domain
   * @return the policy
   */
  public static AppliedPolicy noPolicyFound(String policyDomain) {
    return new AppliedPolicy(PolicyType.NO_POLICY_FOUND, List.of(), policyDomain, List.of());
  }
}
