package dev.mtasts.testkit.internal;

import java.util.List;
import java.util.Locale;

/**
 * The simplest reading of RFC 8461 §4.1 MX matching, kept independent of the library so the two
 * can be compared: ASCII case-insensitive, one trailing root dot on the host ignored, and a
 * {@code *.} pattern covering exactly one whole leftmost label.
 */
public final class ReferenceMatcher {
  private ReferenceMatcher() {}

  /**
   * Returns whether the pattern covers the MX host.
   *
   * @param pattern an {@code mx} value such as {@code *.example.com}
   * @param mxHost an MX host name, possibly with a trailing dot
   * @return whether RFC 8461 §4.1 says the host matches
   */
  public static boolean matches(String pattern, String mxHost) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = mxHost.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int dot = h.indexOf('.');
    // The wildcard stands for one non-empty label: the host minus its first label equals the rest.
    return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
  }

  /**
   * Returns whether any of the patterns covers the MX host.
   *
   * @param patterns the {@code mx} values of a policy
   * @param mxHost an MX host name
   * @return whether at least one pattern matches
   */
  public static boolean matchesAny(List<String> patterns, String mxHost) {
    for (String p : patterns) {
      if (matches(p, mxHost)) {
        return true;
      }
    }
    return false;
  }
}
