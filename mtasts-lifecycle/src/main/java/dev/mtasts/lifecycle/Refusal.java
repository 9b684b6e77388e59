package dev.mtasts.lifecycle;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A refused move, with every reason (not only the first).
 *
 * @param domain the policy domain
 * @param from the current state
 * @param to the requested state
 * @param reasons why, never empty
 * @param readiness the enforce guard's result when it ran, else {@code null}
 */
public record Refusal(
    String domain,
    LifecycleState from,
    LifecycleState to,
    List<Reason> reasons,
    @Nullable Readiness readiness) implements PlanResult {
  /**
   * Validates the components.
   *
   * @param domain the policy domain
   * @param from the current state
   * @param to the requested state
   * @param reasons why, never empty
   * @param readiness the enforce guard's result when it ran, else {@code null}
   * @throws IllegalArgumentException if there is no reason
   */
  public Refusal {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs a reason");
    }
  }

  @Override
  public boolean refused() {
    return true;
  }

  @Override
  public Plan orThrow() {
    throw new PlanRefusedException(this);
  }

  /**
   * Tells whether a reason with the given code is among the reasons.
   *
   * @param code the code
   * @return whether it is
   */
  public boolean has(Reason.Code code) {
    for (Reason reason : reasons) {
      if (reason.code() == code) {
        return true;
      }
    }
    return false;
  }
}
