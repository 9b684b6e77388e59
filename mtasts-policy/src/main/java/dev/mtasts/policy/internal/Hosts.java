package dev.mtasts.policy.internal;

/**
 * MX host matching of RFC 8461 §4.1 on already validated, lower-case patterns.
 *
 * <p>The ASCII path compares regions in place (no allocation); a host with non-ASCII characters
 * is converted to its A-label form first ({@link DomainNameSyntax#toAsciiHost}, which refuses the
 * IDNA2003 deviation characters). The label rules are {@link DomainNameSyntax}'s.
 */
public final class Hosts {
  private Hosts() {}

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
    if (hl > DomainNameSyntax.MAX_NAME) {
      return -1;
    }
    // One pass to the first dot, which must come within 64 characters and before the name's end.
    for (int i = 0, n = Math.min(hl, DomainNameSyntax.MAX_LABEL + 1); i < n; i++) {
      char c = host.charAt(i);
      if (c == '.') {
        return i > 0 && host.charAt(0) != '-' && host.charAt(i - 1) != '-' ? i : -1;
      }
      if (!isLdhChar(c)) {
        return -1;
      }
    }
    return -1;
  }

  // Letters, digits and '-' as bits: characters 0-63 in the first word, 64-127 in the second.
  private static final long LDH_LOW = (1L << '-') | (0x3ffL << '0');
  private static final long LDH_HIGH = (0x3ffffffL << ('A' - 64)) | (0x3ffffffL << ('a' - 64));

  private static boolean isLdhChar(char c) {
    return c < 64 ? ((LDH_LOW >>> c) & 1) != 0 : c < 128 && ((LDH_HIGH >>> (c - 64)) & 1) != 0;
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
