package dev.mtasts.tlsrpt;

import dev.mtasts.tlsrpt.internal.PlaybookTriage;

/**
 * A replaceable strategy that classifies failures into {@link TriageClass}es.
 *
 * <p>{@link #playbook()} implements the deployment playbook's rules; pass another implementation
 * to {@link DomainSummary#failureGroups(Triage)} to apply local knowledge (known partner IPs, MX
 * hosts run by a provider):
 *
 * <pre>{@code
 * Triage mine = o -> o.sendingMtaIp() != null && o.sendingMtaIp().startsWith("203.0.113.")
 *     ? TriageClass.FIX_OUR_SIDE
 *     : Triage.playbook().classify(o);
 * }</pre>
 */
@FunctionalInterface
public interface Triage {

  /**
   * Classifies one kind of failure.
   *
   * @param observation what was reported
   * @return the class, never {@code null}
   */
  TriageClass classify(FailureObservation observation);

  /**
   * Returns the playbook rules.
   *
   * <ol>
   *   <li>{@code sts-policy-fetch-error}, {@code sts-policy-invalid}, {@code sts-webpki-invalid}:
   *       {@link TriageClass#FIX_POLICY_HOSTING}.
   *   <li>{@code starttls-not-supported}: {@link TriageClass#USUALLY_SAFE_TO_IGNORE}.
   *   <li>Other negotiation failures ({@code certificate-host-mismatch}, {@code
   *       certificate-expired}, {@code certificate-not-trusted}, {@code validation-failure}) from a
   *       sender that does not look legitimate (its {@code sending-mta-ip} is not an IP address,
   *       or is private, loopback, link-local or unspecified): {@link
   *       TriageClass#USUALLY_SAFE_TO_IGNORE}.
   *   <li>Those certificate failures on the domain's own MX hosts (the receiving MX matches one of
   *       the policy's MX patterns, is the domain or below it, or was not reported): {@link
   *       TriageClass#FIX_OUR_SIDE}.
   *   <li>Everything else (other MX hosts, DANE types, unknown types): {@link
   *       TriageClass#INVESTIGATE}.
   * </ol>
   *
   * @return the default strategy
   */
  static Triage playbook() {
    return PlaybookTriage.INSTANCE;
  }
}
