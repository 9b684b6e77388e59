package dev.mtasts.dns.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns TXT character-strings into record text. */
public final class TxtTexts {
  private TxtTexts() {}

  /**
   * Joins a TXT record's character-strings without separators (RFC 8461 §3.1, RFC 7208 §3.3).
   * Bytes are mapped one to one to characters (ISO-8859-1) so that columns match bytes and the
   * parsers can point at any byte outside US-ASCII.
   *
   * @param strings the character-strings
   * @return the text
   */
  public static String join(List<byte[]> strings) {
    StringBuilder sb = new StringBuilder();
    for (byte[] s : strings) {
      sb.append(new String(s, StandardCharsets.ISO_8859_1));
    }
    return sb.toString();
  }

  /**
   * Tells whether a text begins with {@code v=<version>}, then one or more WSP, then {@code ;}.
   *
   * @param text the record text
   * @param version the version tag
   * @return whether it does
   */
  public static boolean startsWithSpacedVersion(String text, String version) {
    String tag = "v=" + version;
    if (!text.startsWith(tag)) {
      return false;
    }
    int i = tag.length();
    int wsStart = i;
    while (i < text.length() && RecordGrammar.isWsp(text.charAt(i))) {
      i++;
    }
    return i > wsStart && i < text.length() && text.charAt(i) == ';';
  }
}
