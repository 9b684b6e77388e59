package dev.mtasts.tlsrpt;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The failures of one policy domain with one result type and one triage class, over the summary's
 * days: how many sessions failed, from which sending MTA IPs, towards which MX hosts, on which
 * days. In the maps {@code ""} stands for "not reported" (Microsoft leaves both out for {@code
 * sts-policy-fetch-error}).
 *
 * @param resultType the result type
 * @param triage what to do about it, by the {@link Triage} in use
 * @param failedSessions the failed sessions in the group (per-policy figures: a session reported
 *     under both STS and TLSA counts in both)
 * @param sendingMtaIps failed sessions per sending MTA IP
 * @param receivingMxHosts failed sessions per receiving MX host (lower case)
 * @param days the UTC days with failures of this group
 * @param reportingOrganizations failed sessions per reporting organization
 */
public record FailureGroup(
    ResultType resultType,
    TriageClass triage,
    long failedSessions,
    Map<String, Long> sendingMtaIps,
    Map<String, Long> receivingMxHosts,
    SortedSet<LocalDate> days,
    Map<String, Long> reportingOrganizations) {

  /**
   * Checks the components and copies the collections.
   *
   * @param resultType the {@code resultType} component
   * @param triage the {@code triage} component
   * @param failedSessions the {@code failedSessions} component
   * @param sendingMtaIps the {@code sendingMtaIps} component
   * @param receivingMxHosts the {@code receivingMxHosts} component
   * @param days the {@code days} component
   * @param reportingOrganizations the {@code reportingOrganizations} component
   */
  public FailureGroup {
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(triage, "triage");
    sendingMtaIps = Map.copyOf(sendingMtaIps);
    receivingMxHosts = Map.copyOf(receivingMxHosts);
    days = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(days));
    reportingOrganizations = Map.copyOf(reportingOrganizations);
  }
}
