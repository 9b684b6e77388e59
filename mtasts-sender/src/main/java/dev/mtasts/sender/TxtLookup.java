package dev.mtasts.sender;

import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.MtaStsResolver;
import dev.mtasts.dns.StsRecord;
import java.util.concurrent.CompletionStage;

/**
 * Looks up a domain's {@code _mta-sts} TXT record for {@link PolicyDiscovery}; {@link
 * #of(MtaStsResolver)} uses the dns module, tests script answers.
 */
@FunctionalInterface
public interface TxtLookup {
  /**
   * Looks up the record.
   *
   * @param domain the Policy Domain, lower-case A-labels
   * @return the outcome; DNS problems are {@link LookupResult} values, not exceptions
   */
  CompletionStage<LookupResult<StsRecord>> lookupSts(String domain);

  /**
   * Returns a lookup through the dns module's resolver.
   *
   * @param resolver the resolver
   * @return the lookup
   */
  static TxtLookup of(MtaStsResolver resolver) {
    return resolver::lookupSts;
  }
}
