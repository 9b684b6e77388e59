package dev.mtasts.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The one escaping function for untrusted text that the CLI prints as text: report values
 * (policy domains, result types, MX hosts, IP addresses), TXT text from DNS, record and policy text,
 * file names and the reasons quoted from them.
 *
 * <p>A terminal acts on control characters: {@code ESC ] 0 ; title BEL} retitles the window, {@code
 * ESC [ 31 m} (or the one-character C1 CSI U+009B) recolours what follows, a carriage return
 * overwrites the line, and the bidirectional overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069, ...) reorder what is shown, so that {@code moc.elpmaxe} reads as {@code
 * example.com}. {@link #isUnsafe(char)} names every such character: C0 (U+0000..U+001F), DEL
 * (U+007F), C1 (U+0080..U+009F), the Unicode Bidi_Control characters (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069), the line and paragraph separators U+2028 and U+2029, and
 * surrogates that are not part of a pair. {@link #escape(CharSequence)} shows each of them visibly
 * as {@code \}{@code uXXXX} (four upper-case hex digits) and a backslash as two, so the escaped text
 * holds no unsafe character, and {@link #unescape(CharSequence)} gives back the original: the
 * escaping is reversible, hence injective (two different values never look the same).
 *
 * <p>{@link #guard(Writer)} is the safety net under it: the writer of standard output and standard
 * error passes line ends and tabs (text and JSON layout) and shows every other unsafe character the
 * same way, without doubling backslashes, so JSON stays valid ({@code \}{@code u009B} inside a JSON
 * string is the JSON escape of the same character) and a value that some code path prints without
 * {@link #escape} still cannot drive the terminal. {@code --json} output is escaped by Jackson and
 * needs nothing else.
 */
public final class TerminalText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private TerminalText() {}

  /**
   * Returns whether a character must not reach a terminal as it is.
   *
   * @param c the character (a UTF-16 unit; surrogates are judged by {@link #escape} in context)
   * @return whether it is a C0 or C1 control, DEL, a bidi control or a line or paragraph separator
   */
  public static boolean isUnsafe(char c) {
    if (c < 0x20 || c == 0x7F) {
      return true;
    }
    if (c >= 0x80 && c <= 0x9F) {
      return true;
    }
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }

  /**
   * Returns the text with every unsafe character shown as {@code \}{@code uXXXX} and every
   * backslash doubled: ESC becomes {@code \}{@code u001B}, BEL {@code \}{@code u0007}, a backslash
   * {@code \\}. Line ends are escaped too, so one value stays on one line. Text without unsafe
   * characters or backslashes is returned as it is.
   *
   * @param text untrusted text
   * @return the text safe to print
   */
  public static String escape(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text, i)) {
      i++;
    }
    if (i == n) {
      return text.toString();
    }
    StringBuilder b = new StringBuilder(n + 16);
    b.append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        b.append(c).append(text.charAt(++i));
      } else if (isUnsafe(c) || Character.isSurrogate(c)) {
        appendEscape(b, c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean needsEscape(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c == '\\' || isUnsafe(c)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /**
   * Returns the text that {@link #escape} turned into {@code escaped}.
   *
   * @param escaped the output of {@link #escape}
   * @return the original text
   * @throws IllegalArgumentException when {@code escaped} is not something {@link #escape} returns
   *     (a lone backslash, a malformed {@code \}{@code u} sequence, an escape of a safe character,
   *     or an unsafe character as it is)
   */
  public static String unescape(CharSequence escaped) {
    Objects.requireNonNull(escaped, "escaped");
    StringBuilder b = new StringBuilder(escaped.length());
    int n = escaped.length();
    for (int i = 0; i < n; i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        if (isUnsafe(c)) {
          throw new IllegalArgumentException("unescaped control character at index " + i);
        }
        b.append(c);
        continue;
      }
      if (i + 1 < n && escaped.charAt(i + 1) == '\\') {
        b.append('\\');
        i++;
        continue;
      }
      if (i + 5 >= n) {
        throw new IllegalArgumentException("truncated escape at index " + i);
      }
      if (escaped.charAt(i + 1) != 'u') {
        throw new IllegalArgumentException("unknown escape at index " + i);
      }
      int value = 0;
      for (int k = i + 2; k < i + 6; k++) {
        int digit = Character.digit(escaped.charAt(k), 16);
        if (digit < 0) {
          throw new IllegalArgumentException("malformed escape at index " + i);
        }
        value = value * 16 + digit;
      }
      char decoded = (char) value;
      if (!isUnsafe(decoded) && !Character.isSurrogate(decoded)) {
        throw new IllegalArgumentException("escape of a safe character at index " + i);
      }
      b.append(decoded);
      i += 5;
    }
    String s = b.toString();
    if (!escape(s).contentEquals(escaped)) {
      throw new IllegalArgumentException("not the escaped form of any text");
    }
    return s;
  }

  /**
   * Returns a writer that passes {@code \n}, {@code \r} and {@code \t} and shows every other unsafe
   * character (and every lone surrogate) as {@code \}{@code uXXXX}, without doubling backslashes.
   *
   * @param out the writer of a standard stream
   * @return the guarded writer; closing it closes {@code out}
   */
  public static Writer guard(Writer out) {
    return new Guard(Objects.requireNonNull(out, "out"));
  }

  static void appendEscape(StringBuilder b, char c) {
    b.append('\\').append('u')
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /** The safety net of the standard streams. */
  private static final class Guard extends Writer {
    private final Writer out;
    private final StringBuilder buffer = new StringBuilder();
    /** A high surrogate at the end of the last write, waiting for its low half. */
    private char pendingHigh;

    Guard(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, cbuf.length);
      buffer.setLength(0);
      for (int i = off; i < off + len; i++) {
        char c = cbuf[i];
        if (pendingHigh != 0) {
          char high = pendingHigh;
          pendingHigh = 0;
          if (Character.isLowSurrogate(c)) {
            buffer.append(high).append(c);
            continue;
          }
          appendEscape(buffer, high);
        }
        if (Character.isHighSurrogate(c)) {
          pendingHigh = c;
        } else if (Character.isLowSurrogate(c) || (isUnsafe(c) && c != '\n' && c != '\r' && c != '\t')) {
          appendEscape(buffer, c);
        } else {
          buffer.append(c);
        }
      }
      out.append(buffer);
    }

    /** Flushes, showing a high surrogate still waiting for its low half as escaped. */
    @Override
    public void flush() throws IOException {
      releasePending();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      releasePending();
      out.close();
    }

    private void releasePending() throws IOException {
      if (pendingHigh != 0) {
        StringBuilder b = new StringBuilder(6);
        appendEscape(b, pendingHigh);
        pendingHigh = 0;
        out.append(b);
      }
    }
  }
}
