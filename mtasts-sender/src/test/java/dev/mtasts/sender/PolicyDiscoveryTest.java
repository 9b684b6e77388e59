package dev.mtasts.sender;

import static dev.mtasts.sender.Scripted.found;
import static dev.mtasts.sender.Scripted.nxdomain;
import static dev.mtasts.sender.Scripted.policyText;
import static dev.mtasts.sender.Scripted.servfail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.sender.DiscoveryResult.Found;
import dev.mtasts.sender.DiscoveryResult.NoPolicy;
import dev.mtasts.sender.DiscoveryResult.NoPolicyReason;
import dev.mtasts.sender.DiscoveryResult.Provenance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache scenarios of RFC 8461 §3.3 and §5.1 on a fake clock, with scripted DNS and HTTPS. */
final class PolicyDiscoveryTest {
  private static final String D = "example.com";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final Scripted.Txt txt = new Scripted.Txt();
  private final Scripted.Source source = new Scripted.Source(clock);
  private final List<DiscoveryEvent> events = new CopyOnWriteArrayList<>();

  private PolicyDiscovery.Builder builder() {
    return PolicyDiscovery.newBuilder(txt, source).clock(clock).executor(Runnable::run)
        .manualMaintenance().listener(events::add).random(new Random(7));
  }

  private static Found asFound(DiscoveryResult r) {
    return assertInstanceOf(Found.class, r, r::toString);
  }

  private static NoPolicy asNone(DiscoveryResult r) {
    return assertInstanceOf(NoPolicy.class, r, r::toString);
  }

  @Test
  void firstCallFetchesAndCachesThePolicy() {
    PolicyDiscovery d = builder().build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    Found f = asFound(d.policyForBlocking(D));
    assertEquals(Provenance.FRESH, f.provenance());
    assertEquals("id1", f.policy().policyId());
    assertEquals(clock.instant(), f.policy().fetchedAt());
    assertEquals(clock.instant().plusSeconds(86400), f.policy().expiresAt());
    assertEquals(1, source.fetches.get());
  }

  @Test
  void withinTheGraceNoTxtLookupAfterItTheSameIdUsesTheCache() {
    PolicyDiscovery d = builder().build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    d.policyForBlocking(D);
    clock.advance(Duration.ofSeconds(59));
    DiscoveryResult again = d.policyForBlocking("EXAMPLE.com.");
    assertEquals(Provenance.CACHED, asFound(again).provenance());
    assertSame(again, d.policyForBlocking(D), "a hit returns the same value, allocating nothing");
    assertEquals(1, txt.calls.get());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(Provenance.CACHED, asFound(d.policyForBlocking(D)).provenance());
    assertEquals(2, txt.calls.get());
    assertEquals(1, source.fetches.get());
  }

  @Test
  void anIdBumpFetchesTheNewPolicy() {
    PolicyDiscovery d = builder().grace(Duration.ZERO).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "testing", 86400));
    d.policyForBlocking(D);
    txt.answer(D, found(D, "id2"));
    source.serve(D, policyText(D, "enforce", 86400));
    Found f = asFound(d.policyForBlocking(D));
    assertEquals(Provenance.FRESH, f.provenance());
    assertEquals("id2", f.policy().policyId());
    assertEquals(dev.mtasts.policy.Mode.ENFORCE, f.policy().policy().mode());
    assertEquals(2, source.fetches.get());
  }

  @Test
  void aFailedFetchKeepsTheUnexpiredCachedPolicy() {
    PolicyDiscovery d = builder().grace(Duration.ZERO).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    d.policyForBlocking(D);
    txt.answer(D, found(D, "id2"));
    source.fail(D);
    Found f = asFound(d.policyForBlocking(D));
    assertEquals(Provenance.CACHED_AFTER_FAILED_REFRESH, f.provenance());
    assertEquals("id1", f.policy().policyId());
    assertEquals(FetchErrorCode.HTTP_STATUS, f.refreshFailure().orElseThrow().code());
  }

  @Test
  void aFailedFetchWithNothingCachedIsNoPolicy() {
    PolicyDiscovery d = builder().build();
    txt.answer(D, found(D, "id1"));
    source.fail(D);
    NoPolicy n = asNone(d.policyForBlocking(D));
    assertEquals(NoPolicyReason.FETCH_FAILED, n.reason());
    assertEquals("sts-policy-fetch-error", n.fetchFailure().orElseThrow().resultType().wireName());
  }

  @Test
  void nxdomainAndServfailNeverEvictACachedPolicy() {
    PolicyDiscovery d = builder().grace(Duration.ZERO).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    d.policyForBlocking(D);
    txt.answer(D, nxdomain(D));
    assertEquals(Provenance.CACHED, asFound(d.policyForBlocking(D)).provenance());
    txt.answer(D, servfail(D));
    assertEquals(Provenance.CACHED, asFound(d.policyForBlocking(D)).provenance());
    txt.answer(D, new LookupResult.SeveralRecords<>("_mta-sts." + D, List.of("v=STSv1; id=a", "v=STSv1; id=b")));
    assertEquals("id1", asFound(d.policyForBlocking(D)).policy().policyId());
    assertEquals(1, source.fetches.get());
  }

  @Test
  void withoutACachedPolicyTheTxtOutcomeIsTheReason() {
    PolicyDiscovery d = builder().grace(Duration.ZERO).build();
    txt.answer(D, nxdomain(D));
    assertEquals(NoPolicyReason.NO_TXT_RECORD, asNone(d.policyForBlocking(D)).reason());
    txt.answer(D, servfail(D));
    assertEquals(NoPolicyReason.DNS_TEMPORARY_FAILURE, asNone(d.policyForBlocking(D)).reason());
    txt.answer(D, new LookupResult.SeveralRecords<>("_mta-sts." + D, List.of("a", "b")));
    assertEquals(NoPolicyReason.SEVERAL_TXT_RECORDS, asNone(d.policyForBlocking(D)).reason());
    txt.answer(D, new LookupResult.InvalidRecord<>("_mta-sts." + D, "v=STSv1; id=",
        assertInstanceOf(dev.mtasts.dns.RecordParseException.class,
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> StsRecord.parse("v=STSv1; id=")))));
    assertEquals(NoPolicyReason.INVALID_TXT_RECORD, asNone(d.policyForBlocking(D)).reason());
    assertEquals(0, source.fetches.get());
  }

  @Test
  void anExpiredPolicyIsNeverServed() {
    PolicyDiscovery d = builder().build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 3600));
    d.policyForBlocking(D);
    clock.advance(Duration.ofSeconds(3600));
    txt.answer(D, nxdomain(D));
    assertEquals(NoPolicyReason.NO_TXT_RECORD, asNone(d.policyForBlocking(D)).reason());
    // Same id, but the cached policy expired: fetched again (kept for id renewal until then).
    txt.answer(D, found(D, "id1"));
    clock.advance(Duration.ofSeconds(61));
    Found f = asFound(d.policyForBlocking(D));
    assertEquals(Provenance.FRESH, f.provenance());
    assertEquals(2, source.fetches.get());
  }

  @Test
  void theGraceEndsWhenTheCachedPolicyExpires() {
    PolicyDiscovery d = builder().grace(Duration.ofHours(1)).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 30));
    d.policyForBlocking(D);
    clock.advance(Duration.ofSeconds(30));
    source.fail(D);
    assertEquals(NoPolicyReason.FETCH_FAILED, asNone(d.policyForBlocking(D)).reason());
  }

  @Test
  void proactiveRefreshBeforeExpiryAndRepeatedFailuresAreReported() {
    PolicyDiscovery d = builder().refresh(Duration.ofDays(1), Duration.ofHours(1), Duration.ofHours(1)).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 604800));
    d.policyForBlocking(D);
    clock.advance(Duration.ofHours(23));
    d.maintain().toCompletableFuture().join();
    assertEquals(1, source.fetches.get(), "not yet due");
    clock.advance(Duration.ofHours(2)); // past 1 day + the jitter (at most 1 hour)
    txt.answer(D, nxdomain(D)); // independent of the TXT record (§3.3)
    d.maintain().toCompletableFuture().join();
    assertEquals(2, source.fetches.get());
    assertEquals(clock.instant(), d.cached(D).fetchedAt(), "the lifetime was renewed");

    source.fail(D);
    clock.advance(Duration.ofDays(1).plusHours(2));
    d.maintain().toCompletableFuture().join();
    clock.advance(Duration.ofHours(2));
    d.maintain().toCompletableFuture().join();
    List<DiscoveryEvent.RefreshFailed> failures = events.stream()
        .filter(DiscoveryEvent.RefreshFailed.class::isInstance).map(DiscoveryEvent.RefreshFailed.class::cast).toList();
    assertEquals(List.of(1, 2), failures.stream().map(DiscoveryEvent.RefreshFailed::consecutiveFailures).toList());
    assertTrue(d.cached(D).isValidAt(clock.instant()), "the cached policy is kept");
  }

  @Test
  void refreshFailuresOfAModeNonePolicyAreNotReported() {
    PolicyDiscovery d = builder().build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "none", 604800));
    NoPolicy n = asNone(d.policyForBlocking(D));
    assertEquals(NoPolicyReason.MODE_NONE, n.reason());
    source.fail(D);
    clock.advance(Duration.ofDays(2));
    d.maintain().toCompletableFuture().join();
    assertEquals(2, source.fetches.get());
    assertTrue(events.isEmpty(), events::toString);
  }

  @Test
  void aChangedBodyUnderTheSameIdIsReportedWithBothTexts() {
    PolicyDiscovery d = builder().build();
    String oldText = policyText(D, "testing", 604800);
    String newText = policyText(D, "enforce", 604800);
    txt.answer(D, found(D, "id1"));
    source.serve(D, oldText);
    d.policyForBlocking(D);
    source.serve(D, newText);
    clock.advance(Duration.ofDays(2));
    d.maintain().toCompletableFuture().join();
    DiscoveryEvent.ChangedUnderSameId e = assertInstanceOf(DiscoveryEvent.ChangedUnderSameId.class, events.get(0));
    assertEquals("id1", e.policyId());
    assertEquals(oldText, e.oldText());
    assertEquals(newText, e.newText());
    assertEquals(newText, d.cached(D).text());
  }

  @Test
  void aRestartReadsTheDiskStore(@TempDir Path dir) {
    PolicyDiscovery first = builder().store(PolicyStore.directory(dir)).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    first.policyForBlocking(D);
    PolicyDiscovery second = builder().store(PolicyStore.directory(dir)).build();
    Found f = asFound(second.policyForBlocking(D));
    assertEquals(Provenance.CACHED, f.provenance());
    assertEquals(1, source.fetches.get(), "no fetch after the restart");
    // Even with DNS down right after the restart, the stored policy applies.
    PolicyDiscovery third = builder().store(PolicyStore.directory(dir)).build();
    txt.answer(D, servfail(D));
    assertEquals("id1", asFound(third.policyForBlocking(D)).policy().policyId());
  }

  @Test
  void aCorruptStoreFileIsReportedAndIgnoredForThatDomainOnly(@TempDir Path dir) throws Exception {
    PolicyDiscovery first = builder().store(PolicyStore.directory(dir)).build();
    txt.answer("a.example", found("a.example", "1"));
    source.serve("a.example", policyText("a.example", "enforce", 86400));
    first.policyForBlocking("a.example");
    Files.writeString(dir.resolve(D + ".policy"), "mtasts-sender policy v1\ngarbage", StandardCharsets.UTF_8);
    PolicyDiscovery second = builder().store(PolicyStore.directory(dir)).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    assertEquals(Provenance.FRESH, asFound(second.policyForBlocking(D)).provenance());
    DiscoveryEvent.StoreProblem p = assertInstanceOf(DiscoveryEvent.StoreProblem.class, events.get(0));
    assertEquals(D, p.domain());
    assertEquals(PolicyStoreException.Code.CORRUPT_ENTRY, ((PolicyStoreException) p.cause()).code());
    assertEquals(Provenance.CACHED, asFound(second.policyForBlocking("a.example")).provenance());
  }

  /**
   * Repeated because the race it guards against (a call that misses the grace just before
   * another call's flight ends must not start a second one) shows only now and then.
   */
  @org.junit.jupiter.api.RepeatedTest(25)
  void aHundredConcurrentCallsShareOneLookupAndOneFetch() throws Exception {
    Scripted.Txt txt = new Scripted.Txt();
    Scripted.Source source = new Scripted.Source(clock);
    CompletableFuture<LookupResult<StsRecord>> answer = new CompletableFuture<>();
    txt.answers.put(D, () -> answer);
    source.serve(D, policyText(D, "enforce", 86400));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      PolicyDiscovery d = PolicyDiscovery.newBuilder(txt, source).clock(clock).executor(pool)
          .manualMaintenance().build();
      CountDownLatch ready = new CountDownLatch(100);
      List<CompletableFuture<DiscoveryResult>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(CompletableFuture.supplyAsync(() -> {
          ready.countDown();
          return d.policyFor(D);
        }, pool).thenCompose(s -> s));
      }
      assertTrue(ready.await(10, TimeUnit.SECONDS));
      // Wait until the one lookup has been started, then answer it.
      for (int i = 0; i < 1000 && txt.calls.get() == 0; i++) {
        Thread.onSpinWait();
        Thread.yield();
      }
      answer.complete(found(D, "id1"));
      for (CompletableFuture<DiscoveryResult> r : results) {
        assertEquals("id1", asFound(r.get(10, TimeUnit.SECONDS)).policy().policyId());
      }
      assertEquals(1, txt.calls.get());
      assertEquals(1, source.fetches.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aForcedRecheckIgnoresTheGrace() {
    PolicyDiscovery d = builder().grace(Duration.ofHours(1)).build();
    txt.answer(D, found(D, "id1"));
    source.serve(D, policyText(D, "enforce", 86400));
    d.policyForBlocking(D);
    txt.answer(D, found(D, "id2"));
    source.serve(D, policyText(D, "testing", 86400));
    assertEquals(1, txt.calls.get());
    Found f = asFound(d.recheck(D).toCompletableFuture().join());
    assertEquals("id2", f.policy().policyId());
    assertEquals(2, txt.calls.get());
  }

  @Test
  void unusedDomainsArePrunedAndTheCacheIsBounded(@TempDir Path dir) {
    PolicyStore store = PolicyStore.directory(dir);
    PolicyDiscovery d = builder().store(store).maxEntries(3).pruneAfter(Duration.ofDays(30)).build();
    for (int i = 0; i < 5; i++) {
      String dom = "d" + i + ".example";
      txt.answer(dom, found(dom, "1"));
      source.serve(dom, policyText(dom, "enforce", 31_557_600));
      d.policyForBlocking(dom);
      clock.advance(Duration.ofSeconds(1));
    }
    assertTrue(d.size() <= 3, () -> "size " + d.size());
    clock.advance(Duration.ofDays(31));
    d.maintain().toCompletableFuture().join();
    assertEquals(0, d.size());
    assertTrue(store.load("d4.example").isEmpty(), "pruned from the store too");
    assertNull(d.cached("d4.example"));
  }

  @Test
  void aLookupThatThrowsCountsAsATemporaryFailure() {
    TxtLookup broken = domain -> {
      throw new IllegalStateException("resolver closed");
    };
    PolicyDiscovery d = PolicyDiscovery.newBuilder(broken, source).clock(clock).executor(Runnable::run)
        .manualMaintenance().build();
    NoPolicy n = asNone(d.policyForBlocking(D));
    assertEquals(NoPolicyReason.DNS_TEMPORARY_FAILURE, n.reason());
    assertTrue(n.detail().contains("resolver closed"), n::detail);
  }

  static CompletionStage<LookupResult<StsRecord>> never() {
    return new CompletableFuture<>();
  }
}
