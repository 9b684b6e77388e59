package dev.mtasts.policy.internal;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * MX host matching of RFC 8461 §4.1 on already validated, lower-case patterns.
 *
 * <p>The ASCII path compares regions in place (no allocation); only a host with non-ASCII
 * characters is converted to its A-label form with {@link IDN#toASCII(String, int)} first.
 */
public final class Hosts {
  private Hosts() {}

  /**
   * Returns whether the host contains only ASCII characters.
   *
   * @param host the host
   * @return {@code true} when every character is below U+0080
   */
  public static boolean isAscii(String host) {
    for (int i = 0, n = host.length(); i < n; i++) {
      if (host.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Converts a host with non-ASCII characters to lower-case A-label form.
   *
   * @param host the host as given, possibly with a trailing dot
   * @return the A-label form, or {@code null} when IDNA refuses the name
   */
  public static @Nullable String toAsciiHost(String host) {
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      // IDNA rejects the name with IllegalArgumentException (bad label, too long...); a few
      // malformed inputs (unpaired surrogates) have made JDK versions throw other unchecked
      // exceptions. Either way the name is unusable and matches no pattern.
      return null;
    }
  }

  /**
   * Matches an ASCII host against a pattern (RFC 8461 §4.1): ASCII case-insensitive, a trailing
   * root dot on the host ignored, {@code *.} covering exactly one whole leftmost label.
   *
   * @param pattern a valid, lower-case pattern
   * @param host an ASCII host name
   * @return whether the pattern covers the host
   */
  public static boolean matchesAscii(String pattern, String host) {
    int hl = host.length();
    if (hl > 0 && host.charAt(hl - 1) == '.') {
      hl--; // the root dot of an MX RR target is not part of the name
    }
    int pl = pattern.length();
    if (pattern.charAt(0) != '*') {
      return hl == pl && regionEquals(host, 0, pattern, 0, pl);
    }
    // "*.example.com": the host must be "<one label>.example.com"
    int suffixLen = pl - 1; // ".example.com"
    int labelLen = hl - suffixLen;
    if (labelLen <= 0) {
      return false;
    }
    for (int i = 0; i < labelLen; i++) {
      if (host.charAt(i) == '.') {
        return false; // the leftmost part is more than one label (or an empty one)
      }
    }
    return regionEquals(host, labelLen, pattern, 1, suffixLen);
  }

  private static boolean regionEquals(String host, int hostFrom, String lowerPattern, int patternFrom, int len) {
    for (int i = 0; i < len; i++) {
      char c = host.charAt(hostFrom + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
      }
      if (c != lowerPattern.charAt(patternFrom + i)) {
        return false;
      }
    }
    return true;
  }
}
