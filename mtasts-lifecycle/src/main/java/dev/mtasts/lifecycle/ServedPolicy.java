package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One policy as it was served: its text, the TXT id it was published under, and when it started
 * and stopped being served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}.
 *
 * <p>A sender that fetched it just before {@code until} may keep it until {@code until + max_age}
 * (RFC 8461 §3.2, §8.3), which is what {@link #cachedUntil(Instant)} returns.
 *
 * @param id the TXT record id this policy was published under
 * @param policy the policy that was served
 * @param from when it started being served
 * @param until when it stopped being served, or {@code null} while it is still served
 */
public record ServedPolicy(PolicyId id, MtaStsPolicy policy, Instant from, @Nullable Instant until) {
  /**
   * Validates the entry.
   *
   * @param id the TXT record id this policy was published under
   * @param policy the policy that was served
   * @param from when it started being served
   * @param until when it stopped being served, or {@code null} while it is still served
   * @throws IllegalArgumentException if {@code until} is before {@code from}
   */
  public ServedPolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("policy " + id.value() + " stops being served at " + until
          + ", before it started at " + from);
    }
  }

  /**
   * Returns an entry for a policy that is still being served.
   *
   * @param id the TXT id it is published under
   * @param policy the policy
   * @param from when it started being served
   * @return the open entry
   */
  public static ServedPolicy servedSince(PolicyId id, MtaStsPolicy policy, Instant from) {
    return new ServedPolicy(id, policy, from, null);
  }

  /**
   * Tells whether the policy is still being served.
   *
   * @return {@code true} when {@link #until()} is {@code null}
   */
  public boolean open() {
    return until == null;
  }

  /**
   * Returns the moment it stopped being served, if it did.
   *
   * @return {@link #until()} as an optional
   */
  public Optional<Instant> stopped() {
    return Optional.ofNullable(until);
  }

  /**
   * Returns the copy of this entry that stopped being served at the given instant.
   *
   * @param at when it stopped
   * @return the closed entry
   * @throws IllegalStateException if this entry is already closed
   */
  public ServedPolicy closedAt(Instant at) {
    if (until != null) {
      throw new IllegalStateException("policy " + id.value() + " already stopped at " + until);
    }
    return new ServedPolicy(id, policy, from, at);
  }

  /**
   * Returns the last instant at which a sender may still hold this policy in its cache.
   *
   * @param stopIfOpen the instant to assume it stops being served at when it still is
   * @return {@code until} (or {@code stopIfOpen}) plus {@code max_age}
   */
  public Instant cachedUntil(Instant stopIfOpen) {
    Instant stop = until != null ? until : stopIfOpen;
    return stop.plus(Duration.ofSeconds(policy.maxAge()));
  }
}
