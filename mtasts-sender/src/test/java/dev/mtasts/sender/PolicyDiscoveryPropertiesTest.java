package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.sender.DiscoveryResult.Found;
import dev.mtasts.sender.DiscoveryResult.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any interleaving of TXT answers, fetch outcomes, clock moves and calls, on a fake clock:
 * the cache never serves an expired policy, never another domain's, and never drops an unexpired
 * policy because of a failure (RFC 8461 §3.3, §5.1).
 */
final class PolicyDiscoveryPropertiesTest {
  private static final List<String> DOMAINS = List.of("a.example", "b.example");

  sealed interface Action permits Advance, SetTxt, SetFetch, Call, Maintain {}

  record Advance(long seconds) implements Action {}

  /** kind 0..2: found with id "id" + kind; 3: NXDOMAIN; 4: SERVFAIL. */
  record SetTxt(int domain, int kind) implements Action {}

  /** maxAge 0: the fetch fails. */
  record SetFetch(int domain, long maxAge, int variant) implements Action {}

  record Call(int domain) implements Action {}

  record Maintain() implements Action {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Integer> dom = Arbitraries.integers().between(0, DOMAINS.size() - 1);
    Arbitrary<Action> advance = Arbitraries.longs().between(0, 200_000).map(Advance::new);
    Arbitrary<Action> txt = Combinators.combine(dom, Arbitraries.integers().between(0, 4)).as(SetTxt::new);
    Arbitrary<Action> fetch = Combinators.combine(dom, Arbitraries.of(0L, 60L, 3600L, 86400L, 604800L),
        Arbitraries.integers().between(0, 2)).as(SetFetch::new);
    Arbitrary<Action> call = dom.map(Call::new);
    Arbitrary<Action> maintain = Arbitraries.just(new Maintain());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, advance), net.jqwik.api.Tuple.of(2, txt), net.jqwik.api.Tuple.of(2, fetch),
        net.jqwik.api.Tuple.of(4, call), net.jqwik.api.Tuple.of(1, maintain)).list().ofMaxSize(60);
  }

  @Property(tries = 250)
  void neverExpiredNeverAnotherDomainsNeverDroppedOnFailure(@ForAll("actions") List<Action> actions) {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    Scripted.Txt txt = new Scripted.Txt();
    Scripted.Source source = new Scripted.Source(clock);
    PolicyDiscovery discovery = PolicyDiscovery.newBuilder(txt, source).clock(clock).executor(Runnable::run)
        .manualMaintenance().grace(Duration.ZERO).pruneAfter(Duration.ofDays(3650)).build();
    Map<String, CachedPolicy> model = new HashMap<>();
    for (Action a : actions) {
      if (a instanceof Advance adv) {
        clock.advance(Duration.ofSeconds(adv.seconds()));
      } else if (a instanceof SetTxt s) {
        String d = DOMAINS.get(s.domain());
        txt.answer(d, s.kind() <= 2 ? Scripted.found(d, "id" + s.kind())
            : s.kind() == 3 ? Scripted.nxdomain(d) : Scripted.servfail(d));
      } else if (a instanceof SetFetch f) {
        String d = DOMAINS.get(f.domain());
        if (f.maxAge() == 0) {
          source.fail(d);
        } else {
          source.serve(d, Scripted.policyText(d, f.variant() == 0 ? "testing" : "enforce", f.maxAge())
              + "x-variant: " + f.variant() + "\n");
        }
      } else if (a instanceof Maintain) {
        discovery.maintain().toCompletableFuture().join();
        // A refresh may have replaced the cached policy: the model follows the cache.
        for (String d : DOMAINS) {
          CachedPolicy c = discovery.cached(d);
          if (c != null && (model.get(d) == null || c.fetchedAt().isAfter(model.get(d).fetchedAt()))) {
            model.put(d, c);
          }
        }
      } else if (a instanceof Call c) {
        String d = DOMAINS.get(c.domain());
        Instant now = clock.instant();
        CachedPolicy before = model.get(d);
        boolean hadValid = before != null && before.isValidAt(now);
        DiscoveryResult r = discovery.policyForBlocking(d);
        assertEquals(d, r.domain());
        if (r instanceof Found f) {
          assertEquals(d, f.policy().domain(), "another domain's policy");
          assertTrue(f.policy().policy().matches("mx." + d), "another domain's policy text");
          assertTrue(f.policy().isValidAt(now), () -> "expired policy served: " + f);
          if (f.provenance() == Provenance.FRESH) {
            model.put(d, f.policy());
          } else {
            assertEquals(before, f.policy(), "the cache served something it did not fetch");
          }
        } else {
          assertTrue(!hadValid, () -> "an unexpired policy was dropped: " + r + " cached " + before);
        }
      }
    }
  }
}
