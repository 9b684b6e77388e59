package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.testkit.internal.ReferenceMatcher;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * MX matching of mtasts-policy (RFC 8461 §4.1) against the testkit's reference definition, on the
 * host lists the testkit generates as covered or not covered by a policy.
 */
final class MxMatchingPropertiesTest {
  @Provide
  Arbitrary<Tuple2<MtaStsPolicy, List<String>>> coveredCases() {
    return MtaStsArbitraries.policies().filter(p -> !p.mx().isEmpty())
        .flatMap(p -> MtaStsArbitraries.mxHostsCoveredBy(p).map(hosts -> Tuple.of(p, hosts)));
  }

  @Provide
  Arbitrary<Tuple2<MtaStsPolicy, List<String>>> uncoveredCases() {
    return MtaStsArbitraries.policies()
        .flatMap(p -> MtaStsArbitraries.mxHostsNotCoveredBy(p).map(hosts -> Tuple.of(p, hosts)));
  }

  // Patterns next to hosts built from the same labels, so near misses are common.
  @Provide
  Arbitrary<Tuple2<MxPattern, String>> patternAndHost() {
    Arbitrary<String> label = Arbitraries.of("a", "mx", "b", "MX", "*");
    Arbitrary<List<String>> labels = label.list().ofMinSize(1).ofMaxSize(4);
    return Combinators.combine(labels, labels, Arbitraries.of("", "."))
        .as((p, h, dot) -> Tuple.of(String.join(".", p).toLowerCase(Locale.ROOT) + ".example", String.join(".", h) + ".example" + dot))
        .filter(t -> t.get1().indexOf('*') < 0 || (t.get1().startsWith("*.") && t.get1().indexOf('*', 1) < 0))
        .filter(t -> t.get2().indexOf('*') < 0)
        .map(t -> Tuple.of(MxPattern.of(t.get1()), t.get2()));
  }

  @Property
  void policyCoversEveryHostOfACoveredList(@ForAll("coveredCases") Tuple2<MtaStsPolicy, List<String>> c) {
    for (String host : c.get2()) {
      assertTrue(c.get1().matches(host), () -> host + " is covered by " + c.get1().mx());
    }
  }

  @Property
  void policyMissesAtLeastOneHostOfAnUncoveredList(@ForAll("uncoveredCases") Tuple2<MtaStsPolicy, List<String>> c) {
    assertFalse(c.get2().stream().allMatch(c.get1()::matches), () -> c.get2() + " all covered by " + c.get1().mx());
  }

  @Property
  void policyMatchingAgreesWithTheReferenceDefinition(@ForAll("uncoveredCases") Tuple2<MtaStsPolicy, List<String>> c) {
    List<String> patterns = c.get1().mx().stream().map(MxPattern::pattern).toList();
    for (String host : c.get2()) {
      assertEquals(ReferenceMatcher.matchesAny(patterns, host), c.get1().matches(host), host);
    }
  }

  @Property
  void patternMatchingAgreesWithTheReferenceDefinition(@ForAll("patternAndHost") Tuple2<MxPattern, String> c) {
    assertEquals(ReferenceMatcher.matches(c.get1().pattern(), c.get2()), c.get1().matches(c.get2()),
        () -> c.get1() + " vs " + c.get2());
  }

  // Hosts a policy's index must get right: each pattern's own host (a wildcard's with one, none
  // and two labels in its place), in other letter case, with the root dot, with a changed
  // character, and unrelated text (spaces, '*', non-ASCII, empty).
  @Provide
  Arbitrary<Tuple2<List<MxPattern>, List<String>>> manyPatternsAndHosts() {
    Arbitrary<List<MxPattern>> patterns = MtaStsArbitraries.mxPatterns().list().ofMinSize(1).ofMaxSize(60);
    return patterns.flatMap(ps -> {
      Arbitrary<String> derived = Arbitraries.of(ps).flatMap(p -> {
        String text = p.pattern();
        String base = p.wildcard() ? text.substring(2) : text;
        return Arbitraries.of(
            text, base, "a." + base, "a.b." + base, "x-1." + base, "-x." + base, "a b." + base,
            base.toUpperCase(Locale.ROOT), "Mx." + base.toUpperCase(Locale.ROOT) + ".", base + ".",
            base + "..", "." + base, base.substring(1), base.replace('.', '-'), base + ".x",
            "*." + base, "\u00e9." + base);
      });
      Arbitrary<String> unrelated = Arbitraries.strings().withChars("abAB.-* 9\u00e9").ofMaxLength(12);
      return Arbitraries.frequencyOf(Tuple.of(4, derived), Tuple.of(1, unrelated), Tuple.of(1, MtaStsArbitraries.hostnames()))
          .list().ofMinSize(1).ofMaxSize(20).map(hosts -> Tuple.of(ps, hosts));
    });
  }

  @Property
  void policyIndexAgreesWithMatchingEachPatternInTurn(
      @ForAll("manyPatternsAndHosts") Tuple2<List<MxPattern>, List<String>> c) {
    MtaStsPolicy policy = MtaStsPolicy.of(Mode.TESTING, 86_400, c.get1());
    for (String host : c.get2()) {
      boolean oneByOne = c.get1().stream().anyMatch(p -> p.matches(host));
      assertEquals(oneByOne, policy.matches(host), () -> host + " against " + c.get1());
    }
  }

  @Example
  void wildcardCoversExactlyOneLeftmostLabel() {
    MxPattern p = MxPattern.of("*.example.com");
    assertTrue(ReferenceMatcher.matches(p.pattern(), "MAIL.Example.COM."));
    assertFalse(ReferenceMatcher.matches(p.pattern(), "example.com"));
    assertFalse(ReferenceMatcher.matches(p.pattern(), "a.b.example.com"));
    assertEquals(p.matches("mail.example.com"), ReferenceMatcher.matches(p.pattern(), "mail.example.com"));
  }
}
