package dev.mtasts.benchmarks.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The straightforward policy cache the discovery's hit path is compared with: a {@code
 * ConcurrentHashMap} of entries checked against {@code Instant.now()} for the grace period and
 * the expiry on each call.
 */
public final class BaselinePolicyCache {
  /**
   * One cached policy.
   *
   * @param policy the cached value
   * @param checkedAt when its TXT record was last looked up
   * @param expiresAt when it expires
   */
  public record Entry(Object policy, Instant checkedAt, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration grace;

  /**
   * Creates the cache.
   *
   * @param grace the grace period
   */
  public BaselinePolicyCache(Duration grace) {
    this.grace = grace;
  }

  /**
   * Stores a policy.
   *
   * @param domain the domain
   * @param policy the value
   * @param maxAge its lifetime
   */
  public void put(String domain, Object policy, Duration maxAge) {
    Instant now = Instant.now();
    entries.put(domain, new Entry(policy, now, now.plus(maxAge)));
  }

  /**
   * Returns the policy when it was checked within the grace period and has not expired.
   *
   * @param domain the domain
   * @return the value, or {@code null} when a lookup is needed
   */
  public Object get(String domain) {
    Entry e = entries.get(domain.toLowerCase(java.util.Locale.ROOT));
    Instant now = Instant.now();
    if (e != null && now.isBefore(e.checkedAt().plus(grace)) && now.isBefore(e.expiresAt())) {
      return e.policy();
    }
    return null;
  }
}
