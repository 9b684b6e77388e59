package dev.mtasts.lifecycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is published for a domain now, derived from its {@link PublicationHistory}: the state and
 * the policy being served, if any.
 *
 * @param state the state at {@code at}
 * @param history the history the state is derived from
 * @param at the instant the state holds for
 */
public record Deployment(LifecycleState state, PublicationHistory history, Instant at) {
  /**
   * Validates that the state follows from the history.
   *
   * @param state the state at {@code at}
   * @param history the history the state is derived from
   * @param at the instant the state holds for
   * @throws IllegalArgumentException if it does not
   */
  public Deployment {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(at, "at");
    LifecycleState derived = derive(history, at);
    if (state != derived) {
      throw new IllegalArgumentException("the history says " + derived + " at " + at + ", not "
          + state);
    }
  }

  /**
   * Returns the deployment the history describes at the given instant: the mode of the policy
   * being served; {@code DELETED} while a removed policy may still be cached; else {@code ABSENT}.
   *
   * @param history the history
   * @param at the instant
   * @return the deployment
   */
  public static Deployment of(PublicationHistory history, Instant at) {
    return new Deployment(derive(history, at), history, at);
  }

  private static LifecycleState derive(PublicationHistory history, Instant at) {
    Optional<ServedPolicy> current = history.current();
    if (current.isPresent()) {
      return LifecycleState.of(current.get().policy().mode());
    }
    Optional<Instant> expiry = history.cacheExpiry();
    return expiry.isPresent() && at.isBefore(expiry.get()) ? LifecycleState.DELETED
        : LifecycleState.ABSENT;
  }

  /**
   * Returns the policy domain.
   *
   * @return the domain
   */
  public String domain() {
    return history.domain();
  }

  /**
   * Returns the policy being served, if any.
   *
   * @return the open history entry
   */
  public Optional<ServedPolicy> current() {
    return history.current();
  }
}
