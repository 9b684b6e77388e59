package dev.mtasts.cli.internal;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Coverage-guided fuzzing (Jazzer) of the CLI's one escaping function, {@link TerminalText}. The
 * input's bytes are read as UTF-16 code units (big-endian pairs), so every {@code char} is
 * reachable: controls, bidi controls, backslashes, surrogate halves in any order.
 *
 * <p>The contract: the escaped text holds no unsafe character and no lone surrogate; escaping is
 * deterministic and reversible ({@link TerminalText#unescape} gives the input back, so two inputs
 * never look the same); the {@link TerminalText#guard guard} lets nothing unsafe through but line
 * ends and tabs, whatever the split of the text into writes. In {@code ./mvnw verify} the method runs
 * in regression mode over {@code src/test/resources/dev/mtasts/cli/internal/TerminalTextFuzzTestInputs/};
 * {@code fuzz/run 2m terminalText} fuzzes it.
 */
final class TerminalTextFuzzTest {
  @DictionaryEntries({"\\x00\\x1B", "\\x00\\x9B", "\\x00\\x5C", "\\x00\\x5C\\x00\\x75", "\\x00\\x0A",
      "\\x20\\x2E", "\\x20\\x66", "\\xD8\\x3D", "\\xDE\\x00", "\\x00\\x7F", "\\x06\\x1C"})
  @FuzzTest(maxDuration = "60s")
  void terminalText(byte[] input) {
    String text = utf16(input);
    String escaped = TerminalText.escape(text);
    check(escaped, false);
    if (!escaped.equals(TerminalText.escape(new String(text.toCharArray())))) {
      throw new AssertionError("escape is not deterministic for " + escaped);
    }
    if (!TerminalText.unescape(escaped).equals(text)) {
      throw new AssertionError("unescape(escape(x)) != x for " + escaped);
    }
    int split = input.length == 0 ? 0 : (input[0] & 0xff) % (text.length() + 1);
    String whole = guarded(text, text.length());
    String parts = guarded(text, split);
    if (!whole.equals(parts)) {
      throw new AssertionError("the guard depends on how the text is split: " + whole + " / " + parts);
    }
    check(whole, true);
  }

  private static String utf16(byte[] input) {
    char[] chars = new char[input.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((input[2 * i] & 0xff) << 8 | (input[2 * i + 1] & 0xff));
    }
    return new String(chars);
  }

  private static String guarded(String text, int split) {
    StringWriter out = new StringWriter();
    try (Writer guard = TerminalText.guard(out)) {
      guard.write(text, 0, split);
      guard.write(text, split, text.length() - split);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Fails on an unsafe character (line ends and tabs allowed in guarded output) or a lone surrogate. */
  private static void check(String s, boolean layoutAllowed) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean layout = c == '\n' || c == '\r' || c == '\t';
      if (TerminalText.isUnsafe(c) && !(layoutAllowed && layout)) {
        throw new AssertionError("unsafe character U+" + Integer.toHexString(c) + " at " + i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new AssertionError("lone surrogate at " + i);
      }
    }
  }
}
