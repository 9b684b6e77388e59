/**
 * The sending side of MTA-STS (RFC 8461): fetch a domain's policy over HTTPS as §3.3 requires,
 * and refuse everything else with a typed {@link dev.mtasts.sender.PolicyFetchException}.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcher.newBuilder().build();
 * try {
 *   FetchedPolicy fetched = fetcher.fetchBlocking("example.com");
 *   fetched.policy().mode();
 * } catch (PolicyFetchException e) {
 *   e.code();        // for example FetchErrorCode.REDIRECT
 *   e.resultType();  // the TLS-RPT result type, sts-policy-fetch-error
 * }
 * }</pre>
 */
@NullMarked
package dev.mtasts.sender;

import org.jspecify.annotations.NullMarked;
