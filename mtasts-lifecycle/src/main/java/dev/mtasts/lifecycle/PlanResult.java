package dev.mtasts.lifecycle;

/**
 * What {@link Lifecycle#plan} returns: a {@link Plan} or a {@link Refusal} with every reason.
 *
 * <pre>{@code
 * PlanResult result = Lifecycle.plan(history, target, evidence, clock);
 * if (result instanceof Refusal refusal) {
 *   refusal.reasons().forEach(r -> System.err.println(r.message()));
 * }
 * }</pre>
 */
public sealed interface PlanResult permits Plan, Refusal {
  /**
   * Tells whether the move was refused.
   *
   * @return {@code true} for a {@link Refusal}
   */
  boolean refused();

  /**
   * Returns the plan, or throws with every reason of the refusal.
   *
   * @return the plan
   * @throws PlanRefusedException if the move was refused
   */
  Plan orThrow();
}
