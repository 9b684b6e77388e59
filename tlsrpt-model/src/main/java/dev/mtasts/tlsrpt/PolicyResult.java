package dev.mtasts.tlsrpt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code policies} (RFC 8460 §4.4): the policy applied, the session counts of its
 * {@code summary}, and the {@code failure-details}.
 *
 * <p>For a known {@link PolicyType}, {@code policyTypeText} is its wire name; for
 * {@link PolicyType#UNKNOWN} it is the raw text a lenient reader found.
 *
 * @param policyType the {@code policy-type}
 * @param policyTypeText the {@code policy-type} as text (the wire name of a known type)
 * @param policyStrings the {@code policy-string} lines (§4.5), empty when absent
 * @param policyDomain the {@code policy-domain}, or {@code null} when a lenient reader found none
 * @param mxHosts the {@code mx-host} patterns, empty when absent
 * @param successfulSessionCount {@code total-successful-session-count}, at least 0
 * @param failedSessionCount {@code total-failure-session-count}, at least 0
 * @param failureDetails the {@code failure-details}, empty when absent
 * @param unknownPolicyFields unknown members of the {@code policy} object, as compact JSON text
 * @param unknownSummaryFields unknown members of the {@code summary} object, as compact JSON text
 * @param unknownFields unknown members of the policy result object, as compact JSON text
 */
public record PolicyResult(
    PolicyType policyType,
    String policyTypeText,
    List<String> policyStrings,
    @Nullable String policyDomain,
    List<String> mxHosts,
    long successfulSessionCount,
    long failedSessionCount,
    List<FailureDetail> failureDetails,
    Map<String, String> unknownPolicyFields,
    Map<String, String> unknownSummaryFields,
    Map<String, String> unknownFields) {

  /**
   * Validates the result and copies the collections.
   *
   * @param policyType the {@code policyType} component
   * @param policyTypeText the {@code policyTypeText} component
   * @param policyStrings the {@code policyStrings} component
   * @param policyDomain the {@code policyDomain} component
   * @param mxHosts the {@code mxHosts} component
   * @param successfulSessionCount the {@code successfulSessionCount} component
   * @param failedSessionCount the {@code failedSessionCount} component
   * @param failureDetails the {@code failureDetails} component
   * @param unknownPolicyFields the {@code unknownPolicyFields} component
   * @param unknownSummaryFields the {@code unknownSummaryFields} component
   * @param unknownFields the {@code unknownFields} component
   * @throws IllegalArgumentException when a count is negative or the type text does not match
   */
  public PolicyResult {
    Objects.requireNonNull(policyType, "policyType");
    Objects.requireNonNull(policyTypeText, "policyTypeText");
    if (policyType != PolicyType.UNKNOWN && !policyType.wireName().equals(policyTypeText)) {
      throw new IllegalArgumentException(
          "policyTypeText \"" + policyTypeText + "\" does not match " + policyType);
    }
    if (policyType == PolicyType.UNKNOWN
        && PolicyType.fromWireName(policyTypeText).isPresent()) {
      throw new IllegalArgumentException(
          "policyTypeText \"" + policyTypeText + "\" is a known type; use its constant");
    }
    if (successfulSessionCount < 0 || failedSessionCount < 0) {
      throw new IllegalArgumentException(
          "session counts must not be negative: "
              + successfulSessionCount
              + ", "
              + failedSessionCount);
    }
    policyStrings = List.copyOf(policyStrings);
    mxHosts = List.copyOf(mxHosts);
    failureDetails = List.copyOf(failureDetails);
    unknownPolicyFields = Map.copyOf(unknownPolicyFields);
    unknownSummaryFields = Map.copyOf(unknownSummaryFields);
    unknownFields = Map.copyOf(unknownFields);
  }

  /**
   * Returns a policy result of a known type with no unknown members.
   *
   * @param policyType the policy type, not {@link PolicyType#UNKNOWN}
   * @param policyStrings the policy lines
   * @param policyDomain the policy domain
   * @param mxHosts the MX patterns
   * @param successfulSessionCount the successful sessions
   * @param failedSessionCount the failed sessions
   * @param failureDetails the failure details
   * @return the policy result
   * @throws IllegalArgumentException for {@link PolicyType#UNKNOWN} or a negative count
   */
  public static PolicyResult of(
      PolicyType policyType,
      List<String> policyStrings,
      @Nullable String policyDomain,
      List<String> mxHosts,
      long successfulSessionCount,
      long failedSessionCount,
      List<FailureDetail> failureDetails) {
    if (policyType == PolicyType.UNKNOWN) {
      throw new IllegalArgumentException("an unknown policy type needs its text; use the constructor");
    }
    return new PolicyResult(
        policyType,
        policyType.wireName(),
        policyStrings,
        policyDomain,
        mxHosts,
        successfulSessionCount,
        failedSessionCount,
        failureDetails,
        Map.of(),
        Map.of(),
        Map.of());
  }

  /**
   * Returns the sum of {@code successfulSessionCount} and {@code failedSessionCount}.
   *
   * @return the number of sessions this result covers
   */
  public long totalSessionCount() {
    return successfulSessionCount + failedSessionCount;
  }
}
