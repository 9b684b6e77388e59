package dev.mtasts.sender;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PolicyDiscovery#policyFor(String)} found for a Policy Domain: a policy to apply, or
 * no policy with the reason (then deliver as if the domain had no MTA-STS, RFC 8461 §5).
 *
 * <pre>{@code
 * switch (discovery.policyForBlocking("example.com")) {
 *   case DiscoveryResult.Found f -> f.policy().policy().matches(mx);
 *   case DiscoveryResult.NoPolicy n -> log(n.reason(), n.detail());
 * }
 * }</pre>
 */
public sealed interface DiscoveryResult permits DiscoveryResult.Found, DiscoveryResult.NoPolicy {

  /**
   * Returns the Policy Domain, lower-case A-labels.
   *
   * @return the domain
   */
  String domain();

  /** Where a policy came from. */
  enum Provenance {
    /** Fetched over HTTPS for this call. */
    FRESH,
    /** From the cache: the TXT id did not change, or the TXT record could not be read (§3.1, §5.1). */
    CACHED,
    /** From the cache because fetching a new one failed (RFC 8461 §3.3: the cached one still applies). */
    CACHED_AFTER_FAILED_REFRESH
  }

  /** Why there is no policy to apply. */
  enum NoPolicyReason {
    /** The domain has no {@code _mta-sts} TXT record (NXDOMAIN, NODATA, no {@code v=STSv1}). */
    NO_TXT_RECORD,
    /** Several {@code v=STSv1} records: RFC 8461 §3.1 treats this as no policy. */
    SEVERAL_TXT_RECORDS,
    /** The one record is malformed. */
    INVALID_TXT_RECORD,
    /** The TXT lookup failed (SERVFAIL, timeout) and nothing is cached. */
    DNS_TEMPORARY_FAILURE,
    /** The TXT record is valid but the policy could not be fetched and nothing valid is cached. */
    FETCH_FAILED,
    /** The policy's mode is {@code none}: behave as if there were no policy (§5). */
    MODE_NONE
  }

  /**
   * A policy to apply.
   *
   * @param domain the Policy Domain
   * @param policy the policy with its id, fetch time and expiry
   * @param provenance where it came from
   * @param refreshError why fetching a newer one failed ({@link Provenance#CACHED_AFTER_FAILED_REFRESH})
   */
  record Found(String domain, CachedPolicy policy, Provenance provenance,
      @Nullable PolicyFetchException refreshError) implements DiscoveryResult {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param policy the policy
     * @param provenance the provenance
     * @param refreshError the failed refresh, or {@code null}
     */
    public Found {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Returns why fetching a newer policy failed, for a TLS-RPT report of the failure (§6).
     *
     * @return the error, or empty
     */
    public Optional<PolicyFetchException> refreshFailure() {
      return Optional.ofNullable(refreshError);
    }
  }

  /**
   * No policy applies.
   *
   * @param domain the Policy Domain
   * @param reason why
   * @param detail details for a log
   * @param fetchError the fetch failure ({@link NoPolicyReason#FETCH_FAILED}), or {@code null}
   * @param policy the cached mode-none policy ({@link NoPolicyReason#MODE_NONE}), or {@code null}
   */
  record NoPolicy(String domain, NoPolicyReason reason, String detail,
      @Nullable PolicyFetchException fetchError, @Nullable CachedPolicy policy) implements DiscoveryResult {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param reason the reason
     * @param detail the details
     * @param fetchError the fetch failure, or {@code null}
     * @param policy the mode-none policy, or {@code null}
     */
    public NoPolicy {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * Returns the fetch failure, for a TLS-RPT report ({@code sts-policy-fetch-error} and the like).
     *
     * @return the error, or empty
     */
    public Optional<PolicyFetchException> fetchFailure() {
      return Optional.ofNullable(fetchError);
    }
  }
}
