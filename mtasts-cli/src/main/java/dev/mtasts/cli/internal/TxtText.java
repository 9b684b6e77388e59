package dev.mtasts.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a TXT value as people paste it: plain ({@code v=STSv1; id=1;}) or in the presentation
 * format that {@code dig} and zone files use, one or more quoted character-strings
 * ({@code "v=STSv1; " "id=1;"}), which DNS joins without separators (RFC 8461 §3.1).
 */
public final class TxtText {
  private TxtText() {}

  /**
   * Returns the record text: the quoted strings joined when the input is entirely quoted strings,
   * otherwise the input with one trailing line end removed.
   *
   * @param input the value as given
   * @return the record text
   */
  public static String unwrap(String input) {
    String text = stripLineEnd(input);
    return joinQuoted(text).orElse(text);
  }

  private static String stripLineEnd(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("\n") || s.endsWith("\r")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Joins {@code "a" "b"}; empty when the text is not made only of quoted strings. */
  static Optional<String> joinQuoted(String text) {
    String t = text.strip();
    if (!t.startsWith("\"")) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c != '"') {
        return Optional.empty();
      }
      i++;
      boolean closed = false;
      while (i < t.length()) {
        char d = t.charAt(i);
        if (d == '"') {
          closed = true;
          i++;
          break;
        }
        if (d == '\\' && i + 1 < t.length()) {
          // RFC 1035 §5.1: \DDD is a byte in decimal, \X is X itself.
          if (i + 3 < t.length() && isDigits(t, i + 1, i + 4)) {
            int value = Integer.parseInt(t.substring(i + 1, i + 4));
            if (value > 255) {
              return Optional.empty();
            }
            out.write(value);
            i += 4;
          } else {
            out.write(t.charAt(i + 1));
            i += 2;
          }
          continue;
        }
        byte[] bytes = String.valueOf(d).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i++;
      }
      if (!closed) {
        return Optional.empty();
      }
    }
    return Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
