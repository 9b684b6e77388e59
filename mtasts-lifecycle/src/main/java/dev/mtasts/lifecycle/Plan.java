package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.lifecycle.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ordered steps of one lifecycle move, with their artifacts and waits. Follow it with
 * {@link PlanProgress}, which refuses steps out of order and records what was served.
 *
 * <p>A move that publishes a policy always runs: upload the file, verify it is served, change the
 * id in the TXT record, wait for the TXT TTL (RFC 8461 §8.1). A deletion removes the TXT record,
 * then the file, and waits until every policy a sender may have cached has expired.
 *
 * @param domain the policy domain
 * @param transition the move
 * @param from the state before
 * @param to the state after
 * @param steps the steps, in the order they must be done
 * @param warnings what deserves a look, without blocking
 * @param policy the policy the plan publishes, or {@code null} for a deletion
 * @param id the new TXT id, or {@code null} for a deletion
 * @param history the publication history the plan was made from
 * @param plannedAt when the plan was made
 * @param effectiveAt when the move is fully in effect if each step is done at {@code plannedAt}:
 *     the end of the last wait
 * @param readiness the enforce guard's result when it ran, else {@code null}
 */
public record Plan(
    String domain,
    Transition transition,
    LifecycleState from,
    LifecycleState to,
    List<Step> steps,
    List<Reason> warnings,
    @Nullable MtaStsPolicy policy,
    @Nullable PolicyId id,
    PublicationHistory history,
    Instant plannedAt,
    Instant effectiveAt,
    @Nullable Readiness readiness) implements PlanResult {

  /**
   * Validates the components.
   *
   * @param domain the policy domain
   * @param transition the move
   * @param from the state before
   * @param to the state after
   * @param steps the steps, in the order they must be done
   * @param warnings what deserves a look, without blocking
   * @param policy the policy the plan publishes, or {@code null} for a deletion
   * @param id the new TXT id, or {@code null} for a deletion
   * @param history the publication history the plan was made from
   * @param plannedAt when the plan was made
   * @param effectiveAt when the move is fully in effect if each step is done at {@code plannedAt}:
   *     the end of the last wait
   * @param readiness the enforce guard's result when it ran, else {@code null}
   * @throws IllegalArgumentException if there is no step, or only one of policy and id is given
   */
  public Plan {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(plannedAt, "plannedAt");
    Objects.requireNonNull(effectiveAt, "effectiveAt");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a plan needs steps");
    }
    if ((policy == null) != (id == null)) {
      throw new IllegalArgumentException("a plan publishes both a policy and an id, or neither");
    }
  }

  @Override
  public boolean refused() {
    return false;
  }

  @Override
  public Plan orThrow() {
    return this;
  }

  /**
   * Starts following this plan.
   *
   * @return the progress before the first step
   */
  public PlanProgress start() {
    return PlanProgress.start(this);
  }

  /**
   * Returns the plan as a numbered checklist for a person.
   *
   * @return the text
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(transition).append(' ').append(domain).append(": ").append(from).append(" -> ")
        .append(to).append(", fully in effect at ").append(Times.format(effectiveAt)).append('\n');
    for (Reason warning : warnings) {
      b.append("warning ").append(warning.code().id()).append(": ").append(warning.message())
          .append('\n');
    }
    for (int i = 0; i < steps.size(); i++) {
      b.append(i + 1).append(". ").append(steps.get(i).instruction()).append('\n');
    }
    return b.toString();
  }
}
