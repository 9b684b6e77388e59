package dev.mtasts.lifecycle;

import dev.mtasts.lifecycle.internal.ReadinessCheck;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Whether a domain may move from {@code mode: testing} to {@code mode: enforce}: the verdict, the
 * reasons that block it and the warnings that do not. Usable on its own by tools:
 *
 * <pre>{@code
 * Readiness r = Readiness.assess("example.com", enforcePolicy, evidence, clock, LifecycleOptions.defaults());
 * if (r.verdict() == Readiness.Verdict.NOT_READY) {
 *   r.blocking().forEach(reason -> System.out.println(reason.code().id() + ": " + reason.message()));
 * }
 * }</pre>
 *
 * <p>Blocking (over the window of complete UTC days before the moment of evaluation, never
 * anchored on a report): no valid TLS-RPT record with a {@code rua}; fewer days with sessions
 * than {@link LifecycleOptions#requiredDaysWithSessions()} (10 of 14 by default); no report for
 * the last {@link LifecycleOptions#RECENT_DAYS} days (reports stopped arriving); no session at
 * all; a failure group the triage marks {@code FIX_OUR_SIDE}, {@code FIX_POLICY_HOSTING} (enforce
 * would not take effect) or {@code FIX_WITH_SENDER}; more failed sessions not classed as safe to
 * ignore (with or without {@code failure-details}) than {@link
 * LifecycleOptions#failureThreshold(long)}; an MX host no {@code mx} pattern matches, or an
 * unknown MX list; with a history, mode testing published for less than the window.
 * Warnings: each day without a report, days with reports but no sessions, a {@code max_age} under the configured minimum, failures
 * that are usually safe to ignore or need investigation, a failure rate above the threshold,
 * sessions none of which applied an MTA-STS policy.
 *
 * @param verdict the verdict
 * @param blocking the reasons that refuse the move; empty unless the verdict is {@code NOT_READY}
 * @param warnings what deserves a look without blocking
 * @param windowStart the first UTC day of the window
 * @param windowEnd the last UTC day of the window (yesterday)
 */
public record Readiness(
    Verdict verdict,
    List<Reason> blocking,
    List<Reason> warnings,
    LocalDate windowStart,
    LocalDate windowEnd) {

  /** The outcome of the check. */
  public enum Verdict {
    /** Nothing blocks and nothing to look at. */
    READY,
    /** Nothing blocks, but there are warnings. */
    READY_WITH_WARNINGS,
    /** At least one blocking reason. */
    NOT_READY
  }

  /**
   * Validates the components.
   *
   * @param verdict the verdict
   * @param blocking the reasons that refuse the move; empty unless the verdict is {@code NOT_READY}
   * @param warnings what deserves a look without blocking
   * @param windowStart the first UTC day of the window
   * @param windowEnd the last UTC day of the window (yesterday)
   * @throws IllegalArgumentException if the verdict does not agree with the lists
   */
  public Readiness {
    Objects.requireNonNull(verdict, "verdict");
    blocking = List.copyOf(blocking);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Verdict expected = !blocking.isEmpty() ? Verdict.NOT_READY
        : warnings.isEmpty() ? Verdict.READY : Verdict.READY_WITH_WARNINGS;
    if (verdict != expected) {
      throw new IllegalArgumentException("verdict " + verdict + " does not match "
          + blocking.size() + " blocking reasons and " + warnings.size() + " warnings");
    }
  }

  /**
   * Returns a readiness whose verdict follows from the lists.
   *
   * @param blocking the blocking reasons
   * @param warnings the warnings
   * @param windowStart the first day of the window
   * @param windowEnd the last day of the window
   * @return the readiness
   */
  public static Readiness of(List<Reason> blocking, List<Reason> warnings, LocalDate windowStart,
      LocalDate windowEnd) {
    Verdict verdict = !blocking.isEmpty() ? Verdict.NOT_READY
        : warnings.isEmpty() ? Verdict.READY : Verdict.READY_WITH_WARNINGS;
    return new Readiness(verdict, blocking, warnings, windowStart, windowEnd);
  }

  /**
   * Checks whether the domain may publish {@code policy} in enforce mode. Pure: reads only its
   * arguments and the clock.
   *
   * @param domain the policy domain
   * @param policy the enforce policy that would be published
   * @param evidence the TLS-RPT record, reports and MX hosts of the domain
   * @param clock gives today; the window is the {@code windowDays} complete UTC days before it
   * @param options the thresholds
   * @return the readiness
   */
  public static Readiness assess(String domain, MtaStsPolicy policy, Evidence evidence,
      Clock clock, LifecycleOptions options) {
    return ReadinessCheck.assess(domain, policy, evidence, clock.instant(), options);
  }

  /**
   * Checks whether the domain may move from its current testing policy to {@code policy} in
   * enforce mode, exactly as {@link Lifecycle#plan} does for that move: the same window, the same
   * rules, and the same {@link Reason.Code#TESTING_TOO_SHORT} check against the history.
   *
   * @param current what is published, with its history
   * @param policy the enforce policy that would be published
   * @param evidence the TLS-RPT record, reports and MX hosts of the domain
   * @param clock gives the moment of evaluation; the window is the complete UTC days before it
   * @param options the thresholds
   * @return the readiness
   */
  public static Readiness assess(Deployment current, MtaStsPolicy policy, Evidence evidence,
      Clock clock, LifecycleOptions options) {
    return ReadinessCheck.assess(current.domain(), policy, evidence, clock.instant(), options,
        current.history());
  }

  /**
   * Tells whether nothing blocks the move.
   *
   * @return {@code true} unless the verdict is {@code NOT_READY}
   */
  public boolean ready() {
    return verdict != Verdict.NOT_READY;
  }
}
