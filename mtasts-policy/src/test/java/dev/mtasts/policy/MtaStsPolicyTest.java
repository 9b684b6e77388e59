package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MtaStsPolicyTest {
  private static final List<MxPattern> MX = List.of(MxPattern.of("mail.example.com"), MxPattern.of("*.example.net"));

  @Test
  void writesCanonicalTextWithCrlf() {
    MtaStsPolicy p = MtaStsPolicy.newBuilder().mode(Mode.ENFORCE).maxAge(604800).mx(MX)
        .putExtension("report", "mailto:tls@example.com").build();
    assertEquals("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\n"
        + "max_age: 604800\r\nreport: mailto:tls@example.com\r\n", p.toText());
    assertEquals(p.toText().replace("\r\n", "\n"), p.toText(LineEnding.LF));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n",
    "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n",
    "version: STSv1\r\nmode: testing\r\nmx: a.example\r\nmax_age: 0\r\nb: 1\r\na: x y\r\n",
  })
  void rewritesCanonicalFilesByteForByte(String canonical) {
    MtaStsPolicy p = MtaStsPolicy.parse(canonical);
    assertEquals(canonical, p.toText());
    assertEquals(p, MtaStsPolicy.parse(p.toText(LineEnding.LF)));
  }

  @Test
  void normalizesNonCanonicalFiles() {
    MtaStsPolicy p = MtaStsPolicy.parse("max_age:\t1\nmx:MX.Example.com \nmode:testing\nversion:STSv1");
    assertEquals("version: STSv1\r\nmode: testing\r\nmx: mx.example.com\r\nmax_age: 1\r\n", p.toText());
  }

  @Test
  void validatesConstruction() {
    assertThrows(IllegalArgumentException.class, () -> MtaStsPolicy.of(Mode.ENFORCE, 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> MtaStsPolicy.of(Mode.TESTING, 1, List.of()));
    assertEquals(List.of(), MtaStsPolicy.of(Mode.NONE, 86400, List.of()).mx());
    assertThrows(IllegalArgumentException.class, () -> MtaStsPolicy.of(Mode.NONE, -1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> MtaStsPolicy.of(Mode.NONE, 31557601, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MtaStsPolicy("STSv2", Mode.NONE, 1, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new MtaStsPolicy("STSv1", Mode.NONE, 1, List.of(),
        List.of(Extension.of("a", "1"), Extension.of("a", "2"))));
    assertThrows(NullPointerException.class, () -> MtaStsPolicy.of(Mode.NONE, 1, java.util.Arrays.asList((MxPattern) null)));
  }

  @Test
  void copiesLists() {
    java.util.ArrayList<MxPattern> mx = new java.util.ArrayList<>(MX);
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 1, mx);
    mx.clear();
    assertEquals(MX, p.mx());
    assertThrows(UnsupportedOperationException.class, () -> p.mx().clear());
  }

  @Test
  void builderValidatesEachPart() {
    MtaStsPolicy.Builder b = MtaStsPolicy.newBuilder();
    assertThrows(IllegalStateException.class, b::build);
    b.mode(Mode.TESTING);
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalArgumentException.class, () -> b.maxAge(31557601));
    assertThrows(IllegalArgumentException.class, () -> b.maxAge(Duration.ofDays(-1)));
    b.maxAge(Duration.ofDays(7));
    assertThrows(IllegalArgumentException.class, b::build);
    assertThrows(IllegalArgumentException.class, () -> b.addMx("bad_host"));
    assertThrows(IllegalArgumentException.class, () -> b.putExtension("mode", "enforce"));
    assertThrows(IllegalArgumentException.class, () -> b.putExtension("x", " padded"));
    b.addMx("mx.example").putExtension("x", "1").putExtension("y", "2").putExtension("x", "3");
    MtaStsPolicy p = b.build();
    assertEquals(604800, p.maxAge());
    assertEquals(Duration.ofDays(7), p.maxAgeDuration());
    assertEquals(List.of(Extension.of("x", "3"), Extension.of("y", "2")), p.extensions());
    assertEquals(p, p.toBuilder().build());
    assertEquals(List.of(), p.toBuilder().clearExtensions().build().extensions());
  }

  @Test
  void matchesAgainstEveryPattern() {
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 1, MX);
    assertTrue(p.matches("mail.example.com."));
    assertTrue(p.matches("mx2.EXAMPLE.net"));
    assertFalse(p.matches("example.net"));
    assertFalse(MtaStsPolicy.of(Mode.NONE, 1, List.of()).matches("mail.example.com"));
  }

  @Test
  void hasValueSemantics() {
    MtaStsPolicy a = MtaStsPolicy.of(Mode.ENFORCE, 1, MX);
    MtaStsPolicy b = MtaStsPolicy.parse(a.toText());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, MtaStsPolicy.of(Mode.TESTING, 1, MX));
    assertNotEquals(a, MtaStsPolicy.of(Mode.ENFORCE, 1, List.of(MX.get(1), MX.get(0))));
    assertTrue(a.toString().contains("*.example.net"));
  }

  @Test
  void modeTokensAreCaseSensitive() {
    assertEquals("testing", Mode.TESTING.wireName());
    assertEquals("enforce", Mode.ENFORCE.wireName());
    assertEquals("none", Mode.NONE.wireName());
    assertEquals(Optional.of(Mode.ENFORCE), Mode.fromWireName("enforce"));
    assertEquals(Optional.empty(), Mode.fromWireName("Enforce"));
    assertTrue(Mode.ENFORCE.requiresMx());
    assertFalse(Mode.NONE.requiresMx());
  }

  @Test
  void validatesExtensions() {
    Extension.of("a", "x");
    Extension.of("a".repeat(32), "x y");
    Extension.of("Mode", "not the field");
    Extension.of("n.a_m-e", "ünï ✓ \uD83D\uDE00");
    for (String[] bad : new String[][] {{"", "x"}, {"a".repeat(33), "x"}, {"_a", "x"}, {"a b", "x"},
        {"mx", "x"}, {"max_age", "1"}, {"a", ""}, {"a", "x "}, {"a", "x\ty"}, {"a", "x\ny"}, {"a", "\uD800"}}) {
      assertThrows(IllegalArgumentException.class, () -> Extension.of(bad[0], bad[1]), bad[0] + "=" + bad[1]);
    }
  }

  // RFC 8461 §4.1 through the per-policy index: the same answers at 50 patterns as at one.
  @Test
  void indexOfALargePolicyMatchesEveryPatternAndNothingElse() {
    List<MxPattern> mx = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      mx.add(MxPattern.of(i % 5 == 4 ? "*.pool" + i + ".example.net" : "mx" + i + ".example.com"));
    }
    mx.add(MxPattern.of("mx3.example.com")); // a repeat
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 604800, mx);
    for (int i = 0; i < 50; i++) {
      if (i % 5 == 4) {
        assertTrue(p.matches("relay.pool" + i + ".example.net"));
        assertTrue(p.matches("RELAY-2.Pool" + i + ".Example.NET."));
        assertFalse(p.matches("pool" + i + ".example.net"), "the wildcard needs one label");
        assertFalse(p.matches("a.b.pool" + i + ".example.net"), "and only one");
        assertFalse(p.matches("-a.pool" + i + ".example.net"), "an LDH label");
        assertFalse(p.matches("a_b.pool" + i + ".example.net"), "an LDH label");
      } else {
        assertTrue(p.matches("mx" + i + ".example.com"));
        assertTrue(p.matches("MX" + i + ".EXAMPLE.com."));
        assertFalse(p.matches("a.mx" + i + ".example.com"));
        assertFalse(p.matches("mx" + i + ".example.com.."));
      }
    }
    assertFalse(p.matches("mx4.example.com"));
    assertFalse(p.matches(""));
    assertFalse(p.matches("."));
    assertEquals(51, p.mx().size());
  }

  @Test
  void wildcardIndexRefusesHostsBeyondTheNameLimit() {
    String parent = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example";
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 1, List.of(MxPattern.of("*." + parent)));
    String atLimit = "a".repeat(253 - parent.length() - 1) + "." + parent;
    assertEquals(253, atLimit.length());
    assertTrue(p.matches(atLimit));
    assertFalse(p.matches("a" + atLimit), "254 characters is no host name");
    assertFalse(p.matches("a".repeat(64) + "." + parent), "a label of 64");
  }

  @Test
  void mxListIsImmutableAndEqualToAnyListOfTheSamePatterns() {
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 1, MX);
    assertEquals(MX, p.mx());
    assertEquals(MX.hashCode(), p.mx().hashCode());
    assertEquals(MX.toString(), p.mx().toString());
    assertThrows(UnsupportedOperationException.class, () -> p.mx().add(MxPattern.of("a.example")));
    assertThrows(UnsupportedOperationException.class, () -> p.mx().set(0, MxPattern.of("a.example")));
    assertThrows(IndexOutOfBoundsException.class, () -> p.mx().get(2));
    assertEquals(p, MtaStsPolicy.parse(p.toText()));
    assertEquals(p.mx(), MtaStsPolicy.parse(p.toText()).mx());
  }
}
