package dev.mtasts.tlsrpt.mail.internal;

/** Makes untrusted mail text safe to put into a message: control characters escaped, length capped. */
public final class Printable {

  private static final int MAX = 200;

  private Printable() {}

  /**
   * Returns the text with control characters as {@code \}{@code uXXXX} escapes, cut at 200
   * characters.
   *
   * @param text untrusted text
   * @return the escaped text
   */
  public static String of(String text) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (sb.length() >= MAX) {
        return sb.append("...").toString();
      }
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
          || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
