package dev.mtasts.testkit.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a generated TLS-RPT report says, independent of the library's value types.
 *
 * @param organization organization-name
 * @param day the UTC day the report covers
 * @param contact contact-info
 * @param reportId report-id
 * @param policies the policy results
 */
public record ReportModel(String organization, LocalDate day, String contact, String reportId, List<PolicyResult> policies) {
  /**
   * Copies the list.
   *
   * @param organization organization-name
   * @param day the day
   * @param contact contact-info
   * @param reportId report-id
   * @param policies the policy results
   */
  public ReportModel {
    policies = List.copyOf(policies);
  }

  /**
   * One entry of {@code policies}.
   *
   * @param type sts, tlsa or no-policy-found
   * @param strings policy-string
   * @param domain policy-domain
   * @param mxHosts mx-host
   * @param successes total-successful-session-count
   * @param failures total-failure-session-count
   * @param details failure-details
   */
  public record PolicyResult(String type, List<String> strings, String domain, List<String> mxHosts, long successes,
      long failures, List<Detail> details) {
    /**
     * Copies the lists.
     *
     * @param type the type
     * @param strings the policy strings
     * @param domain the domain
     * @param mxHosts the MX host patterns
     * @param successes successful sessions
     * @param failures failed sessions
     * @param details the failure details
     */
    public PolicyResult {
      strings = List.copyOf(strings);
      mxHosts = List.copyOf(mxHosts);
      details = List.copyOf(details);
    }
  }

  /**
   * One entry of {@code failure-details}.
   *
   * @param resultType result-type
   * @param sendingIp sending-mta-ip
   * @param mxHostname receiving-mx-hostname
   * @param helo receiving-mx-helo, optional
   * @param receivingIp receiving-ip, optional
   * @param count failed-session-count
   * @param additionalInformation additional-information, optional
   * @param reasonCode failure-reason-code, optional
   */
  public record Detail(String resultType, String sendingIp, String mxHostname, @Nullable String helo,
      @Nullable String receivingIp, long count, @Nullable String additionalInformation, @Nullable String reasonCode) {}
}
