package dev.mtasts.tlsrpt.internal;

import java.util.Locale;

/** MX pattern matching as RFC 8461 §4.1 defines it, for triage. */
public final class MxPatterns {

  private MxPatterns() {}

  /**
   * Tells whether a host matches an MX pattern: equal ignoring case and a trailing dot, or, for a
   * {@code *.} pattern, exactly one more label in front (RFC 8461 §4.1).
   *
   * @param pattern the pattern, for example {@code *.mail.example.com}
   * @param host the host name
   * @return {@code true} on a match
   */
  public static boolean matches(String pattern, String host) {
    String p = normalize(pattern);
    String h = normalize(host);
    if (p.startsWith("*.")) {
      String suffix = p.substring(1);
      if (!h.endsWith(suffix)) {
        return false;
      }
      String label = h.substring(0, h.length() - suffix.length());
      return !label.isEmpty() && label.indexOf('.') < 0;
    }
    return p.equals(h);
  }

  /**
   * Lower-cases a host name and strips one trailing dot.
   *
   * @param name the name
   * @return the normalized name
   */
  public static String normalize(String name) {
    // Fast path for the usual, already normal name: no copy, no locale machinery.
    int len = name.length();
    boolean plain = len > 0 && name.charAt(len - 1) != '.' && name.charAt(0) > ' ' && name.charAt(len - 1) > ' ';
    for (int i = 0; plain && i < len; i++) {
      char c = name.charAt(i);
      plain = c < 0x80 && (c < 'A' || c > 'Z');
    }
    if (plain) {
      return name;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
