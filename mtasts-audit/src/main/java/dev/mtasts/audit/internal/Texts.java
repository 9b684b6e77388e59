package dev.mtasts.audit.internal;

import java.util.Locale;

/** Untrusted text as the audit quotes it in messages and evidence: bounded and printable. */
public final class Texts {
  private static final int MAX = 200;

  private Texts() {}

  /**
   * Returns text with control and non-ASCII characters as {@code \\uXXXX}, at most 200 characters.
   *
   * @param text untrusted text
   * @return printable ASCII
   */
  public static String quote(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (b.length() >= MAX) {
        b.append("...");
        break;
      }
      char c = text.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (c == '"') {
        b.append("\\\"");
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }
}
