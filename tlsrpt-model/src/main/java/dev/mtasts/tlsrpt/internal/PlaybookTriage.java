package dev.mtasts.tlsrpt.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.tlsrpt.FailureObservation;
import dev.mtasts.tlsrpt.KnownSenders;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.Triage;
import dev.mtasts.tlsrpt.TriageClass;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The deployment playbook's triage rules; see {@link Triage#playbook()} for the table. */
public final class PlaybookTriage implements Triage {

  /** The rules without the owner's knowledge: no listed MX host, no known sender. */
  public static final PlaybookTriage INSTANCE = new PlaybookTriage(Set.of(), KnownSenders.none());

  private final Set<String> ownMxHosts;
  private final KnownSenders known;

  /**
   * Creates the rules with the owner's knowledge.
   *
   * @param ownMxHosts the domain's MX hosts (from {@code mx.txt} or DNS)
   * @param known the senders the owner knows
   */
  public PlaybookTriage(Collection<String> ownMxHosts, KnownSenders known) {
    Set<String> hosts = new TreeSet<>();
    for (String h : ownMxHosts) {
      hosts.add(DomainName.comparisonKey(h));
    }
    this.ownMxHosts = Set.copyOf(hosts);
    this.known = known;
  }

  @Override
  public TriageClass classify(FailureObservation o) {
    ResultType type = o.resultType();
    if (type.equals(ResultType.FAILURES_WITHOUT_DETAILS)) {
      // Failed sessions no failure-details describe: evidence with no cause to read.
      return TriageClass.INVESTIGATE;
    }
    // RFC 8460 §4.3.2.2: the policy could not be fetched or validated, so it does not apply.
    if (type.equals(ResultType.STS_POLICY_FETCH_ERROR)
        || type.equals(ResultType.STS_POLICY_INVALID)
        || type.equals(ResultType.STS_WEBPKI_INVALID)) {
      return TriageClass.FIX_POLICY_HOSTING;
    }
    String mx = o.receivingMxHostname();
    boolean ours = mx == null || isOwnMx(mx, o);
    boolean knownSender = known.knows(o.sendingMtaIp(), o.reportingOrganization());
    if (isCertificate(type)) {
      // Our certificate, whoever reported it (an internal relay on a private address included).
      if (ours) {
        return TriageClass.FIX_OUR_SIDE;
      }
      return knownSender ? TriageClass.FIX_WITH_SENDER : TriageClass.INVESTIGATE;
    }
    if (type.equals(ResultType.STARTTLS_NOT_SUPPORTED)) {
      // Never safe to ignore: seen from several places it is our MX; from one, maybe a middlebox.
      if (ours && (o.reportingOrganizations() > 1 || o.sendingNetworks() > 1)) {
        return TriageClass.FIX_OUR_SIDE;
      }
      return knownSender ? TriageClass.FIX_WITH_SENDER : TriageClass.INVESTIGATE;
    }
    if (type.category() == ResultType.Category.NEGOTIATION) {
      // validation-failure and future negotiation types: enforcing against senders that cannot
      // do modern TLS is the point, unless the owner knows the sender.
      return knownSender ? TriageClass.FIX_WITH_SENDER : TriageClass.USUALLY_SAFE_TO_IGNORE;
    }
    return knownSender ? TriageClass.FIX_WITH_SENDER : TriageClass.INVESTIGATE;
  }

  private static boolean isCertificate(ResultType type) {
    return type.equals(ResultType.CERTIFICATE_HOST_MISMATCH)
        || type.equals(ResultType.CERTIFICATE_EXPIRED)
        || type.equals(ResultType.CERTIFICATE_NOT_TRUSTED);
  }

  private boolean isOwnMx(String mx, FailureObservation o) {
    String host = DomainName.comparisonKey(mx);
    if (ownMxHosts.contains(host)) {
      return true;
    }
    String domain = o.policyDomain();
    if (!domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain))) {
      return true;
    }
    for (String pattern : o.policyMxPatterns()) {
      // The SDK's one matcher (RFC 8461 §4.1); a report's mx-host that is no pattern covers nothing.
      MxPattern p = pattern(pattern);
      if (p != null && p.matches(host)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable MxPattern pattern(String text) {
    try {
      return MxPattern.parse(DomainName.comparisonKey(text));
    } catch (PolicyParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PlaybookTriage[ownMxHosts=" + ownMxHosts + ", known=" + known + "]";
  }
}
