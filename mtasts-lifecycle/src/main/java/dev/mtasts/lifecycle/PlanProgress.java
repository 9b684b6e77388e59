package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PlanStepException.Code;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a person has got with a {@link Plan}; immutable, each completed step returns a new
 * value. It refuses steps out of order (so the TXT id cannot change before the new file is
 * verified), refuses a verification when the URL does not serve the new policy, refuses to end a
 * wait early, and keeps the {@link PublicationHistory} up to date as files start and stop being
 * served.
 *
 * <pre>{@code
 * PlanProgress p = plan.start();
 * p = p.done(p.next().orElseThrow(), clock.instant());      // uploaded
 * p = p.verified(fetchedBody, clock.instant());             // what https://mta-sts.../mta-sts.txt served
 * p = p.done(p.next().orElseThrow(), clock.instant());      // TXT record changed
 * // ... once p.waitEndsAt() has passed:
 * p = p.done(p.next().orElseThrow(), clock.instant());
 * p.history().write(historyFile);
 * }</pre>
 */
public final class PlanProgress {
  private final Plan plan;
  private final int done;
  private final Instant lastDone;
  private final PublicationHistory history;

  private PlanProgress(Plan plan, int done, Instant lastDone, PublicationHistory history) {
    this.plan = plan;
    this.done = done;
    this.lastDone = lastDone;
    this.history = history;
  }

  /**
   * Returns the progress before the first step of the plan.
   *
   * @param plan the plan
   * @return the progress
   */
  public static PlanProgress start(Plan plan) {
    return new PlanProgress(Objects.requireNonNull(plan, "plan"), 0, plan.plannedAt(),
        plan.history());
  }

  /**
   * Returns the plan being followed.
   *
   * @return the plan
   */
  public Plan plan() {
    return plan;
  }

  /**
   * Returns how many steps are done.
   *
   * @return the count
   */
  public int doneCount() {
    return done;
  }

  /**
   * Returns the next step to do.
   *
   * @return the step, or empty when the plan is finished
   */
  public Optional<Step> next() {
    return done < plan.steps().size() ? Optional.of(plan.steps().get(done)) : Optional.empty();
  }

  /**
   * Tells whether every step is done.
   *
   * @return whether the plan is finished
   */
  public boolean finished() {
    return done == plan.steps().size();
  }

  /**
   * Returns the history including what this progress has recorded; persist it after each step.
   *
   * @return the history
   */
  public PublicationHistory history() {
    return history;
  }

  /**
   * Returns when the next step, if it is a wait, ends given when the previous step was done.
   *
   * @return the instant, or empty when the next step is not a wait
   */
  public Optional<Instant> waitEndsAt() {
    return next().filter(Step.Wait.class::isInstance).map(s -> ((Step.Wait) s).endsAt(lastDone));
  }

  /**
   * Marks the next step done. A {@link Step.VerifyServed} needs {@link #verified(String, Instant)}
   * instead, with the body actually served.
   *
   * @param step the step done; must be {@link #next()}
   * @param at when it was done
   * @return the new progress
   * @throws PlanStepException if the step is not the next one, is a verification, or is a wait
   *     that has not ended at {@code at}
   * @throws IllegalArgumentException if {@code at} is before the previous step
   */
  public PlanProgress done(Step step, Instant at) {
    Objects.requireNonNull(step, "step");
    Step next = expectNext(step, at);
    if (next instanceof Step.VerifyServed verify) {
      throw new PlanStepException(Code.OUT_OF_ORDER, "step " + (done + 1) + " is a verification:"
          + " fetch " + verify.url() + " and pass the body to verified()");
    }
    PublicationHistory updated = history;
    if (next instanceof Step.Wait wait) {
      Instant end = wait.endsAt(lastDone);
      if (at.isBefore(end)) {
        throw new PlanStepException(Code.WAIT_NOT_OVER, "step " + (done + 1) + " waits until "
            + end + "; it is " + at + ". " + wait.reason());
      }
    } else if (next instanceof Step.RemovePolicyFile) {
      updated = history.stopped(at);
    }
    return new PlanProgress(plan, done + 1, at, updated);
  }

  /**
   * Marks the next step, a {@link Step.VerifyServed}, done after checking the body the policy URL
   * actually served. The body must parse to the new policy (line ends may differ).
   *
   * @param servedBody the body fetched from the policy URL
   * @param at when it was fetched
   * @return the new progress
   * @throws PlanStepException if the next step is not a verification, or the body is not the new
   *     policy; then do not change the TXT record
   */
  public PlanProgress verified(String servedBody, Instant at) {
    Objects.requireNonNull(servedBody, "servedBody");
    Objects.requireNonNull(at, "at");
    if (finished()) {
      throw new PlanStepException(Code.FINISHED, "every step of the plan is done");
    }
    Step next = plan.steps().get(done);
    if (!(next instanceof Step.VerifyServed verify)) {
      throw new PlanStepException(Code.OUT_OF_ORDER, "step " + (done + 1) + " is not a"
          + " verification but: " + next.instruction());
    }
    checkTime(at);
    MtaStsPolicy expected = Objects.requireNonNull(plan.policy(), "plan policy");
    MtaStsPolicy served;
    try {
      served = MtaStsPolicy.parse(servedBody);
    } catch (MtaStsException | IllegalArgumentException e) {
      throw new PlanStepException(Code.NOT_SERVED, verify.url() + " does not serve a valid policy ("
          + e.getMessage() + "); do not change the TXT record until it serves:\n"
          + verify.expectedText());
    }
    if (!served.equals(expected)) {
      Optional<ServedPolicy> old = history.current();
      String which = old.isPresent() && old.get().policy().equals(served)
          ? "still serves the old policy (id " + old.get().id().value() + ")"
          : "serves another policy";
      throw new PlanStepException(Code.NOT_SERVED, verify.url() + " " + which + " with mode "
          + served.mode().wireName() + " and max_age " + served.maxAge() + "; a sender that saw the"
          + " new id now would cache that policy under it. Do not change the TXT record until it"
          + " serves:\n" + verify.expectedText());
    }
    PolicyId id = Objects.requireNonNull(plan.id(), "plan id");
    PublicationHistory updated = history.served(id, expected, at);
    return new PlanProgress(plan, done + 1, at, updated);
  }

  private Step expectNext(Step step, Instant at) {
    Objects.requireNonNull(at, "at");
    if (finished()) {
      throw new PlanStepException(Code.FINISHED, "every step of the plan is done");
    }
    Step next = plan.steps().get(done);
    if (!next.equals(step)) {
      int index = plan.steps().indexOf(step);
      throw new PlanStepException(Code.OUT_OF_ORDER, (index < 0 ? "that step is not part of the"
          + " plan" : "step " + (index + 1) + " cannot be done yet") + "; step " + (done + 1)
          + " comes first: " + next.instruction());
    }
    checkTime(at);
    return next;
  }

  private void checkTime(Instant at) {
    if (at.isBefore(lastDone)) {
      throw new IllegalArgumentException(at + " is before the previous step, done at " + lastDone);
    }
  }
}
