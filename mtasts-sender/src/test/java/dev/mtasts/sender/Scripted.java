package dev.mtasts.sender;

import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Scripted TXT answers and fetch outcomes for the cache tests: no network, no sleeps. */
final class Scripted {
  private Scripted() {}

  static LookupResult<StsRecord> found(String domain, String id) {
    return new LookupResult.Found<>("_mta-sts." + domain, StsRecord.of(PolicyId.of(id)), List.of());
  }

  static LookupResult<StsRecord> nxdomain(String domain) {
    return new LookupResult.NoRecord<>("_mta-sts." + domain, LookupResult.NoRecordReason.NXDOMAIN);
  }

  static LookupResult<StsRecord> servfail(String domain) {
    return new LookupResult.TemporaryFailure<>("_mta-sts." + domain, LookupResult.FailureKind.SERVFAIL, "SERVFAIL from 192.0.2.53");
  }

  static String policyText(String domain, String mode, long maxAge) {
    return "version: STSv1\nmode: " + mode + "\nmx: mx." + domain + "\nmax_age: " + maxAge + "\n";
  }

  static PolicyFetchException fetchError(String domain) {
    return new PolicyFetchException(FetchErrorCode.HTTP_STATUS, PolicyFetcher.policyUrl(domain),
        "HTTP status 503", 503, null, null);
  }

  /** TXT answers per domain. */
  static final class Txt implements TxtLookup {
    final Map<String, Supplier<CompletionStage<LookupResult<StsRecord>>>> answers = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    void answer(String domain, LookupResult<StsRecord> result) {
      answers.put(domain, () -> CompletableFuture.completedFuture(result));
    }

    @Override
    public CompletionStage<LookupResult<StsRecord>> lookupSts(String domain) {
      calls.incrementAndGet();
      Supplier<CompletionStage<LookupResult<StsRecord>>> s = answers.get(domain);
      return s != null ? s.get() : CompletableFuture.completedFuture(nxdomain(domain));
    }
  }

  /** Fetch outcomes per domain: a policy text served now, or a failure. */
  static final class Source implements PolicySource {
    final Map<String, Supplier<CompletionStage<FetchedPolicy>>> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();
    private final Clock clock;

    Source(Clock clock) {
      this.clock = clock;
    }

    void serve(String domain, String text) {
      outcomes.put(domain, () -> CompletableFuture.completedFuture(new FetchedPolicy(domain,
          PolicyFetcher.policyUrl(domain), MtaStsPolicy.parse(text), text, List.of(), clock.instant())));
    }

    void fail(String domain) {
      outcomes.put(domain, () -> CompletableFuture.failedFuture(fetchError(domain)));
    }

    @Override
    public CompletionStage<FetchedPolicy> fetch(String domain, String policyId) {
      fetches.incrementAndGet();
      Supplier<CompletionStage<FetchedPolicy>> s = outcomes.get(domain);
      return s != null ? s.get() : CompletableFuture.failedFuture(fetchError(domain));
    }
  }
}
