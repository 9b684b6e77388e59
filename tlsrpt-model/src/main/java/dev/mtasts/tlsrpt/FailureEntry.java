package dev.mtasts.tlsrpt;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The finest aggregated failure figure: one result type between one sending IP and one MX host,
 * as reported by one organization, for one policy domain, policy type and UTC day. {@code ""} stands for "not reported".
 *
 * @param policyDomain the policy domain, lower case
 * @param day the UTC day the reports started on
 * @param policyTypeText the {@code policy-type} text
 * @param resultType the result type
 * @param sendingMtaIp the sending MTA IP, or {@code ""}
 * @param receivingMxHostname the receiving MX host (lower case), or {@code ""}
 * @param failedSessions the number of failed sessions
 * @param reportingOrganization the {@code organization-name} of the reports
 */
public record FailureEntry(
    String policyDomain,
    LocalDate day,
    String policyTypeText,
    ResultType resultType,
    String sendingMtaIp,
    String receivingMxHostname,
    long failedSessions,
    String reportingOrganization) {

  /**
   * Checks the components.
   *
   * @param policyDomain the {@code policyDomain} component
   * @param day the {@code day} component
   * @param policyTypeText the {@code policyTypeText} component
   * @param resultType the {@code resultType} component
   * @param sendingMtaIp the {@code sendingMtaIp} component
   * @param receivingMxHostname the {@code receivingMxHostname} component
   * @param failedSessions the {@code failedSessions} component
   * @param reportingOrganization the {@code reportingOrganization} component
   */
  public FailureEntry {
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(policyTypeText, "policyTypeText");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(sendingMtaIp, "sendingMtaIp");
    Objects.requireNonNull(receivingMxHostname, "receivingMxHostname");
    Objects.requireNonNull(reportingOrganization, "reportingOrganization");
  }
}
