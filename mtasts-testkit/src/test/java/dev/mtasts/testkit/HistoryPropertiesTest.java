package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The publication history file of mtasts-lifecycle, built from the testkit's policies and ids. */
final class HistoryPropertiesTest {
  @Provide
  Arbitrary<PublicationHistory> histories() {
    Arbitrary<List<MtaStsPolicy>> policies = MtaStsArbitraries.policies().list().ofMinSize(0).ofMaxSize(4);
    Arbitrary<List<PolicyId>> ids = MtaStsArbitraries.policyIds().list().ofSize(4).uniqueElements();
    Arbitrary<List<Long>> gaps = Arbitraries.longs().between(1, 400L * 86_400).list().ofSize(5);
    return Combinators.combine(MtaStsArbitraries.hostnames(), policies, ids, gaps, Arbitraries.of(true, false))
        .as((domain, ps, is, gs, stop) -> {
          PublicationHistory h = PublicationHistory.empty(domain);
          Instant at = Instant.parse("2020-01-01T00:00:00Z");
          for (int i = 0; i < ps.size(); i++) {
            at = at.plusSeconds(gs.get(i));
            h = h.served(is.get(i), ps.get(i), at);
          }
          return stop && !ps.isEmpty() ? h.stopped(at.plusSeconds(gs.get(4))) : h;
        });
  }

  @Property(tries = 200)
  void historyRoundTripsThroughItsJson(@ForAll("histories") PublicationHistory history) {
    assertEquals(history, PublicationHistory.parse(history.toJson()));
  }
}
