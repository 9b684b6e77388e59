package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TerminalTextTest {
  /** The window-title and colour injection of issue 13 item 10. */
  static final String TITLE_INJECTION = "ex\u001b]0;pwned\u0007\u001b[31m.com";

  @Test
  void showsTheTitleInjectionVisibly() {
    assertEquals("ex\\u001B]0;pwned\\u0007\\u001B[31m.com", TerminalText.escape(TITLE_INJECTION));
  }

  @ParameterizedTest
  @CsvSource({
    "0, \\u0000", "7, \\u0007", "9, \\u0009", "10, \\u000A", "13, \\u000D", "27, \\u001B",
    "127, \\u007F", "128, \\u0080", "133, \\u0085", "155, \\u009B", "159, \\u009F",
    "1564, \\u061C", "8206, \\u200E", "8207, \\u200F", "8232, \\u2028", "8233, \\u2029",
    "8234, \\u202A", "8238, \\u202E", "8294, \\u2066", "8297, \\u2069",
  })
  void showsEveryControlAsItsCodePoint(int codePoint, String shown) {
    char c = (char) codePoint;
    assertTrue(TerminalText.isUnsafe(c));
    assertEquals("a" + shown + "b", TerminalText.escape("a" + c + "b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "mx1.example.net", "2001:db8::1", "bücher.example", "日本語",
      "emoji \uD83D\uDE00 pair", "\u00A0no-break", "\u00A1", "~"})
  void leavesSafeTextAsItIs(String text) {
    assertSame(text, TerminalText.escape(text));
  }

  @Test
  void doublesBackslashesSoThatEscapedTextIsNeverAmbiguous() {
    // The six characters \u001B and the one character ESC must not look the same.
    assertEquals("\\\\u001B", TerminalText.escape("\\u001B"));
    assertEquals("\\u001B", TerminalText.escape("\u001b"));
  }

  @Test
  void showsLoneSurrogatesAndKeepsPairs() {
    assertEquals("\\uD800x", TerminalText.escape("\uD800x"));
    assertEquals("x\\uDC00", TerminalText.escape("x\uDC00"));
    assertEquals("\\uDC00\\uD800", TerminalText.escape("\uDC00\uD800"));
    assertEquals("\uD83D\uDE00", TerminalText.escape("\uD83D\uDE00"));
  }

  @Property(tries = 2000)
  void escapedTextHasNoUnsafeCharacterAndUnescapesToTheOriginal(@ForAll("anyText") String text) {
    String escaped = TerminalText.escape(text);
    assertNoUnsafeCharacter(escaped);
    assertEquals(text, TerminalText.unescape(escaped));
    assertEquals(escaped, TerminalText.escape(text), "deterministic");
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<Character> interesting = Arbitraries.of('\u001b', '\u0007', '\u009b', '\u007f', '\\', 'u',
        '0', 'B', '\u202e', '\u2066', '\u2028', '\uD800', '\uDC00', '\n', '\r', '\t', 'a');
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
        interesting.list().ofMaxSize(20).map(TerminalTextTest::join));
  }

  private static String join(java.util.List<Character> chars) {
    StringBuilder b = new StringBuilder();
    chars.forEach(b::append);
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\", "a\\x", "\\u00", "\\u004G", "\\u0041", "\u001b", "\\uD83D\\uDE00"})
  void unescapeRefusesWhatEscapeNeverWrites(String notEscaped) {
    assertThrows(IllegalArgumentException.class, () -> TerminalText.unescape(notEscaped));
  }

  @Test
  void theGuardPassesLineEndsAndTabsAndShowsEveryOtherControl() throws IOException {
    StringWriter out = new StringWriter();
    try (Writer guard = TerminalText.guard(out)) {
      guard.write("a\tb\r\nc\n" + TITLE_INJECTION + " \u009b2J \u202emoc.live \\ \"q\"");
    }
    assertEquals("a\tb\r\nc\nex\\u001B]0;pwned\\u0007\\u001B[31m.com \\u009B2J \\u202Emoc.live \\ \"q\"",
        out.toString());
  }

  @Test
  void theGuardKeepsASurrogatePairSplitAcrossWrites() throws IOException {
    StringWriter out = new StringWriter();
    Writer guard = TerminalText.guard(out);
    guard.write("x\uD83D");
    guard.write("\uDE00y");
    guard.write("\uD800");
    guard.flush();
    assertEquals("x\uD83D\uDE00y\\uD800", out.toString());
  }

  @Property(tries = 1000)
  void theGuardedStreamNeverCarriesAControlButLineEndsAndTabs(@ForAll("anyText") String text)
      throws IOException {
    StringWriter out = new StringWriter();
    try (Writer guard = TerminalText.guard(out)) {
      guard.write(text);
    }
    String s = out.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      assertFalse(TerminalText.isUnsafe(c) && c != '\n' && c != '\r' && c != '\t', () -> "at " + s);
    }
  }

  static void assertNoUnsafeCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      assertFalse(TerminalText.isUnsafe(c), () -> "unsafe character in " + s);
      if (Character.isHighSurrogate(c)) {
        assertTrue(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)), s);
        i++;
      } else {
        assertFalse(Character.isLowSurrogate(c), s);
      }
    }
  }
}
