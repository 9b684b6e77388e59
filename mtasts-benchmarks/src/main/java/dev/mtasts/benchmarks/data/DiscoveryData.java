package dev.mtasts.benchmarks.data;

import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.sender.FetchedPolicy;
import dev.mtasts.sender.PolicyDiscovery;
import dev.mtasts.sender.PolicyFetcher;
import dev.mtasts.sender.PolicySource;
import dev.mtasts.sender.TxtLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Policy caches for the discovery benchmarks: the DNS and HTTPS sides answer at once from memory
 * (the same id, a per-domain policy), so what is measured is the cache's own code.
 */
public final class DiscoveryData {
  private DiscoveryData() {}

  /**
   * Returns the name of domain number {@code i}.
   *
   * @param i the number
   * @return for example {@code d000042.example}
   */
  public static String domain(int i) {
    return String.format(Locale.ROOT, "d%06d.example", i);
  }

  /**
   * Returns the policy text of a domain: two mx patterns and a week's max_age, about 110 bytes.
   *
   * @param domain the domain
   * @return the text
   */
  public static String policyText(String domain) {
    return "version: STSv1\r\nmode: enforce\r\nmx: mx1." + domain + "\r\nmx: *.mail." + domain
        + "\r\nmax_age: 604800\r\n";
  }

  /**
   * Returns a TXT lookup answering {@code v=STSv1; id=20261201} for every domain, at once.
   *
   * @return the lookup
   */
  public static TxtLookup txt() {
    return domain -> CompletableFuture.completedFuture(new LookupResult.Found<>(
        "_mta-sts." + domain, StsRecord.of(PolicyId.of("20261201")), List.of()));
  }

  /**
   * Returns a policy source serving each domain's policy at once.
   *
   * @param clock the fetch times' clock
   * @return the source
   */
  public static PolicySource source(Clock clock) {
    return (domain, id) -> {
      String text = policyText(domain);
      return CompletableFuture.completedFuture(new FetchedPolicy(domain, PolicyFetcher.policyUrl(domain),
          MtaStsPolicy.parse(text), text, List.of(), clock.instant()));
    };
  }

  /**
   * Returns a discovery over the in-memory DNS and HTTPS sides, on the caller's thread.
   *
   * @param grace the grace period
   * @return the discovery, with its maintenance left to the caller
   */
  public static PolicyDiscovery discovery(Duration grace) {
    Clock clock = Clock.systemUTC();
    return PolicyDiscovery.newBuilder(txt(), source(clock)).clock(clock).executor(Runnable::run)
        .manualMaintenance().grace(grace).build();
  }
}
