package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.DomainName.Syntax;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * The one domain-name type against the rules of the validators it replaced (issue 14), written
 * here as independent oracles: where those rules agreed, {@link DomainName} accepts and refuses the
 * same names and gives the same text.
 */
final class DomainNamePropertiesTest {

  // RFC 5321 Domain with the DNS limits: the policy module's mx syntax without the wildcard, and the
  // lifecycle module's policy-domain check (which did not refuse IPv4 literals).
  private static final Pattern LDH = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  // The report model's policy-domain check: labels of 1 to 63 letters, digits, '-' or '_'.
  private static final Pattern REPORT = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9_-]{1,63}(?:\\.[A-Za-z0-9_-]{1,63})*");
  private static final Pattern IPV4 = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> label = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().withChars("abcXYZ019-").ofMinLength(1).ofMaxLength(8)),
        Tuple.of(2, Arbitraries.strings().withChars("ab-_ü日ßς\u200D ").ofMinLength(0).ofMaxLength(6)),
        Tuple.of(1, Arbitraries.of("xn--bcher-kva", "bücher", "straße", "192", "*", "a".repeat(63), "b".repeat(64),
            "xn--", "XN--BCHER-KVA", "-", "_dmarc")));
    Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
    Arbitrary<String> dotted = name.map(n -> n + ".");
    Arbitrary<String> longName = Arbitraries.integers().between(240, 260).map(n -> ("abcdefghi.").repeat(30).substring(0, n));
    Arbitrary<String> noise = Arbitraries.strings().withChars("a0-_.*ü \t\u0000").ofMaxLength(12);
    return Arbitraries.frequencyOf(Tuple.of(8, name), Tuple.of(2, dotted), Tuple.of(1, longName), Tuple.of(2, noise));
  }

  @Property(tries = 3000)
  void strictAgreesWithTheMxSyntaxAndTheLifecycleCheck(@ForAll("texts") String text) {
    @Nullable String strict = parsed(text, Syntax.STRICT);
    boolean mx = !text.startsWith("*") && accepts(() -> MxPattern.parse(text));
    assertEquals(mx, strict != null, text);
    boolean ldh = LDH.matcher(text).matches();
    if (!IPV4.matcher(text).matches()) {
      assertEquals(ldh, strict != null, text);
    }
    if (strict != null) {
      assertEquals(text.toLowerCase(Locale.ROOT), strict, text);
      assertEquals(MxPattern.of(text).pattern(), strict);
    }
  }

  @Property(tries = 3000)
  void lenientAgreesWithTheReportModelCheck(@ForAll("texts") String text) {
    @Nullable String lenient = parsed(text, Syntax.LENIENT);
    assertEquals(REPORT.matcher(text).matches(), lenient != null, text);
    if (lenient != null) {
      assertEquals(text.toLowerCase(Locale.ROOT), lenient);
    }
  }

  @Property(tries = 3000)
  void inputAgreesWithTheDnsModuleConversion(@ForAll("texts") String text) {
    @Nullable String input = parsed(text, Syntax.INPUT);
    @Nullable String dns = dnsModuleRule(text);
    String withoutDot = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (dns != null && IPV4.matcher(dns).matches()) {
      return; // the DNS module looked up IPv4 literals as names; the one type refuses them
    }
    assertEquals(dns, input, text);
    if (input != null) {
      assertEquals(input, DomainName.parse(input).toString(), "the result is a strict name");
      if (withoutDot.chars().allMatch(c -> c < 0x80)) {
        assertEquals(DomainName.comparisonKey(text), input);
      }
    }
  }

  @Property(tries = 2000)
  void neverThrowsAnythingButTheDocumentedException(@ForAll("texts") String text) {
    for (Syntax syntax : Syntax.values()) {
      try {
        DomainName name = DomainName.parse(text, syntax);
        assertEquals(name, DomainName.parse(name.toString(), syntax), "parsing the result gives it back");
      } catch (DomainNameException e) {
        assertTrue(e.column() >= 1 && e.column() <= text.codePointCount(0, text.length()) + 1, e::toString);
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e::getMessage);
      }
    }
  }

  /** The DNS module's old conversion: one root dot dropped, deviations refused, IDNA2003 with STD3 rules. */
  private static @Nullable String dnsModuleRule(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (d.isEmpty() || d.chars().anyMatch(c -> c == 0xDF || c == 0x1E9E || c == 0x3C2 || c == 0x200C || c == 0x200D)) {
      return null;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (ascii.length() > 253) {
      return null;
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return null;
      }
    }
    return ascii;
  }

  private static @Nullable String parsed(String text, Syntax syntax) {
    try {
      return DomainName.parse(text, syntax).toString();
    } catch (DomainNameException e) {
      return null;
    }
  }

  private static boolean accepts(Runnable r) {
    try {
      r.run();
      return true;
    } catch (MtaStsException e) {
      return false;
    }
  }
}
