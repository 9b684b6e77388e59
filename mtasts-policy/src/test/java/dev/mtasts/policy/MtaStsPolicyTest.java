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
    assertEquals("testing", Mode.TESTING.token());
    assertEquals("enforce", Mode.ENFORCE.token());
    assertEquals("none", Mode.NONE.token());
    assertEquals(Optional.of(Mode.ENFORCE), Mode.fromToken("enforce"));
    assertEquals(Optional.empty(), Mode.fromToken("Enforce"));
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
}
