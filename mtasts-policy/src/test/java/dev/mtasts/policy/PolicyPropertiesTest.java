package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class PolicyPropertiesTest {

  // ---------------------------------------------------------------- generators

  private static Arbitrary<String> label() {
    Arbitrary<String> ldh = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('-').ofMinLength(1).ofMaxLength(12)
        .filter(s -> s.charAt(0) != '-' && s.charAt(s.length() - 1) != '-');
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, ldh),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("xn--bcher-kva", "xn--mx-kia", "a", "mx1", "MAIL")));
  }

  private static Arbitrary<String> domain() {
    // a letter-led last label keeps generated names clear of IPv4 literals
    Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
    return Combinators.combine(label().list().ofMinSize(0).ofMaxSize(3), tld)
        .as((labels, last) -> labels.isEmpty() ? last : String.join(".", labels) + "." + last);
  }

  @Provide
  Arbitrary<MxPattern> patterns() {
    return Combinators.combine(Arbitraries.of(true, false), domain())
        .as((wild, d) -> MxPattern.of(wild ? "*." + d : d));
  }

  private static Arbitrary<Extension> extensions() {
    Arbitrary<String> name = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '-', '.', 'X')
                .ofMaxLength(31))
        .as(String::concat)
        .filter(n -> !List.of("version", "mode", "max_age", "mx").contains(n));
    Arbitrary<String> value = Arbitraries.strings().withCharRange('!', '~').withChars(' ', ' ', 'é', '✓', '\u2028', '\u0085')
        .ofMinLength(1).ofMaxLength(30)
        .filter(v -> v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' ');
    return Combinators.combine(name, value).as(Extension::new);
  }

  @Provide
  Arbitrary<MtaStsPolicy> policies() {
    return Combinators.combine(
            Arbitraries.of(Mode.class),
            Arbitraries.longs().between(0, MtaStsPolicy.MAX_MAX_AGE),
            patterns().list().ofMaxSize(5),
            extensions().list().ofMaxSize(3).uniqueElements(Extension::name))
        .as((mode, maxAge, mx, ext) -> {
          List<MxPattern> patterns = mode.requiresMx() && mx.isEmpty() ? List.of(MxPattern.of("mx.example")) : mx;
          return new MtaStsPolicy(MtaStsPolicy.VERSION, mode, maxAge, patterns, ext);
        });
  }

  // ---------------------------------------------------------------- round trip

  @Property(tries = 500)
  void roundTripsThroughCanonicalText(@ForAll("policies") MtaStsPolicy policy) {
    String crlf = policy.toText();
    assertEquals(policy, MtaStsPolicy.parse(crlf));
    assertEquals(policy, MtaStsPolicy.parse(policy.toText(LineEnding.LF)));
    assertEquals(policy, MtaStsPolicy.parse(crlf.getBytes(StandardCharsets.UTF_8)));
    assertEquals(crlf, MtaStsPolicy.parse(crlf).toText());
    assertEquals(policy, policy.toBuilder().build());
    assertEquals(List.of(), PolicyParser.strict().parse(crlf).warnings());
  }

  // ---------------------------------------------------------------- robustness

  /** Parses with both parsers; only a result or a PolicyParseException may come out. */
  private static void parseOrRefuse(String text) {
    for (PolicyParser parser : List.of(PolicyParser.strict(), PolicyParser.lenient())) {
      try {
        ParseResult<MtaStsPolicy> r = parser.parse(text);
        assertNotNull(r.value());
        // whatever was accepted has a canonical form that parses back to it
        assertEquals(r.value(), MtaStsPolicy.parse(r.value().toText()));
        PolicyLint.lint(r.value(), List.of("mx.example", "a.b.example.", "bücher.example", ""));
      } catch (PolicyParseException e) {
        assertNotNull(e.code());
        assertTrue(e.line() >= 1 && e.column() >= 1, e.toString());
      }
    }
  }

  private static void parseOrRefuse(byte[] body) {
    for (PolicyParser parser : List.of(PolicyParser.strict(), PolicyParser.lenient(), PolicyParser.strict().withMaxBytes(64))) {
      try {
        assertEquals(parser.parse(body).value(), parser.parse(new ByteArrayInputStream(body)).value());
      } catch (PolicyParseException e) {
        assertTrue(e.line() >= 1 && e.column() >= 1, e.toString());
      }
    }
  }

  @Property(tries = 1000)
  void anyStringParsesOrIsRefused(@ForAll("anyStrings") String text) {
    parseOrRefuse(text);
  }

  @Provide
  Arbitrary<String> anyStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars("version:mode:max_age:mx:STSv1enforcetestingnone*.-_\r\n\t 0123456789\uFEFFéM")
            .ofMaxLength(200));
  }

  @Property(tries = 1000)
  void anyBytesParseOrAreRefused(@ForAll("anyBytes") byte[] body) {
    parseOrRefuse(body);
  }

  @Provide
  Arbitrary<byte[]> anyBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  @Property(tries = 1000)
  void mutatedRealPoliciesParseOrAreRefused(@ForAll("mutatedPolicies") byte[] body) {
    parseOrRefuse(body);
    parseOrRefuse(new String(body, StandardCharsets.UTF_8));
  }

  private static final List<byte[]> TOKENS = Stream.of("\r", "\n", "\r\n", " ", "\t", ":", "*.", ".", "\uFEFF",
      "é", "\u0000", "mx: ", "mode: ", "max_age: 99999999999", "\n\n", "version: STSv1\n", "Mode: none\n", "-", "_",
      "\uD83D\uDE00").map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();

  @Provide
  Arbitrary<byte[]> mutatedPolicies() {
    Arbitrary<int[]> op = Combinators.combine(
            Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1 << 16),
            Arbitraries.integers().between(0, 255))
        .as((kind, pos, value) -> new int[] {kind, pos, value});
    return Combinators.combine(Arbitraries.of(seedPolicies()), op.list().ofMinSize(1).ofMaxSize(4))
        .as(PolicyPropertiesTest::mutate);
  }

  private static byte[] mutate(byte[] seed, List<int[]> ops) {
    byte[] b = seed;
    for (int[] op : ops) {
      int len = b.length;
      int at = len == 0 ? 0 : op[1] % (len + 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(len + 64);
      switch (op[0]) {
        case 0: // replace one byte
          if (len == 0) {
            continue;
          }
          b = b.clone();
          b[Math.min(at, len - 1)] = (byte) op[2];
          continue;
        case 1: // insert one byte
          out.write(b, 0, at);
          out.write(op[2]);
          out.write(b, at, len - at);
          break;
        case 2: // delete one byte
          if (at >= len) {
            continue;
          }
          out.write(b, 0, at);
          out.write(b, at + 1, len - at - 1);
          break;
        case 3: { // repeat the line around the position
          int start = at;
          while (start > 0 && b[start - 1] != '\n') {
            start--;
          }
          int end = at;
          while (end < len && b[end] != '\n') {
            end++;
          }
          end = Math.min(len, end + 1);
          out.write(b, 0, end);
          out.write(b, start, end - start);
          out.write(b, end, len - end);
          break;
        }
        case 4: // truncate
          out.write(b, 0, at);
          break;
        default: { // insert a token that matters to the grammar
          byte[] token = TOKENS.get(op[2] % TOKENS.size());
          out.write(b, 0, at);
          out.write(token, 0, token.length);
          out.write(b, at, len - at);
          break;
        }
      }
      b = out.toByteArray();
    }
    return b;
  }

  private static List<byte[]> seedPolicies() {
    List<byte[]> seeds = new ArrayList<>();
    String dir = System.getProperty("mtasts.corpus.dir");
    if (dir != null) {
      for (String folder : List.of("valid", "invalid")) {
        Path path = Path.of(dir, "policies", folder);
        if (Files.isDirectory(path)) {
          try (Stream<Path> files = Files.list(path)) {
            for (Path f : files.sorted().toList()) {
              seeds.add(Files.readAllBytes(f));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    // without the corpus, mutate a few policies of our own
    seeds.add("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n"
        .getBytes(StandardCharsets.UTF_8));
    seeds.add("version:STSv1\nmode:none\nmax_age:0\next: va lue\n".getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  // ---------------------------------------------------------------- matching

  /** RFC 8461 §4.1 written as plainly as possible, with strings and splitting. */
  static boolean referenceMatches(String pattern, String mxHost) {
    String host = mxHost;
    if (!host.chars().allMatch(c -> c < 0x80)) {
      if (host.matches(".*[\u00DF\u1E9E\u03C2\u200C\u200D].*")) {
        return false; // IDNA2003 would convert these to another name than IDNA2008 does
      }
      try {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (!pattern.startsWith("*.")) {
      return host.equals(pattern);
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.length() <= 253 && host.substring(0, dot).matches(LDH_LABEL)
        && host.substring(dot + 1).equals(pattern.substring(2));
  }

  /** RFC 5321 §4.1.2 {@code sub-domain} with the DNS limit of 63 characters. */
  private static final String LDH_LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

  @Provide
  Arbitrary<String> hosts() {
    return Arbitraries.oneOf(
        domain(),
        domain().map(d -> d + "."),
        Combinators.combine(label(), domain()).as((l, d) -> l + "." + d),
        Arbitraries.of("bücher.example", "mx.BÜCHER.example.", "a.example", "MX.A.EXAMPLE", ".example", "", ".",
            "a..example", "例え.テスト", "mx.example。", "straße.example", "mx.STRAẞE.example", "ς.example",
            "a\u200Db.example", "a b.example", "a_b;.example", "*.example", "-a.example", "a-.example"),
        Arbitraries.strings().withChars("aAbB.-*ü _ß").ofMaxLength(12));
  }

  @Property(tries = 2000)
  void matchingAgreesWithTheReferenceDefinition(@ForAll("patterns") MxPattern pattern, @ForAll("hosts") String host) {
    assertEquals(referenceMatches(pattern.pattern(), host), pattern.matches(host), pattern + " vs " + host);
  }

  @Property(tries = 1000)
  void matchingAgreesForHostsDerivedFromThePattern(@ForAll("patterns") MxPattern pattern, @ForAll("hosts") String other,
      @ForAll("caseFlips") boolean upper) {
    String base = pattern.wildcard() ? pattern.pattern().substring(2) : pattern.pattern();
    for (String host : List.of(base, "x." + base, other + "." + base, base + ".", "a.b." + base)) {
      String h = upper ? host.toUpperCase(Locale.ROOT) : host;
      assertEquals(referenceMatches(pattern.pattern(), h), pattern.matches(h), pattern + " vs " + h);
      MtaStsPolicy policy = MtaStsPolicy.of(Mode.TESTING, 1, List.of(MxPattern.of("unrelated.example"), pattern));
      assertEquals(pattern.matches(h), policy.matches(h));
    }
  }

  @Property(tries = 500)
  void policyMatchesExactlyWhenOneOfItsPatternsDoes(
      @ForAll("patterns") MxPattern first, @ForAll("patterns") MxPattern second,
      @ForAll("patterns") MxPattern third, @ForAll("hosts") String other) {
    List<MxPattern> mx = List.of(first, second, third);
    MtaStsPolicy policy = MtaStsPolicy.of(Mode.ENFORCE, 1, mx);
    List<String> hosts = new ArrayList<>(List.of(other, other + "."));
    for (MxPattern p : mx) {
      String base = p.wildcard() ? p.pattern().substring(2) : p.pattern();
      hosts.addAll(List.of(base, "x." + base, other + "." + base, "A.B." + base.toUpperCase(Locale.ROOT)));
    }
    for (String h : hosts) {
      boolean any = first.matches(h) || second.matches(h) || third.matches(h);
      assertEquals(any, policy.matches(h), mx + " vs " + h);
    }
  }

  @Provide
  Arbitrary<Boolean> caseFlips() {
    return Arbitraries.of(true, false);
  }
}
