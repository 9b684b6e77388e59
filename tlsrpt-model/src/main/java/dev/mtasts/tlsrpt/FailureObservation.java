package dev.mtasts.tlsrpt;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts a {@link Triage} strategy sees about one kind of failure of one policy domain.
 *
 * @param policyDomain the policy domain, lower case ({@code ""} when reports named none)
 * @param policyTypeText the {@code policy-type} the failure was reported under
 * @param resultType the result type
 * @param sendingMtaIp the sending MTA's IP, or {@code null} when not reported
 * @param receivingMxHostname the receiving MX host, lower case, or {@code null} when not reported
 * @param policyMxPatterns the domain's MX patterns as seen in its policies ({@code mx-host} and
 *     the {@code mx:} lines of STS policy strings), lower case
 * @param reportingOrganization the {@code organization-name} of the report, or {@code null} when
 *     unknown
 * @param reportingOrganizations how many distinct organizations reported this result type towards
 *     this receiving MX over the summary's days (at least 1)
 * @param sendingNetworks how many distinct sending networks (IPv4 /24, IPv6 /48; an unreported
 *     or unparsable IP counts as one network) saw this result type towards this receiving MX over
 *     the summary's days (at least 1)
 */
public record FailureObservation(
    String policyDomain,
    String policyTypeText,
    ResultType resultType,
    @Nullable String sendingMtaIp,
    @Nullable String receivingMxHostname,
    Set<String> policyMxPatterns,
    @Nullable String reportingOrganization,
    int reportingOrganizations,
    int sendingNetworks) {

  /**
   * Checks the components and copies the set.
   *
   * @param policyDomain the {@code policyDomain} component
   * @param policyTypeText the {@code policyTypeText} component
   * @param resultType the {@code resultType} component
   * @param sendingMtaIp the {@code sendingMtaIp} component
   * @param receivingMxHostname the {@code receivingMxHostname} component
   * @param policyMxPatterns the {@code policyMxPatterns} component
   * @param reportingOrganization the {@code reportingOrganization} component
   * @param reportingOrganizations the {@code reportingOrganizations} component
   * @param sendingNetworks the {@code sendingNetworks} component
   * @throws IllegalArgumentException if a count is below 1
   */
  public FailureObservation {
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(policyTypeText, "policyTypeText");
    Objects.requireNonNull(resultType, "resultType");
    policyMxPatterns = Set.copyOf(policyMxPatterns);
    if (reportingOrganizations < 1 || sendingNetworks < 1) {
      throw new IllegalArgumentException("a failure is seen by at least one organization and"
          + " network, not " + reportingOrganizations + " and " + sendingNetworks);
    }
  }

  /**
   * Returns an observation of one failure seen by a single, unnamed reporter.
   *
   * @param policyDomain the policy domain
   * @param policyTypeText the policy type text
   * @param resultType the result type
   * @param sendingMtaIp the sending MTA's IP, or {@code null}
   * @param receivingMxHostname the receiving MX host, or {@code null}
   * @param policyMxPatterns the domain's MX patterns
   */
  public FailureObservation(String policyDomain, String policyTypeText, ResultType resultType,
      @Nullable String sendingMtaIp, @Nullable String receivingMxHostname,
      Set<String> policyMxPatterns) {
    this(policyDomain, policyTypeText, resultType, sendingMtaIp, receivingMxHostname,
        policyMxPatterns, null, 1, 1);
  }
}
