package dev.mtasts.lifecycle.internal;

import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.lifecycle.Evidence;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.FailureGroup;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.SessionCounts;
import dev.mtasts.tlsrpt.TriageClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The enforce guard: computes a {@link Readiness} from the evidence, without I/O.
 *
 * <p>The window is the {@code windowDays} complete UTC days before the moment of evaluation, never
 * anchored on a report: a report dated after that moment (a wrong clock, or a forged date) is
 * outside every window and moves nothing (callers that know the real time set such reports aside
 * with a warning, as the CLI does). The rules follow RFC 8461 §8.1 and the playbook:
 * TLS-RPT on; reports still arriving (one in the last {@link LifecycleOptions#RECENT_DAYS} days);
 * enough days with sessions; no failure not classed as safe to ignore above a small threshold;
 * nothing on our side or at the policy hosting left to fix; every MX host covered.
 */
public final class ReadinessCheck {
  private ReadinessCheck() {}

  /**
   * Assesses whether {@code policy} may be published in enforce mode.
   *
   * @param domain the policy domain
   * @param policy the enforce policy
   * @param evidence the evidence
   * @param now the moment of evaluation; the window ends with the UTC day before it
   * @param options the thresholds
   * @return the readiness
   */
  public static Readiness assess(String domain, MtaStsPolicy policy, Evidence evidence,
      Instant now, LifecycleOptions options) {
    return assess(domain, policy, evidence, now, options, null);
  }

  /**
   * Assesses whether {@code policy} may be published in enforce mode, and, with a history whose
   * current policy is in mode testing, whether testing was published for the whole window.
   *
   * @param domain the policy domain
   * @param policy the enforce policy
   * @param evidence the evidence
   * @param now the moment of evaluation; the window ends with the UTC day before it
   * @param options the thresholds
   * @param history the publication history, or {@code null} when unknown
   * @return the readiness
   */
  public static Readiness assess(String domain, MtaStsPolicy policy, Evidence evidence,
      Instant now, LifecycleOptions options, @Nullable PublicationHistory history) {
    String name = DomainName.of(domain).toString();
    LocalDate end = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    LocalDate start = end.minusDays(options.windowDays() - 1L);
    List<Reason> blocking = new ArrayList<>();
    List<Reason> warnings = new ArrayList<>();

    if (history != null) {
      Reason tooShort = testingTooShort(history, start, options);
      if (tooShort != null) {
        blocking.add(tooShort);
      }
    }

    @Nullable TlsRptRecord record = evidence.tlsRpt();
    if (record == null || record.rua().isEmpty()) {
      blocking.add(new Reason.General(Code.TLSRPT_RECORD_MISSING, "no valid TXT record at _smtp._tls."
          + name + " with a rua destination (RFC 8460 §3); publish one such as \"v=TLSRPTv1;"
          + " rua=mailto:tlsrpt@" + name + "\" and collect " + options.windowDays()
          + " days of reports before enforcing"));
    }

    @Nullable ReportSummary summary = evidence.reports();
    @Nullable DomainSummary reports = summary == null ? null : summary.domain(name, start, end);
    windowRule(reports, start, end, options, blocking, warnings);

    long total = reports == null ? 0 : reports.sessions().total();
    long failed = reports == null ? 0 : reports.sessions().failed();
    if (total == 0) {
      blocking.add(new Reason.General(Code.NO_SESSIONS, "the TLS-RPT reports for " + name
          + " from " + start + " to " + end + " count no session at all; reports without sessions"
          + " prove nothing, so wait until senders have delivered mail under the testing policy"));
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
      failures(reports, failed, start, end, options, blocking, warnings);
    }

    blocking.addAll(mxCoverage(policy, evidence.mxHosts()));

    long minMaxAge = options.minEnforceMaxAge().toSeconds();
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
   * Enough days with sessions, and a report in the last days: senders report only days they sent
   * mail, so a small domain is not held back by quiet days, but silence at the end of the window
   * may mean the reports stopped arriving (a broken rua mailbox), which proves nothing.
   */
  private static void windowRule(@Nullable DomainSummary reports, LocalDate start, LocalDate end,
      LifecycleOptions options, List<Reason> blocking, List<Reason> warnings) {
    List<LocalDate> missing = new ArrayList<>();
    List<LocalDate> silent = new ArrayList<>();
    int withSessions = 0;
    boolean recent = false;
    LocalDate recentFrom = end.minusDays(LifecycleOptions.RECENT_DAYS - 1L);
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      @Nullable DaySummary figures = reports == null ? null : reports.days().get(day);
      boolean reported = figures != null && (figures.covered() || figures.reports() > 0);
      if (figures == null || !reported) {
        missing.add(day);
      } else if (figures.sessions().total() == 0) {
        silent.add(day);
      } else {
        withSessions++;
      }
      if (reported && !day.isBefore(recentFrom)) {
        recent = true;
      }
    }
    int required = options.requiredDaysWithSessions();
    if (withSessions < required) {
      blocking.add(new Reason.General(Code.TOO_FEW_DAYS_WITH_SESSIONS, withSessions + " of the "
          + options.windowDays() + " days from " + start + " to " + end + " have reported"
          + " sessions; " + required + " are needed (--min-days). Wait for more reports: every"
          + " day without sessions is listed among the warnings"));
    }
    if (!recent) {
      blocking.add(new Reason.General(Code.NO_RECENT_REPORTS, "no report covers the last "
          + LifecycleOptions.RECENT_DAYS + " days of the window (" + recentFrom + " to " + end
          + "): reports may have stopped arriving; check the rua address of _smtp._tls and"
          + " decide on fresh reports"));
    }
    if (!missing.isEmpty()) {
      warnings.add(new Reason.MissingDays(missing));
    }
    if (!silent.isEmpty()) {
      List<String> days = new ArrayList<>();
      for (LocalDate day : silent) {
        days.add(day.toString());
      }
      warnings.add(new Reason.General(Code.DAYS_WITHOUT_SESSIONS, "reports for " + String.join(", ",
          days) + " count no session; those days add no evidence"));
    }
  }

  /**
   * Every failed session counts: those with {@code failure-details} in their triage group, those
   * without in the domain's failure total. What is not classed as safe to ignore must stay under
   * the threshold; groups to fix on our side, at the policy hosting or with a known sender block
   * whatever their size.
   */
  private static void failures(DomainSummary reports, long failed, LocalDate start, LocalDate end,
      LifecycleOptions options, List<Reason> blocking, List<Reason> warnings) {
    long ignorable = 0;
    long blocked = 0;
    long investigate = 0;
    long withoutDetails = 0;
    for (FailureGroup group : reports.failureGroups(options.triage())) {
      TriageClass triage = group.triage();
      long n = group.failedSessions();
      if (triage == TriageClass.FIX_OUR_SIDE) {
        blocking.add(new Reason.Failures(Code.OUR_SIDE_FAILURES, group));
        blocked = Saturating.add(blocked, n);
      } else if (triage == TriageClass.FIX_POLICY_HOSTING) {
        blocking.add(new Reason.Failures(Code.POLICY_HOSTING_FAILURES, group));
        blocked = Saturating.add(blocked, n);
      } else if (triage == TriageClass.FIX_WITH_SENDER) {
        blocking.add(new Reason.Failures(Code.KNOWN_SENDER_FAILURES, group));
        blocked = Saturating.add(blocked, n);
      } else if (triage == TriageClass.USUALLY_SAFE_TO_IGNORE) {
        warnings.add(new Reason.Failures(Code.IGNORABLE_FAILURES, group));
        ignorable = Saturating.add(ignorable, n);
      } else {
        warnings.add(new Reason.Failures(Code.FAILURES_TO_INVESTIGATE, group));
        if (group.resultType().equals(ResultType.FAILURES_WITHOUT_DETAILS)) {
          withoutDetails = Saturating.add(withoutDetails, n);
        } else {
          investigate = Saturating.add(investigate, n);
        }
      }
    }
    // Failure details are optional (RFC 8460 §4.4): failed sessions beyond every detailed group
    // are evidence too, as are the groups to investigate. The groups to fix block on their own.
    long grouped = Saturating.add(Saturating.add(ignorable, blocked),
        Saturating.add(investigate, withoutDetails));
    // Summaries group failed sessions without details themselves; any left over still counts.
    long undetailed = Saturating.add(withoutDetails, Math.max(0, failed - grouped));
    long unexplained = Saturating.add(investigate, undetailed);
    long threshold = options.failureThreshold(reports.sessions().total());
    if (unexplained > threshold) {
      blocking.add(new Reason.General(Code.TOO_MANY_FAILURES, unexplained + " failed sessions from "
          + start + " to " + end + " are not classed as safe to ignore ("
          + (undetailed > 0 ? undetailed + " reported without failure details" : "")
          + (undetailed > 0 && investigate > 0 ? ", " : "")
          + (investigate > 0 ? investigate + " to investigate" : "")
          + "), above the threshold of " + threshold + " (0.1 % of the "
          + reports.sessions().total() + " sessions or 10, whichever is larger; --max-failures"
          + " sets it). Find out why they fail before enforcing: in enforce mode such sessions do"
          + " not deliver mail"));
    }
  }

  /**
   * Returns why mode testing was not published for the whole window, or {@code null}: reports
   * that reach back before the testing policy was published show senders that had no policy to
   * test, so the window must lie entirely inside the testing period. Only a history whose current
   * policy is in mode testing is checked.
   *
   * @param history the publication history
   * @param windowStart the first day of the window
   * @param options the thresholds
   * @return the reason, or {@code null}
   */
  public static @Nullable Reason testingTooShort(PublicationHistory history, LocalDate windowStart,
      LifecycleOptions options) {
    List<ServedPolicy> entries = history.entries();
    if (entries.isEmpty() || history.current().isEmpty()
        || history.current().get().policy().mode() != Mode.TESTING) {
      return null;
    }
    int i = entries.size() - 1;
    Instant since = entries.get(i).from();
    while (i > 0 && entries.get(i - 1).policy().mode() == Mode.TESTING
        && since.equals(entries.get(i - 1).until())) {
      i--;
      since = entries.get(i).from();
    }
    Instant start = windowStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!since.isAfter(start)) {
      return null;
    }
    LocalDate firstFullDay = LocalDate.ofInstant(since.minusNanos(1), ZoneOffset.UTC).plusDays(1);
    LocalDate earliest = firstFullDay.plusDays(options.windowDays());
    return new Reason.General(Code.TESTING_TOO_SHORT, "mode testing has been published only since "
        + Times.format(since) + ", but the " + options.windowDays() + "-day readiness window"
        + " starts on " + windowStart + "; reports from before show senders with no policy to"
        + " test. Enforce on " + earliest + " or later");
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
