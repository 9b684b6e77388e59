package dev.mtasts.tlsrpt;

import dev.mtasts.tlsrpt.internal.PlaybookTriage;
import java.util.Collection;

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
   * Returns the playbook rules without the owner's knowledge: no MX host listed besides the
   * policy's patterns and the policy domain, no known sender. The same as {@link
   * #playbook(Collection, KnownSenders)} with an empty list and {@link KnownSenders#none()}.
   *
   * <p>"Own MX" below means: the receiving MX is one of the owner's listed MX hosts, matches an
   * {@code mx} pattern of the domain's policy, is the policy domain or below it, or was not
   * reported. "Known sender" means: the sending MTA's IP is in a known range, or the report's
   * organization is a known name. "Seen widely" means: more than one reporting organization or
   * more than one sending network (IPv4 /24, IPv6 /48) reported this result type towards this MX.
   * Rows are tried in order; the first that applies decides (RFC 8460 §4.3 for the types).
   *
   * <table>
   *   <caption>The playbook</caption>
   *   <tr><th>#</th><th>result type</th><th>condition</th><th>class</th></tr>
   *   <tr><td>0</td><td>{@link ResultType#FAILURES_WITHOUT_DETAILS} (failed sessions a report
   *       counts but describes in no {@code failure-details})</td><td>any</td>
   *       <td>{@link TriageClass#INVESTIGATE}: evidence, never dropped</td></tr>
   *   <tr><td>1</td><td>{@code sts-policy-fetch-error}, {@code sts-policy-invalid},
   *       {@code sts-webpki-invalid}</td><td>any</td><td>{@link TriageClass#FIX_POLICY_HOSTING}:
   *       an enforce policy would not take effect</td></tr>
   *   <tr><td>2</td><td>{@code certificate-host-mismatch}, {@code certificate-expired},
   *       {@code certificate-not-trusted}</td><td>own MX, whoever reported it (private sending
   *       IPs included: an internal relay with a certificate that does not match the MX
   *       names)</td><td>{@link TriageClass#FIX_OUR_SIDE}</td></tr>
   *   <tr><td>3</td><td>the same</td><td>another MX, known sender</td>
   *       <td>{@link TriageClass#FIX_WITH_SENDER}</td></tr>
   *   <tr><td>4</td><td>the same</td><td>another MX, unknown sender</td>
   *       <td>{@link TriageClass#INVESTIGATE}</td></tr>
   *   <tr><td>5</td><td>{@code starttls-not-supported}</td><td>own MX, seen widely</td>
   *       <td>{@link TriageClass#FIX_OUR_SIDE}</td></tr>
   *   <tr><td>6</td><td>the same</td><td>otherwise, known sender</td>
   *       <td>{@link TriageClass#FIX_WITH_SENDER}</td></tr>
   *   <tr><td>7</td><td>the same</td><td>otherwise (a single unknown sender: a middlebox on its
   *       path may strip STARTTLS)</td><td>{@link TriageClass#INVESTIGATE}, never safe to
   *       ignore</td></tr>
   *   <tr><td>8</td><td>{@code validation-failure} and other negotiation types</td>
   *       <td>known sender</td><td>{@link TriageClass#FIX_WITH_SENDER}</td></tr>
   *   <tr><td>9</td><td>the same</td><td>unknown sender (enforcing against servers that cannot
   *       do modern TLS is the point)</td><td>{@link TriageClass#USUALLY_SAFE_TO_IGNORE}</td></tr>
   *   <tr><td>10</td><td>DANE types ({@code tlsa-invalid}, {@code dnssec-invalid},
   *       {@code dane-required}), unknown types</td><td>known sender</td>
   *       <td>{@link TriageClass#FIX_WITH_SENDER}</td></tr>
   *   <tr><td>11</td><td>the same</td><td>unknown sender</td>
   *       <td>{@link TriageClass#INVESTIGATE}</td></tr>
   * </table>
   *
   * <p>The enforce guard counts the groups to investigate, row 0 included, against its failure
   * threshold. No row makes a known sender's failure "usually safe to ignore".
   *
   * @return the default strategy
   */
  static Triage playbook() {
    return PlaybookTriage.INSTANCE;
  }

  /**
   * Returns the playbook rules (see {@link #playbook()} for the table) with the owner's
   * knowledge: the domain's MX hosts and the senders the owner knows.
   *
   * <pre>{@code
   * Triage triage = Triage.playbook(List.of("mx1.example.com"),
   *     KnownSenders.of(List.of("203.0.113.0/24"), List.of("Partner Mail Inc.")));
   * }</pre>
   *
   * @param ownMxHosts the domain's MX host names
   * @param knownSenders the senders the owner knows
   * @return the strategy
   */
  static Triage playbook(Collection<String> ownMxHosts, KnownSenders knownSenders) {
    return new PlaybookTriage(ownMxHosts, knownSenders);
  }
}
