package dev.mtasts.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** MX host names that a list of {@code mx} patterns does, or does not, cover. */
public final class MxHosts {
  private MxHosts() {}

  /**
   * Returns hosts covered by one pattern: the host itself for an exact pattern, one extra leftmost
   * label for a wildcard; in random case and sometimes with the root dot, as DNS hands them out.
   *
   * @param pattern an {@code mx} value
   * @return the host arbitrary
   */
  public static Arbitrary<String> coveredBy(String pattern) {
    Arbitrary<String> host =
        pattern.startsWith("*.")
            ? Hosts.ldhLabel(12).map(l -> Hosts.trimToLength(List.of(l, pattern.substring(2)), Hosts.MAX_NAME))
                .filter(h -> ReferenceMatcher.matches(pattern, h))
            : Arbitraries.just(pattern);
    return host.flatMap(Hosts::caseVariant).flatMap(MxHosts::maybeRootDot);
  }

  private static Arbitrary<String> maybeRootDot(String host) {
    return Arbitraries.of(host, host + ".");
  }

  /**
   * Returns hosts near the patterns that none of them covers: the wildcard's own suffix, two
   * labels under a wildcard, a parent or child of an exact host, a look-alike with an extra suffix,
   * or an unrelated host.
   *
   * @param patterns the {@code mx} values
   * @return the host arbitrary
   */
  public static Arbitrary<String> notCoveredBy(List<String> patterns) {
    List<Arbitrary<String>> candidates = new ArrayList<>();
    for (String p : patterns) {
      String base = p.startsWith("*.") ? p.substring(2) : p;
      candidates.add(Arbitraries.just(base));
      candidates.add(Hosts.ldhLabel(8).map(l -> l + "." + base));
      candidates.add(Combinators.combine(Hosts.ldhLabel(8), Hosts.ldhLabel(8)).as((a, b) -> a + "." + b + "." + base));
      candidates.add(Hosts.tld().map(t -> base + "." + t));
      int dot = base.indexOf('.');
      if (dot > 0 && base.indexOf('.', dot + 1) > 0) {
        candidates.add(Arbitraries.just(base.substring(dot + 1)));
      }
    }
    candidates.add(Hosts.hostname(0));
    return Arbitraries.oneOf(candidates)
        .filter(h -> h.length() <= Hosts.MAX_NAME && !ReferenceMatcher.matchesAny(patterns, h));
  }

  /**
   * Returns non-empty host lists that the patterns cover completely.
   *
   * @param patterns the {@code mx} values, at least one
   * @return the list arbitrary
   */
  public static Arbitrary<List<String>> allCovered(List<String> patterns) {
    return Arbitraries.of(patterns).flatMap(MxHosts::coveredBy).list().ofMinSize(1).ofMaxSize(6);
  }

  /**
   * Returns host lists with at least one host that no pattern covers, mixed with covered ones at
   * random positions.
   *
   * @param patterns the {@code mx} values (may be empty)
   * @return the list arbitrary
   */
  public static Arbitrary<List<String>> someNotCovered(List<String> patterns) {
    Arbitrary<List<String>> covered =
        patterns.isEmpty()
            ? Arbitraries.just(List.of())
            : Arbitraries.of(patterns).flatMap(MxHosts::coveredBy).list().ofMinSize(0).ofMaxSize(4);
    Arbitrary<List<String>> outside = notCoveredBy(patterns).list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(outside, covered)
        .as(
            (out, in) -> {
              List<String> all = new ArrayList<>(out);
              all.addAll(in);
              return all;
            })
        .flatMap(Arbitraries::shuffle);
  }
}
