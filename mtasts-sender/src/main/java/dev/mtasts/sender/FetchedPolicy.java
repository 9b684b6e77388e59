package dev.mtasts.sender;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.Warning;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A policy fetched over HTTPS and validated as RFC 8461 §3.3 requires.
 *
 * @param domain the Policy Domain, lower-case A-labels
 * @param url the URL it was fetched from
 * @param policy the parsed policy
 * @param text the body as served (UTF-8 decoded), for comparison with a later fetch
 * @param warnings what a lenient parser accepted; empty with the strict parser
 * @param fetchedAt when the fetch completed
 */
public record FetchedPolicy(
    String domain, String url, MtaStsPolicy policy, String text, List<Warning> warnings,
    Instant fetchedAt) {
  /**
   * Validates and copies the parts.
   *
   * @param domain the Policy Domain
   * @param url the URL
   * @param policy the policy
   * @param text the body
   * @param warnings the warnings
   * @param fetchedAt the fetch time
   */
  public FetchedPolicy {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(text, "text");
    warnings = List.copyOf(warnings);
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
}
