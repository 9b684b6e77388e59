package dev.mtasts.sender.internal;

import java.util.Locale;

/** Untrusted text made safe for the sender's messages. */
public final class Texts {
  private Texts() {}

  /**
   * Escapes text for a message: control and non-ASCII characters as {@code \\uXXXX}, at most 256
   * characters.
   *
   * @param text untrusted text
   * @return printable ASCII
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), 256) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (b.length() >= 256) {
        b.append("...");
        break;
      }
      char c = text.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }
}
