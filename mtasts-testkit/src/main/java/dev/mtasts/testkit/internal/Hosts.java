package dev.mtasts.testkit.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Host names and MX patterns as text, following the RFC 5321 §4.1.2 {@code Domain} rule that RFC
 * 8461 §3.2 imports, plus the DNS length limits (63 octets a label, 253 a name) every resolver
 * enforces.
 *
 * <p>Generated names shrink towards {@code a.aa}: short labels of {@code a}s, few labels.
 */
public final class Hosts {
  /** The longest label DNS allows (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL = 63;
  /** The longest name in presentation form without the root dot (RFC 1035 §3.1). */
  public static final int MAX_NAME = 253;

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String LET_DIG = LETTERS + "0123456789";
  // Letters whose IDNA mapping is the identity, so the U-label round-trips through its A-label.
  private static final String UNICODE = "äöüéèñøåçłžšíáó" + "日本語中文";

  // Generators are cached per size argument for the life of the JVM, so each is built once; an
  // arbitrary is immutable and safe to share between properties and threads. The size arguments
  // are checked to lie in 1..MAX_LABEL or 0..MAX_NAME, which bounds each map (at most 254 entries).
  private static final java.util.Map<Integer, Arbitrary<String>> LDH = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Integer, Arbitrary<String>> HOST = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Integer, Arbitrary<String>> LONG_HOST = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Arbitrary<String> MX_PATTERN = newMxPattern();

  private Hosts() {}

  private static void checkReserve(int reserve) {
    if (reserve < 0 || reserve > MAX_NAME) {
      throw new IllegalArgumentException("reserve " + reserve + " is not in 0.." + MAX_NAME);
    }
  }

  /**
   * Returns one LDH label: letter or digit at both ends, hyphens only inside, 1 to {@code max}
   * characters.
   *
   * @param max the longest label to produce
   * @return the label arbitrary
   */
  public static Arbitrary<String> ldhLabel(int max) {
    if (max < 1 || max > MAX_LABEL) {
      throw new IllegalArgumentException("label length " + max + " is not in 1.." + MAX_LABEL);
    }
    return LDH.computeIfAbsent(max, Hosts::newLdhLabel);
  }

  private static Arbitrary<String> newLdhLabel(int max) {
    Arbitrary<Character> first = Arbitraries.of(LET_DIG.toCharArray());
    Arbitrary<String> rest =
        Arbitraries.strings().withChars(LET_DIG + "-").ofMinLength(0).ofMaxLength(max - 1);
    return Combinators.combine(first, rest)
        .as(
            (f, r) -> {
              String label = f + r;
              // RFC 5321 Ldh-str: the last character must be a letter or digit.
              return label.endsWith("-") ? label.substring(0, label.length() - 1) + "a" : label;
            });
  }

  /**
   * Returns a top-level label made of letters only, so that no generated name looks like an IPv4
   * address.
   *
   * @return the label arbitrary
   */
  public static Arbitrary<String> tld() {
    return Arbitraries.strings().withChars(LETTERS).ofMinLength(2).ofMaxLength(10);
  }

  /**
   * Returns an IDN A-label ({@code xn--...}) made from a short U-label.
   *
   * @return the label arbitrary
   */
  public static Arbitrary<String> aLabel() {
    Arbitrary<String> unicode = Arbitraries.strings().withChars(UNICODE).ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> ascii = Arbitraries.strings().withChars(LETTERS).ofMinLength(0).ofMaxLength(6);
    return Combinators.combine(ascii, unicode)
        .as((a, u) -> IDN.toASCII(a + u, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT))
        .filter(l -> l.startsWith("xn--") && l.length() <= MAX_LABEL);
  }

  /**
   * Returns a label: mostly short LDH labels, sometimes an A-label, sometimes one of exactly 63
   * characters.
   *
   * @return the label arbitrary
   */
  public static Arbitrary<String> label() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, ldhLabel(12)),
        net.jqwik.api.Tuple.of(2, aLabel()),
        net.jqwik.api.Tuple.of(1, ldhLabel(MAX_LABEL).map(Hosts::padTo63)));
  }

  private static String padTo63(String label) {
    StringBuilder b = new StringBuilder(label);
    while (b.length() < MAX_LABEL) {
      b.insert(0, 'a');
    }
    return b.toString();
  }

  /**
   * Returns host names in lower case, 2 to 6 labels, at most {@code 253 - reserve} characters.
   *
   * @param reserve characters to leave free, for a {@code *.} or a prefix label
   * @return the host name arbitrary
   */
  public static Arbitrary<String> hostname(int reserve) {
    checkReserve(reserve);
    return HOST.computeIfAbsent(reserve, Hosts::newHostname);
  }

  private static Arbitrary<String> newHostname(int reserve) {
    Arbitrary<List<String>> inner = label().list().ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(inner, tld())
        .as(
            (labels, top) -> {
              List<String> all = new ArrayList<>(labels);
              all.add(top);
              return trimToLength(all, MAX_NAME - reserve);
            });
  }

  /**
   * Returns host names close to the 253-character limit, built from 63-character labels.
   *
   * @param reserve characters to leave free
   * @return the host name arbitrary
   */
  public static Arbitrary<String> longHostname(int reserve) {
    checkReserve(reserve);
    return LONG_HOST.computeIfAbsent(reserve, Hosts::newLongHostname);
  }

  private static Arbitrary<String> newLongHostname(int reserve) {
    return Combinators.combine(ldhLabel(MAX_LABEL).map(Hosts::padTo63).list().ofSize(4), tld())
        .as(
            (labels, top) -> {
              List<String> all = new ArrayList<>(labels);
              all.add(top);
              return trimToLength(all, MAX_NAME - reserve);
            });
  }

  // Drops leading labels (keeping at least two) and then shortens the first one until the name fits.
  static String trimToLength(List<String> labels, int max) {
    List<String> all = new ArrayList<>(labels);
    while (String.join(".", all).length() > max && all.size() > 2) {
      all.remove(0);
    }
    String name = String.join(".", all);
    if (name.length() > max) {
      int cut = name.length() - max;
      String first = all.get(0);
      all.set(0, first.substring(0, Math.max(1, first.length() - cut)).replaceAll("-+$", "a"));
      name = String.join(".", all);
    }
    return name;
  }

  /**
   * Returns RFC 8461 {@code mx} pattern texts: an exact host or {@code *.} followed by a host of
   * at least two labels.
   *
   * @return the pattern arbitrary
   */
  public static Arbitrary<String> mxPattern() {
    return MX_PATTERN;
  }

  private static Arbitrary<String> newMxPattern() {
    Arbitrary<String> exact = hostname(0);
    Arbitrary<String> wildcard = hostname(2).map(h -> "*." + h);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, exact),
        net.jqwik.api.Tuple.of(2, wildcard),
        net.jqwik.api.Tuple.of(1, longHostname(2).map(h -> "*." + h)));
  }

  /**
   * Returns the name in random ASCII letter case, shrinking towards the name unchanged.
   *
   * @param name a lower-case name
   * @return the arbitrary of case variants
   */
  public static Arbitrary<String> caseVariant(String name) {
    return Arbitraries.integers()
        .between(0, 2)
        .flatMap(
            kind -> {
              if (kind == 0) {
                return Arbitraries.just(name);
              }
              if (kind == 1) {
                return Arbitraries.just(name.toUpperCase(Locale.ROOT));
              }
              return Arbitraries.randoms().map(r -> randomCase(name, r));
            });
  }

  private static String randomCase(String name, java.util.Random random) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }
}
