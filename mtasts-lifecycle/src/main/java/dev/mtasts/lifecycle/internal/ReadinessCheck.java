package dev.mtasts.lifecycle.internal;

import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.lifecycle.Evidence;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.FailureGroup;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SessionCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The enforce guard: computes a {@link Readiness} from the evidence, without I/O. */
public final class ReadinessCheck {
  private ReadinessCheck() {}

  /**
   * Assesses whether {@code policy} may be published in enforce mode.
   *
   * @param domain the policy domain
   * @param policy the enforce policy
   * @param evidence the evidence
   * @param now the current instant; the window ends with the UTC day before it
   * @param options the thresholds
   * @return the readiness
   */
  public static Readiness assess(String domain, MtaStsPolicy policy, Evidence evidence,
      Instant now, LifecycleOptions options) {
    String name = Domains.normalize(domain);
    LocalDate end = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    LocalDate start = end.minusDays(options.windowDays() - 1L);
    List<Reason> blocking = new ArrayList<>();
    List<Reason> warnings = new ArrayList<>();

    @Nullable TlsRptRecord record = evidence.tlsRpt();
    if (record == null || record.rua().isEmpty()) {
      blocking.add(new Reason.General(Code.TLSRPT_RECORD_MISSING, "no valid TXT record at _smtp._tls."
          + name + " with a rua destination (RFC 8460 §3); publish one such as \"v=TLSRPTv1;"
          + " rua=mailto:tlsrpt@" + name + "\" and collect " + options.windowDays()
          + " days of reports before enforcing"));
    }

    @Nullable ReportSummary summary = evidence.reports();
    @Nullable DomainSummary reports = summary == null ? null : summary.domain(name, start, end);
    List<LocalDate> missing = new ArrayList<>();
    List<LocalDate> silent = new ArrayList<>();
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      @Nullable DaySummary figures = reports == null ? null : reports.days().get(day);
      if (figures == null || !figures.covered()) {
        missing.add(day);
      } else if (figures.sessions().total() == 0) {
        silent.add(day);
      }
    }
    if (!missing.isEmpty()) {
      blocking.add(new Reason.MissingDays(missing));
    }

    long total = reports == null ? 0 : reports.sessions().total();
    long failed = reports == null ? 0 : reports.sessions().failed();
    if (total == 0) {
      blocking.add(new Reason.General(Code.NO_SESSIONS, "the TLS-RPT reports for " + name
          + " from " + start + " to " + end + " count no session at all; reports without sessions"
          + " prove nothing, so wait until senders have delivered mail under the testing policy"));
    } else if (!silent.isEmpty()) {
      List<String> days = new ArrayList<>();
      for (LocalDate day : silent) {
        days.add(day.toString());
      }
      warnings.add(new Reason.General(Code.DAYS_WITHOUT_SESSIONS, "reports for " + String.join(", ",
          days) + " count no session; those days add no evidence"));
    }

    if (reports != null && total > 0) {
      @Nullable SessionCounts sts = reports.byPolicyType().get("sts");
      if (sts == null || sts.total() == 0) {
        warnings.add(new Reason.General(Code.NO_STS_SESSIONS, "none of the " + total + " sessions"
            + " from " + start + " to " + end + " was reported under an MTA-STS policy, so senders"
            + " have not applied the testing policy; check the TXT record _mta-sts." + name
            + " and that " + Planner.policyUrl(name) + " serves the policy"));
      }
    }
    if (reports != null) {
      for (FailureGroup group : reports.failureGroups(options.triage())) {
        switch (group.triage()) {
          case FIX_OUR_SIDE:
            blocking.add(new Reason.Failures(Code.OUR_SIDE_FAILURES, group));
            break;
          case FIX_POLICY_HOSTING:
            warnings.add(new Reason.Failures(Code.POLICY_HOSTING_FAILURES, group));
            break;
          case USUALLY_SAFE_TO_IGNORE:
            warnings.add(new Reason.Failures(Code.IGNORABLE_FAILURES, group));
            break;
          default:
            warnings.add(new Reason.Failures(Code.FAILURES_TO_INVESTIGATE, group));
            break;
        }
      }
    }

    blocking.addAll(mxCoverage(policy, evidence.mxHosts()));

    long minMaxAge = options.minEnforceMaxAge().getSeconds();
    if (policy.maxAge() < minMaxAge) {
      warnings.add(new Reason.General(Code.SHORT_MAX_AGE, "max_age " + policy.maxAge()
          + " is below " + minMaxAge + " seconds (" + days(options.minEnforceMaxAge()) + "); an"
          + " enforce policy protects only while it is cached, so prefer weeks (RFC 8461 §10.2),"
          + " e.g. max_age: 1209600"));
    }

    if (total > 0 && (double) failed / total > options.maxFailureRate()) {
      warnings.add(new Reason.General(Code.HIGH_FAILURE_RATE, String.format(Locale.ROOT,
          "%d of %d sessions (%.2f %%) failed from %s to %s, above the threshold of %.2f %%",
          failed, total, 100.0 * failed / total, start, end, 100.0 * options.maxFailureRate())));
    }
    return Readiness.of(blocking, warnings, start, end);
  }

  /**
   * Returns the reasons why the policy does not cover the MX hosts: the hosts no pattern matches,
   * or the fact that the MX list is unknown.
   *
   * @param policy the policy
   * @param mxHosts the domain's MX hosts, normalized
   * @return the reasons, empty when every host is covered
   */
  public static List<Reason> mxCoverage(MtaStsPolicy policy, List<String> mxHosts) {
    if (mxHosts.isEmpty()) {
      return List.of(new Reason.General(Code.MX_HOSTS_UNKNOWN, "the domain's MX hosts were not"
          + " given, so it is unknown whether every MX host matches an mx pattern of the policy;"
          + " look up the MX records and pass them"));
    }
    List<String> uncovered = new ArrayList<>();
    for (String host : mxHosts) {
      if (!policy.matches(host)) {
        uncovered.add(host);
      }
    }
    return uncovered.isEmpty() ? List.of()
        : List.of(new Reason.UncoveredMxHosts(uncovered, policy.mx()));
  }

  private static String days(Duration d) {
    long days = d.toDays();
    return days + " day" + (days == 1 ? "" : "s");
  }
}
