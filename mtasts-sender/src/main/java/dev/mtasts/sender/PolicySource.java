package dev.mtasts.sender;

import java.util.concurrent.CompletionStage;

/**
 * Fetches a domain's policy for {@link PolicyDiscovery}: normally {@link PolicyFetcher#fetch(String,
 * String)} ({@code fetcher::fetch}); tests script outcomes.
 */
@FunctionalInterface
public interface PolicySource {
  /**
   * Fetches the policy.
   *
   * @param domain the Policy Domain, lower-case A-labels
   * @param policyId the TXT id it is fetched for
   * @return a stage completing with the policy, or exceptionally with a {@link PolicyFetchException}
   */
  CompletionStage<FetchedPolicy> fetch(String domain, String policyId);
}
