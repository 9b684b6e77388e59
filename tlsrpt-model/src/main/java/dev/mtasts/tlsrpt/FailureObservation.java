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
 */
public record FailureObservation(
    String policyDomain,
    String policyTypeText,
    ResultType resultType,
    @Nullable String sendingMtaIp,
    @Nullable String receivingMxHostname,
    Set<String> policyMxPatterns) {

  /**
   * Checks the components and copies the set.
   *
   * @param policyDomain the {@code policyDomain} component
   * @param policyTypeText the {@code policyTypeText} component
   * @param resultType the {@code resultType} component
   * @param sendingMtaIp the {@code sendingMtaIp} component
   * @param receivingMxHostname the {@code receivingMxHostname} component
   * @param policyMxPatterns the {@code policyMxPatterns} component
   */
  public FailureObservation {
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(policyTypeText, "policyTypeText");
    Objects.requireNonNull(resultType, "resultType");
    policyMxPatterns = Set.copyOf(policyMxPatterns);
  }
}
