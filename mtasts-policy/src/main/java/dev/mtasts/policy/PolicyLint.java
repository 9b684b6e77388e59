package dev.mtasts.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reviews a valid policy for settings that are legal but risky or pointless. Findings are advice
 * with a {@link LintSeverity}; validity is the parser's job.
 *
 * <pre>{@code
 * MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
 *     + "mx: *.example.com\nmax_age: 3600\n");
 * PolicyLint.lint(p, List.of("mx1.example.com", "backup.example.org"));
 * // WARNING MAX_AGE_UNDER_ONE_DAY, INFO SHADOWED_MX (mx1.example.com),
 * // ERROR MX_HOST_NOT_COVERED (backup.example.org)
 * }</pre>
 */
public final class PolicyLint {
  private static final long ONE_DAY = 86_400L;
  private static final long ONE_WEEK = 604_800L;

  private PolicyLint() {}

  /**
   * Reviews the policy on its own.
   *
   * @param policy the policy
   * @return the findings, most severe kinds first within each topic, in a stable order
   */
  public static List<LintFinding> lint(MtaStsPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    List<LintFinding> out = new ArrayList<>();
    maxAge(policy, out);
    patterns(policy, out);
    extensions(policy, out);
    return List.copyOf(out);
  }

  /**
   * Reviews the policy against the domain's actual MX hosts (the targets of its MX records): also
   * reports hosts no pattern covers and patterns that cover no host.
   *
   * @param policy the policy
   * @param mxHosts the MX host names, trailing root dot allowed
   * @return the findings
   */
  public static List<LintFinding> lint(MtaStsPolicy policy, Collection<String> mxHosts) {
    Objects.requireNonNull(policy, "policy");
    List<String> hosts = List.copyOf(mxHosts);
    List<LintFinding> out = new ArrayList<>(lint(policy));
    for (String host : hosts) {
      if (!policy.matches(host)) {
        LintSeverity severity = policy.mode() == Mode.ENFORCE ? LintSeverity.ERROR
            : policy.mode() == Mode.TESTING ? LintSeverity.WARNING : LintSeverity.INFO;
        out.add(new LintFinding(severity, LintCode.MX_HOST_NOT_COVERED, "MX host " + host
            + " is covered by no mx pattern"
            + (policy.mode() == Mode.ENFORCE ? "; senders enforcing the policy will not deliver to it" : "")
            + "; add \"mx: " + stripDot(host) + "\""));
      }
    }
    if (!hosts.isEmpty()) {
      for (MxPattern p : policy.mx()) {
        boolean used = false;
        for (String host : hosts) {
          if (p.matches(host)) {
            used = true;
            break;
          }
        }
        if (!used) {
          out.add(new LintFinding(LintSeverity.WARNING, LintCode.MX_PATTERN_UNUSED, "mx " + p
              + " covers none of the MX hosts " + hosts + "; remove it if it is stale"));
        }
      }
    }
    return List.copyOf(out);
  }

  private static void maxAge(MtaStsPolicy policy, List<LintFinding> out) {
    long maxAge = policy.maxAge();
    if (policy.mode() == Mode.NONE) {
      if (maxAge > ONE_DAY) {
        out.add(new LintFinding(LintSeverity.WARNING, LintCode.NONE_MAX_AGE_ABOVE_ONE_DAY,
            "mode none with max_age " + maxAge + "; to turn MTA-STS off publish mode none with"
                + " max_age 86400 and no mx lines (RFC 8461 §8.3)"));
      }
      return;
    }
    if (maxAge < ONE_DAY) {
      out.add(new LintFinding(LintSeverity.WARNING, LintCode.MAX_AGE_UNDER_ONE_DAY, "mode "
          + policy.mode().wireName() + " with max_age " + maxAge + " (under one day): cached policies"
          + " expire quickly, which weakens protection against downgrade (RFC 8461 §10.2);"
          + " use at least 604800"));
    } else if (maxAge < ONE_WEEK) {
      out.add(new LintFinding(LintSeverity.INFO, LintCode.MAX_AGE_UNDER_ONE_WEEK, "mode "
          + policy.mode().wireName() + " with max_age " + maxAge + " (under one week); a week"
          + " (604800) or more is commonly recommended"));
    }
  }

  private static void patterns(MtaStsPolicy policy, List<LintFinding> out) {
    List<MxPattern> mx = policy.mx();
    if (policy.mode() == Mode.NONE && !mx.isEmpty()) {
      out.add(new LintFinding(LintSeverity.INFO, LintCode.NONE_WITH_MX, "mode none still lists "
          + mx.size() + " mx pattern(s); senders ignore them, remove them when turning MTA-STS off"));
    }
    // Linear in the number of patterns: a hostile file may hold thousands of them.
    Set<String> wildcards = new HashSet<>();
    for (MxPattern p : mx) {
      if (p.wildcard()) {
        wildcards.add(p.pattern());
      }
    }
    Set<MxPattern> seen = new HashSet<>();
    for (MxPattern p : mx) {
      if (!seen.add(p)) {
        out.add(new LintFinding(LintSeverity.WARNING, LintCode.DUPLICATE_MX, "mx " + p
            + " appears more than once; remove the repeat"));
        continue;
      }
      String text = p.pattern();
      int dot = text.indexOf('.');
      // RFC 8461 §4.1: "*.example.com" covers exactly the names one label below example.com
      if (!p.wildcard() && dot > 0 && wildcards.contains("*" + text.substring(dot))) {
        out.add(new LintFinding(LintSeverity.INFO, LintCode.SHADOWED_MX, "mx " + p
            + " is already covered by mx *" + text.substring(dot) + "; it can be removed"));
      }
    }
  }

  private static void extensions(MtaStsPolicy policy, List<LintFinding> out) {
    for (Extension e : policy.extensions()) {
      String lower = e.name().toLowerCase(Locale.ROOT);
      if (lower.equals("version") || lower.equals("mode") || lower.equals("max_age") || lower.equals("mx")) {
        out.add(new LintFinding(LintSeverity.WARNING, LintCode.EXTENSION_LOOKS_LIKE_FIELD, "key "
            + e.name() + " is not the field " + lower + " (keys are case-sensitive) and is ignored;"
            + " write it in lower case"));
      }
    }
  }

  private static String stripDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
