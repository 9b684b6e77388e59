package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyIdGenerator;
import dev.mtasts.lifecycle.internal.Planner;
import java.time.Clock;
import java.util.Objects;

/**
 * Plans lifecycle moves. Pure: reads only its arguments and the clock, does no I/O.
 *
 * <p>Transitions: deploy ({@code ABSENT}/{@code DELETED} to {@code TESTING}), enforce
 * ({@code TESTING} to {@code ENFORCE}: refused unless {@link Readiness} passes and mode testing was
 * published for the whole readiness window), roll back, change within a mode, turn off
 * ({@code mode: none}), re-enable ({@code NONE} to {@code TESTING}) and delete. Anything else is a
 * {@link Refusal} with {@link Reason.Code#NOT_A_TRANSITION} and advice. Turning off with another
 * mode none policy than the documented {@link Target#modeNone()} ({@code max_age} 86400, no
 * {@code mx}) is planned with {@link Reason.Code#NONE_MAX_AGE_ABOVE_ONE_DAY} and {@link
 * Reason.Code#NONE_WITH_MX} warnings: a longer {@code max_age} delays the end of a later deletion.
 *
 * <pre>{@code
 * PublicationHistory history = PublicationHistory.read(historyFile, "example.com");
 * Plan plan = Lifecycle.plan(history, Target.of(enforcePolicy), evidence, clock).orThrow();
 * System.out.print(plan.describe());
 * }</pre>
 */
public final class Lifecycle {
  private Lifecycle() {}

  /**
   * Plans a move with the default options and timestamp ids from the clock.
   *
   * @param history what the domain published and when; the state now is derived from it at the
   *     clock's instant ({@link Deployment#of}), so the plan can never start from a stale state
   * @param target where the domain should go
   * @param evidence what is known about TLS-RPT, reports, MX hosts and the TXT TTL
   * @param clock the current time
   * @return the plan, or a refusal with every reason
   */
  public static PlanResult plan(PublicationHistory history, Target target, Evidence evidence, Clock clock) {
    return plan(history, target, evidence, clock, LifecycleOptions.defaults());
  }

  /**
   * Plans a move with timestamp ids from the clock.
   *
   * @param history what the domain published and when
   * @param target where the domain should go
   * @param evidence the evidence
   * @param clock the current time
   * @param options the thresholds
   * @return the plan, or a refusal with every reason
   */
  public static PlanResult plan(PublicationHistory history, Target target, Evidence evidence, Clock clock,
      LifecycleOptions options) {
    return plan(history, target, evidence, clock, options, PolicyIdGenerator.timestamp(clock));
  }

  /**
   * Plans a move.
   *
   * @param history what the domain published and when
   * @param target where the domain should go
   * @param evidence the evidence
   * @param clock the current time
   * @param options the thresholds
   * @param ids makes the new TXT id; the plan never reuses an id of the history
   * @return the plan, or a refusal with every reason
   * @throws IllegalStateException if {@code ids} keeps returning ids of the history, or returns
   *     an id that is not 1 to 32 ASCII letters and digits (RFC 8461 §3.1), which senders would
   *     ignore
   */
  public static PlanResult plan(PublicationHistory history, Target target, Evidence evidence, Clock clock,
      LifecycleOptions options, PolicyIdGenerator ids) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(ids, "ids");
    return Planner.plan(history, target, evidence, clock.instant(), options, ids);
  }
}
