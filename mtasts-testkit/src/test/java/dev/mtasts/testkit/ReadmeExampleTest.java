package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** The example of the testkit guide (docs/mtasts-testkit.md), verbatim, so it keeps compiling and passing. */
final class ReadmeExampleTest {
  /** The code under test, as a user has it: keeps the last good policy of each domain. */
  static final class PolicyCache {
    private final Map<String, MtaStsPolicy> byDomain = new HashMap<>();

    void update(String domain, String body) {
      byDomain.put(domain, MtaStsPolicy.parse(body)); // throws before replacing a good policy
    }

    MtaStsPolicy get(String domain) {
      return byDomain.get(domain);
    }

    List<String> allowedMxHosts(String domain, List<String> mxHosts) {
      List<String> allowed = new ArrayList<>();
      for (String host : mxHosts) {
        if (byDomain.get(domain).matches(host)) {
          allowed.add(host);
        }
      }
      return allowed;
    }
  }

  @Property
  void readsEveryWayOfWritingAPolicy(@ForAll("served") Written<MtaStsPolicy> served) {
    PolicyCache cache = new PolicyCache();
    cache.update("example.com", served.text());
    assertEquals(served.value(), cache.get("example.com"));
  }

  @Property
  void keepsTheLastGoodPolicyWhenABrokenOneArrives(
      @ForAll MtaStsPolicy good, @ForAll("nearValid") NearValid<PolicyRule> broken) {
    PolicyCache cache = new PolicyCache();
    cache.update("example.com", good.toText());
    assertThrows(PolicyParseException.class, () -> cache.update("example.com", broken.text()),
        broken.rule().description());
    assertEquals(good, cache.get("example.com"));
  }

  @Property
  void allowsEveryCoveredMxHost(@ForAll("covered") Tuple2<MtaStsPolicy, List<String>> c) {
    PolicyCache cache = new PolicyCache();
    cache.update("example.com", c.get1().toText());
    assertEquals(c.get2(), cache.allowedMxHosts("example.com", c.get2()));
  }

  @Provide
  Arbitrary<Written<MtaStsPolicy>> served() {
    return MtaStsArbitraries.policyTexts();
  }

  @Provide
  Arbitrary<NearValid<PolicyRule>> nearValid() {
    return MtaStsArbitraries.nearValidPolicyTexts();
  }

  @Provide
  Arbitrary<Tuple2<MtaStsPolicy, List<String>>> covered() {
    return MtaStsArbitraries.policies()
        .filter(p -> !p.mx().isEmpty())
        .flatMap(p -> MtaStsArbitraries.mxHostsCoveredBy(p).map(hosts -> Tuple.of(p, hosts)));
  }
}
