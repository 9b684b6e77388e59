package dev.mtasts.lifecycle;

import dev.mtasts.policy.Mode;

/**
 * Where a domain stands in the MTA-STS lifecycle.
 *
 * <p>The state describes what senders can see and what they may still remember: a policy served
 * under a TXT id (RFC 8461 §3), or nothing, or a deletion whose cached policies have not yet
 * expired (§3.2: a sender may keep a policy for {@code max_age} seconds after fetching it).
 */
public enum LifecycleState {
  /** Nothing is published and no sender can hold a cached policy. */
  ABSENT,
  /** A {@code mode: testing} policy is published: failures are reported, mail still flows. */
  TESTING,
  /** A {@code mode: enforce} policy is published: senders refuse MX hosts that fail validation. */
  ENFORCE,
  /** A {@code mode: none} policy is published: senders behave as if there were no policy (§8.3). */
  NONE,
  /**
   * The TXT record and policy file are gone, but senders may still apply a cached policy until
   * the instant computed from the {@link PublicationHistory}; after it the domain is {@link #ABSENT}.
   */
  DELETED;

  /**
   * Returns the state in which a policy of the given mode is published.
   *
   * @param mode the policy's mode
   * @return {@link #TESTING}, {@link #ENFORCE} or {@link #NONE}
   */
  public static LifecycleState of(Mode mode) {
    return switch (mode) {
      case TESTING -> TESTING;
      case ENFORCE -> ENFORCE;
      case NONE -> NONE;
    };
  }

  /**
   * Tells whether a TXT record and a policy file are published in this state.
   *
   * @return {@code true} for {@link #TESTING}, {@link #ENFORCE} and {@link #NONE}
   */
  public boolean published() {
    return this == TESTING || this == ENFORCE || this == NONE;
  }
}
