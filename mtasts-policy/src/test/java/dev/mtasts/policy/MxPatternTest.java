package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class MxPatternTest {

  @ParameterizedTest
  @ValueSource(strings = {"mail.example.com", "*.example.net", "localhost", "a", "1.example", "xn--bcher-kva.example",
      "a-b.c-d.example", "*.com", "0x.example", "10.0.0.1.example"})
  void acceptsDomains(String text) {
    assertEquals(text, MxPattern.parse(text).toString());
    assertEquals(MxPattern.parse(text), MxPattern.of(text));
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = ';', value = {
    "mail.example.com.; MX_TRAILING_DOT; 17",
    "*; MX_WILDCARD; 1",
    "**.example; MX_WILDCARD; 1",
    "a.*.example; MX_WILDCARD; 3",
    "*a.example; MX_WILDCARD; 1",
    "*.; INVALID_MX; 3",
    "a..b; INVALID_MX; 3",
    "-a.example; INVALID_MX; 1",
    "a-.example; INVALID_MX; 2",
    "a b.example; INVALID_MX; 2",
    "mail_1.example; INVALID_MX; 5",
    "bücher.example; MX_U_LABEL; 2",
    "192.0.2.1; MX_IP_ADDRESS; 1",
  })
  void refusesNonDomains(String text, PolicyErrorCode code, int column) {
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> MxPattern.parse(text));
    assertEquals(code, e.code());
    assertEquals(1, e.line());
    assertEquals(column, e.column());
    assertThrows(IllegalArgumentException.class, () -> MxPattern.of(text));
  }

  @Test
  void enforcesDnsLengthLimits() {
    String label63 = "a".repeat(63);
    assertEquals(label63 + ".example", MxPattern.of(label63 + ".example").pattern());
    assertEquals(PolicyErrorCode.INVALID_MX,
        assertThrows(PolicyParseException.class, () -> MxPattern.parse("a" + label63 + ".example")).code());
    String name253 = (label63 + ".").repeat(3) + "a".repeat(61);
    assertEquals(253, name253.length());
    MxPattern.of(name253);
    assertThrows(IllegalArgumentException.class, () -> MxPattern.of(name253 + "b"));
    assertThrows(IllegalArgumentException.class, () -> MxPattern.of(""));
  }

  @Test
  void storesLowerCase() {
    assertEquals("*.example.net", MxPattern.of("*.EXAMPLE.Net").pattern());
    assertEquals(MxPattern.of("MX.example"), MxPattern.of("mx.EXAMPLE"));
    assertEquals(MxPattern.of("MX.example").hashCode(), MxPattern.of("mx.EXAMPLE").hashCode());
    assertNotEquals(MxPattern.of("mx.example"), MxPattern.of("*.example"));
  }

  @Test
  void knowsWhetherItIsAWildcard() {
    assertTrue(MxPattern.of("*.example.net").wildcard());
    assertFalse(MxPattern.of("mail.example.net").wildcard());
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
    "mail.example.com; mail.example.com; true",
    "mail.example.com; MAIL.Example.COM; true",
    "mail.example.com; mail.example.com.; true",
    "mail.example.com; mail.example.com..; false",
    "mail.example.com; mail.example.co; false",
    "mail.example.com; xmail.example.com; false",
    "mail.example.com; .mail.example.com; false",
    "*.example.com; mail.example.com; true",
    "*.example.com; MAIL.Example.COM.; true",
    "*.example.com; example.com; false",
    "*.example.com; a.b.example.com; false",
    "*.example.com; .example.com; false",
    "*.example.com; mail.example.org; false",
    "*.example.com; mailexample.com; false",
    "*.google.com; aspmx.l.google.com; false",
    "*.xn--bcher-kva.example; mx.bücher.example; true",
    "*.xn--bcher-kva.example; MX.BÜCHER.example.; true",
    "xn--bcher-kva.example; bücher.example; true",
    "xn--bcher-kva.example; bucher.example; false",
    "mail.example.com; mail.example.com\u212a; false",
  })
  void matchesAsRfc8461Section41(String pattern, String host, boolean expected) {
    assertEquals(expected, MxPattern.of(pattern).matches(host));
    MtaStsPolicy policy = MtaStsPolicy.of(Mode.ENFORCE, 1, java.util.List.of(MxPattern.of(pattern)));
    assertEquals(expected, policy.matches(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b.example.com", "*.example.com", "a_b;.example.com", "-a.example.com",
      "a-.example.com", "a\tb.example.com", "a/b.example.com", "@.example.com", "ü_b.example.com",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com"})
  void wildcardDoesNotMatchAHostWhoseLeftmostLabelIsNotAName(String host) {
    MxPattern p = MxPattern.of("*.example.com");
    assertFalse(p.matches(host), host);
    assertFalse(MtaStsPolicy.of(Mode.ENFORCE, 1, java.util.List.of(p)).matches(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a-b.example.com", "0.example.com", "X.example.com",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com"})
  void wildcardStillMatchesEveryLdhLeftmostLabel(String host) {
    assertTrue(MxPattern.of("*.example.com").matches(host), host);
  }

  @Test
  void wildcardDoesNotMatchAHostLongerThanANameCanBe() {
    String suffix = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59);
    MxPattern p = MxPattern.of("*." + suffix);
    assertEquals(253, p.pattern().length());
    assertTrue(p.matches("x." + suffix));
    assertFalse(p.matches("xy." + suffix)); // 254 characters: over the DNS limit of 253
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail_example.com", "mail example.com", "mail.example.com;", "mail.example.com\u0000",
      "*.example.com", "mail.example.com.."})
  void exactPatternDoesNotMatchAHostWithInvalidCharacters(String host) {
    assertFalse(MxPattern.of("mail.example.com").matches(host), host);
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(delimiter = ';', value = {
    "strasse.de; straße.de",
    "xn--strae-oqa.de; straße.de",
    "*.strasse.de; mx.straße.de",
    "mx.strasse.de; MX.STRAẞE.de",
    "xn--4xaa.example; σς.example",
    "*.example; σς.example",
    "ab.example; a\u200Db.example",
    "ab.example; a\u200Cb.example",
  })
  void hostsWithIdnaDeviationCharactersMatchNoPattern(String pattern, String host) {
    // java.net.IDN (IDNA2003) maps these to another name than the IDNA2008 A-label the DNS holds
    assertFalse(MxPattern.of(pattern).matches(host), host);
    assertFalse(MtaStsPolicy.of(Mode.ENFORCE, 1, java.util.List.of(MxPattern.of(pattern))).matches(host), host);
  }

  @Test
  void idnaDeviationHostsMatchTheirIdna2008ALabelPatternOnlyWhenGivenAsALabels() {
    // straße.de is xn--strae-oqa.de under IDNA2008 (RFC 5891); the caller passes that A-label
    assertTrue(MxPattern.of("xn--strae-oqa.de").matches("XN--STRAE-OQA.de."));
    assertFalse(MxPattern.of("strasse.de").matches("xn--strae-oqa.de"));
    // capital sigma is no deviation: both IDNA versions read ΣΣ as σσ
    assertTrue(MxPattern.of("xn--4xaa.example").matches("ΣΣ.example."));
  }

  @Test
  void emptyOrUnconvertibleHostsMatchNothing() {
    MxPattern p = MxPattern.of("*.example");
    assertFalse(p.matches(""));
    assertFalse(p.matches("."));
    assertFalse(p.matches("a.\uD800.example"));
    assertFalse(p.matches("ü".repeat(300) + ".example"));
  }

  @Test
  void coversEqualAndShadowedPatterns() {
    assertTrue(MxPattern.of("*.example.com").covers(MxPattern.of("mx1.example.com")));
    assertTrue(MxPattern.of("mx1.example.com").covers(MxPattern.of("mx1.example.com")));
    assertFalse(MxPattern.of("*.example.com").covers(MxPattern.of("a.b.example.com")));
    assertFalse(MxPattern.of("*.example.com").covers(MxPattern.of("*.a.example.com")));
    assertFalse(MxPattern.of("mx1.example.com").covers(MxPattern.of("*.example.com")));
  }

  @Test
  void matchingAnAsciiHostDoesNotAllocate() throws ReflectiveOperationException {
    // Through reflection: the test sources are compiled as part of the named module, which does
    // not read java.management; at run time they are on the class path.
    Class<?> hotspotBean;
    try {
      hotspotBean = Class.forName("com.sun.management.ThreadMXBean");
    } catch (ClassNotFoundException e) {
      hotspotBean = null;
    }
    assumeTrue(hotspotBean != null, "per-thread allocation counters are HotSpot-only");
    Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
    assumeTrue(hotspotBean.isInstance(bean));
    assumeTrue((Boolean) hotspotBean.getMethod("isThreadAllocatedMemorySupported").invoke(bean));
    Method allocatedBytes = hotspotBean.getMethod("getThreadAllocatedBytes", long.class);
    MtaStsPolicy policy = MtaStsPolicy.parse(
        "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 604800\n");
    MxPattern single = policy.mx().get(1);
    String[] hosts = {"MX1.example.NET.", "mail.example.com", "other.example.org", "a.b.example.net"};
    boolean sink = false;
    for (int i = 0; i < 20_000; i++) {
      sink ^= policy.matches(hosts[i & 3]) ^ single.matches(hosts[i & 3]);
    }
    long id = Thread.currentThread().getId();
    long before = (Long) allocatedBytes.invoke(bean, id);
    for (int i = 0; i < 100_000; i++) {
      sink ^= policy.matches(hosts[i & 3]) ^ single.matches(hosts[i & 3]);
    }
    long allocated = (Long) allocatedBytes.invoke(bean, id) - before;
    // one allocation per call would be well over a megabyte; the slack is for the measurement
    assertTrue(allocated < 10_000, "allocated " + allocated + " bytes (" + sink + ")");
  }
}
