package dev.mtasts.policy.internal;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * MX host matching of RFC 8461 §4.1 on already validated, lower-case patterns.
 *
 * <p>The ASCII path compares regions in place (no allocation); only a host with non-ASCII
 * characters is converted to its A-label form with {@link IDN#toASCII(String, int)} first.
 *
 * <p>{@link IDN} implements IDNA2003 (RFC 3490), which maps the four IDNA2008 "deviation"
 * characters to other text: ß (U+00DF) and ẞ (U+1E9E) to {@code ss}, ς (U+03C2) to σ, and drops
 * ZERO WIDTH (NON-)JOINER (U+200C, U+200D). Under IDNA2008 (RFC 5891, the A-labels the DNS holds
 * today) those are distinct names: {@code straße.de} is {@code xn--strae-oqa.de}, not {@code
 * strasse.de}. The JDK has no IDNA2008 and the project takes no ICU dependency, so a name holding
 * one of them is refused rather than converted to the wrong name ({@link #idnaDeviation}).
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
   * Returns the index of the first character that IDNA2003 and IDNA2008 convert differently (ß,
   * ẞ, ς, ZWNJ, ZWJ), so that {@link IDN} would give another name than the one the DNS holds.
   *
   * @param host a host name
   * @return the index of the first such character, or {@code -1} if there is none
   */
  public static int idnaDeviation(String host) {
    for (int i = 0, n = host.length(); i < n; i++) {
      if (isIdnaDeviation(host.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether a character is one that IDNA2003 maps and IDNA2008 keeps (UTS #46
   * "deviation" characters, plus the capital sharp s whose UTS #46 mapping is ß).
   *
   * @param c a character
   * @return {@code true} for U+00DF, U+1E9E, U+03C2, U+200C and U+200D
   */
  public static boolean isIdnaDeviation(char c) {
    return c == '\u00DF' || c == '\u1E9E' || c == '\u03C2' || c == '\u200C' || c == '\u200D';
  }

  /**
   * Names a deviation character for a message.
   *
   * @param c a character for which {@link #isIdnaDeviation(char)} holds
   * @return for example {@code "ß (U+00DF)"}
   */
  public static String describeDeviation(char c) {
    switch (c) {
      case '\u200C':
        return "ZERO WIDTH NON-JOINER (U+200C)";
      case '\u200D':
        return "ZERO WIDTH JOINER (U+200D)";
      default:
        return c + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
    }
  }

  /**
   * Converts a host with non-ASCII characters to lower-case A-label form.
   *
   * @param host the host as given, possibly with a trailing dot
   * @return the A-label form, or {@code null} when IDNA refuses the name or when it holds a
   *     character IDNA2003 would map to a different name ({@link #idnaDeviation})
   */
  public static @Nullable String toAsciiHost(String host) {
    if (idnaDeviation(host) >= 0) {
      return null;
    }
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
   * root dot on the host ignored, {@code *.} covering exactly one whole leftmost label, which must
   * be an LDH label (RFC 5321 §4.1.2: letters, digits and hyphens, no hyphen at either end, 1 to 63
   * characters). An exact pattern is itself a valid name, so a host equal to it is one too.
   *
   * @param pattern a valid, lower-case pattern
   * @param host an ASCII host name
   * @return whether the pattern covers the host; {@code false} for a host that is not a name
   */
  public static boolean matchesAscii(String pattern, String host) {
    int hl = nameLength(host);
    return matchesPrepared(pattern, host, hl, wildcardLabelEnd(host, hl));
  }

  /**
   * Returns the length of an MX host without its trailing root dot, which is not part of the name.
   *
   * @param host an ASCII host name
   * @return the length to compare
   */
  public static int nameLength(String host) {
    int hl = host.length();
    return hl > 0 && host.charAt(hl - 1) == '.' ? hl - 1 : hl;
  }

  /**
   * Returns where the leftmost label of the host ends when a wildcard may cover it: the label must
   * be an LDH label of 1 to 63 characters (RFC 5321 §4.1.2) followed by a dot, in a name of at most
   * 253 characters. Computed once per host, so matching many wildcards checks the label once.
   *
   * @param host an ASCII host name
   * @param hl the host length from {@link #nameLength}
   * @return the index of the first dot, or {@code -1} if no wildcard can cover the host
   */
  public static int wildcardLabelEnd(String host, int hl) {
    if (hl > DomainSyntax.MAX_NAME) {
      return -1;
    }
    int end = host.indexOf('.');
    if (end <= 0 || end >= hl || end > DomainSyntax.MAX_LABEL || !isLdhLabel(host, 0, end)) {
      return -1;
    }
    return end;
  }

  /**
   * Matches like {@link #matchesAscii} with the host facts worked out beforehand: an exact pattern
   * compares the whole name, a wildcard {@code *.suffix} compares the suffix with the host after its
   * leftmost label. Only a length check and one region compare per pattern.
   *
   * @param pattern a valid, lower-case pattern
   * @param host an ASCII host name
   * @param hl the host length from {@link #nameLength}
   * @param labelEnd the value of {@link #wildcardLabelEnd} for the host
   * @return whether the pattern covers the host
   */
  public static boolean matchesPrepared(String pattern, String host, int hl, int labelEnd) {
    int pl = pattern.length();
    if (pattern.charAt(0) != '*') {
      return hl == pl && regionEquals(host, 0, pattern, 0, pl);
    }
    // "*.example.com" covers "<label>.example.com": the suffix starts at the host's first dot
    return labelEnd > 0 && hl - labelEnd == pl - 1 && regionEquals(host, labelEnd, pattern, 1, pl - 1);
  }

  /**
   * Returns whether {@code s[from, to)} is one LDH label: {@code Let-dig [Ldh-str]} of RFC 5321
   * §4.1.2, so letters, digits and inner hyphens only. The caller checks the length.
   */
  private static boolean isLdhLabel(String s, int from, int to) {
    if (s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      char lower = (char) (c | 0x20);
      if (!(c >= '0' && c <= '9') && !(lower >= 'a' && lower <= 'z') && c != '-') {
        return false;
      }
    }
    return true;
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
