package dev.mtasts.report.html.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class HtmlTextTest {
  @Test
  void escapesTheFiveCharactersThatEndTextOrAnAttribute() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlText.escape("<script>alert(1)</script>"));
    assertEquals("&quot;&gt;&lt;img src=x onerror=&#39;1&#39;&gt; &amp;amp;",
        HtmlText.escape("\"><img src=x onerror='1'> &amp;"));
    String plain = "mx1.example.com";
    assertTrue(plain == HtmlText.escape(plain), "no copy when nothing to escape");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\u202Egro.elpmaxe | <U+202E>gro.elpmaxe",
      "a\u2066b\u2069c | a<U+2066>b<U+2069>c",
      "zero\u200Bwidth | zero<U+200B>width",
      "bell\u0007x | bell<U+0007>x",
      "nbsp\u00A0x | nbsp<U+00A0>x",
      "line\u2028x | line<U+2028>x",
      "private\uE000 | private<U+E000>",
      "ünïcödé ok | ünïcödé ok",
      "日本語 | 日本語"})
  void makesInvisibleAndDirectionCharactersVisible(String in, String shown) {
    assertEquals(shown, HtmlText.display(in, 100));
  }

  @Test
  void showsNewlinesAndTabsAsCodePoints() {
    assertEquals("a<U+000A>b<U+0009>c", HtmlText.display("a\nb\tc", 100));
  }

  @Test
  void showsAnUnpairedSurrogate() {
    assertEquals("x<U+D800>y", HtmlText.display("x\uD800y", 100));
    assertEquals("\uD83D\uDE00", HtmlText.display("\uD83D\uDE00", 100), "a pair is one character");
  }

  @Test
  void cutsLongTextAndSaysHowMuchWasLeftOut() {
    String huge = "A".repeat(1_000_000);
    String shown = HtmlText.display(huge, 256);
    assertEquals("A".repeat(256) + "\u2026 (999,744 more characters)", shown);
    assertEquals("ab\u2026 (1 more character)", HtmlText.display("abc", 2));
    assertEquals("abc", HtmlText.display("abc", 3));
    assertThrows(IllegalArgumentException.class, () -> HtmlText.display("abc", 0));
  }

  @Test
  void breakableAddsBreakOpportunitiesOnlyInLongRuns() {
    assertEquals("mx1.example.com", HtmlText.breakable("mx1.example.com", 100));
    String run = "x".repeat(30);
    assertEquals("x".repeat(24) + "<wbr>" + "x".repeat(6), HtmlText.breakable(run, 100));
    assertEquals("short words only here and there", HtmlText.breakable("short words only here and there", 100));
    assertEquals("&lt;".repeat(24) + "<wbr>&lt;", HtmlText.breakable("<".repeat(25), 100),
        "a break never splits an entity");
  }

  @Property(tries = 500)
  void safeTextNeverContainsMarkupOrInvisibleCharacters(@ForAll String s) {
    String out = HtmlText.safe(s, 64);
    assertFalse(out.contains("<") || out.contains(">") || out.contains("\"") || out.contains("'"), out);
    out.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      assertFalse(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE,
          "invisible U+" + Integer.toHexString(cp));
    });
  }

  @Property(tries = 300)
  void breakableIsSafeTooAndOnlyAddsWbr(@ForAll String s) {
    String out = HtmlText.breakable(s, 64);
    assertEquals(HtmlText.safe(s, 64), out.replace("<wbr>", ""));
  }
}
