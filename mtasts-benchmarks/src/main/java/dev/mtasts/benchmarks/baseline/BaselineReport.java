package dev.mtasts.benchmarks.baseline;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A TLS-RPT report (RFC 8460 §4.4) as the baseline reader maps it.
 *
 * @param organizationName {@code organization-name}
 * @param start {@code date-range.start-datetime}
 * @param end {@code date-range.end-datetime}
 * @param contactInfo {@code contact-info}
 * @param reportId {@code report-id}
 * @param policies {@code policies}
 */
public record BaselineReport(
    @Nullable String organizationName,
    @Nullable Instant start,
    @Nullable Instant end,
    @Nullable String contactInfo,
    @Nullable String reportId,
    List<Policy> policies) {

  /**
   * Copies the list.
   *
   * @param organizationName {@code organization-name}
   * @param start {@code date-range.start-datetime}
   * @param end {@code date-range.end-datetime}
   * @param contactInfo {@code contact-info}
   * @param reportId {@code report-id}
   * @param policies {@code policies}
   */
  public BaselineReport {
    policies = List.copyOf(policies);
  }

  /**
   * One entry of {@code policies}.
   *
   * @param policyType {@code policy-type}
   * @param policyStrings {@code policy-string}
   * @param policyDomain {@code policy-domain}
   * @param mxHosts {@code mx-host}
   * @param successfulSessions {@code total-successful-session-count}
   * @param failedSessions {@code total-failure-session-count}
   * @param failureDetails {@code failure-details}
   */
  public record Policy(
      @Nullable String policyType,
      List<String> policyStrings,
      @Nullable String policyDomain,
      List<String> mxHosts,
      long successfulSessions,
      long failedSessions,
      List<FailureDetail> failureDetails) {

    /**
     * Copies the lists.
     *
     * @param policyType {@code policy-type}
     * @param policyStrings {@code policy-string}
     * @param policyDomain {@code policy-domain}
     * @param mxHosts {@code mx-host}
     * @param successfulSessions {@code total-successful-session-count}
     * @param failedSessions {@code total-failure-session-count}
     * @param failureDetails {@code failure-details}
     */
    public Policy {
      policyStrings = List.copyOf(policyStrings);
      mxHosts = List.copyOf(mxHosts);
      failureDetails = List.copyOf(failureDetails);
    }
  }

  /**
   * One entry of {@code failure-details}.
   *
   * @param resultType {@code result-type}
   * @param sendingMtaIp {@code sending-mta-ip}
   * @param receivingMxHostname {@code receiving-mx-hostname}
   * @param receivingMxHelo {@code receiving-mx-helo}
   * @param receivingIp {@code receiving-ip}
   * @param failedSessions {@code failed-session-count}
   * @param additionalInformation {@code additional-information}
   * @param failureReasonCode {@code failure-reason-code}
   */
  public record FailureDetail(
      @Nullable String resultType,
      @Nullable String sendingMtaIp,
      @Nullable String receivingMxHostname,
      @Nullable String receivingMxHelo,
      @Nullable String receivingIp,
      long failedSessions,
      @Nullable String additionalInformation,
      @Nullable String failureReasonCode) {}
}
