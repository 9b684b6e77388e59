package dev.mtasts.sender;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What {@link PolicyDiscovery} tells its {@link DiscoveryListener} about, besides its results. */
public sealed interface DiscoveryEvent
    permits DiscoveryEvent.ChangedUnderSameId, DiscoveryEvent.RefreshFailed, DiscoveryEvent.StoreProblem {

  /**
   * Returns the Policy Domain the event is about.
   *
   * @return the domain
   */
  String domain();

  /**
   * A refresh found a different policy while the TXT id stayed the same: the operator changed
   * the file but forgot to publish a new id (RFC 8461 §3.1, §8.1), so senders that only look at
   * the id keep the old policy. The new policy is cached.
   *
   * @param domain the Policy Domain
   * @param policyId the unchanged id
   * @param oldText the policy cached before
   * @param newText the policy served now
   */
  record ChangedUnderSameId(String domain, String policyId, String oldText, String newText)
      implements DiscoveryEvent {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param policyId the id
     * @param oldText the old text
     * @param newText the new text
     */
    public ChangedUnderSameId {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(policyId, "policyId");
      Objects.requireNonNull(oldText, "oldText");
      Objects.requireNonNull(newText, "newText");
    }
  }

  /**
   * Refreshing a cached policy failed (RFC 8461 §3.3, §10.2: alert on repeated failures); not
   * reported for a cached mode-none policy.
   *
   * @param domain the Policy Domain
   * @param consecutiveFailures how many refreshes in a row failed, at least 1
   * @param error the last failure
   * @param cached the policy that still applies
   */
  record RefreshFailed(String domain, int consecutiveFailures, PolicyFetchException error, CachedPolicy cached)
      implements DiscoveryEvent {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param consecutiveFailures the count
     * @param error the failure
     * @param cached the cached policy
     */
    public RefreshFailed {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(cached, "cached");
      if (consecutiveFailures < 1) {
        throw new IllegalArgumentException("consecutiveFailures must be at least 1: " + consecutiveFailures);
      }
    }
  }

  /**
   * The policy store could not read or write a domain's entry; the entry is ignored, the cache
   * goes on.
   *
   * @param domain the Policy Domain
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  record StoreProblem(String domain, String message, @Nullable Throwable cause) implements DiscoveryEvent {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param message the message
     * @param cause the cause, or {@code null}
     */
    public StoreProblem {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(message, "message");
    }
  }
}
