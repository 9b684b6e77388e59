package dev.mtasts.audit.internal;

import dev.mtasts.audit.MxProbe;
import dev.mtasts.policy.Mode;
import dev.mtasts.sender.FetchedPolicy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict lines: what a compliant sender does with mail to the domain now, and what it would
 * do if the policy were {@code enforce} (RFC 8461 §5: enforce refuses an MX that is not covered,
 * lacks STARTTLS or has an invalid certificate; testing delivers and reports).
 */
final class Verdicts {
  private Verdicts() {}

  static List<String> of(boolean stsRecord, @Nullable FetchedPolicy policy, List<MxProbe> mx) {
    List<String> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> accepted = new ArrayList<>();
    for (MxProbe p : mx) {
      if (policy == null) {
        if (p.problem() == null) {
          accepted.add(p.host());
        } else {
          refused.add(p.host() + " (" + p.refusal().orElse("") + ")");
        }
        continue;
      }
      p.refusal().ifPresentOrElse(r -> refused.add(p.host() + " (" + r + ")"), () -> accepted.add(p.host()));
    }
    String enforce = mx.isEmpty() ? "there is no MX host to deliver to"
        : refused.isEmpty() ? "every MX host would be accepted (" + String.join(", ", accepted) + ")"
        : accepted.isEmpty() ? "ALL MAIL WOULD BE REFUSED: " + String.join("; ", refused)
        : "mail would go to " + String.join(", ", accepted) + " only; refused: " + String.join("; ", refused);
    if (!stsRecord || policy == null) {
      out.add("now: a sender without a cached policy delivers as if the domain had no MTA-STS ("
          + (!stsRecord ? "no usable _mta-sts record" : "the policy cannot be fetched") + "); one with a cached policy"
          + " keeps applying it until its max_age runs out");
      out.add("under enforce (once a policy is served): " + enforce);
      return out;
    }
    Mode mode = policy.policy().mode();
    switch (mode) {
      case ENFORCE -> out.add("now (enforce): " + enforce);
      case TESTING -> {
        out.add("now (testing): mail is delivered to every MX host; "
            + (refused.isEmpty() ? "no failure is reported" : "failures are reported over TLS-RPT for " + String.join("; ", refused)));
        out.add("under enforce: " + enforce);
      }
      default -> {
        out.add("now (none): senders treat the domain as having no policy");
        out.add("under enforce: " + enforce);
      }
    }
    return out;
  }
}
