package dev.mtasts.sender;

import dev.mtasts.policy.MtaStsPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * A policy as the cache keeps it (RFC 8461 §3.3, §5.1): the policy, the TXT id it was fetched
 * for, its text as served and when it was fetched. It is valid until {@link #expiresAt()}; the
 * cache keeps expired entries for id-based renewal but never serves them.
 *
 * @param domain the Policy Domain, lower-case A-labels
 * @param policyId the {@code id} of the {@code _mta-sts} TXT record it was fetched for
 * @param policy the policy
 * @param text the body as served
 * @param fetchedAt when it was fetched
 */
public record CachedPolicy(String domain, String policyId, MtaStsPolicy policy, String text, Instant fetchedAt) {
  /**
   * Validates the parts.
   *
   * @param domain the Policy Domain
   * @param policyId the TXT id
   * @param policy the policy
   * @param text the body
   * @param fetchedAt the fetch time
   */
  public CachedPolicy {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /**
   * Returns when the policy expires: the fetch time plus its {@code max_age} (RFC 8461 §3.2).
   *
   * @return the expiry
   */
  public Instant expiresAt() {
    return fetchedAt.plusSeconds(policy.maxAge());
  }

  /**
   * Tells whether the policy is still valid at a time.
   *
   * @param now the time
   * @return {@code true} before {@link #expiresAt()}
   */
  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt());
  }
}
