package dev.mtasts.tlsrpt.internal;

import java.util.Locale;

/**
 * The comparison form of the names in reports (policy domains, MX hosts): trimmed, lower case,
 * without the root dot. Matching MX hosts against patterns is {@link dev.mtasts.policy.MxPattern}'s
 * alone (RFC 8461 §4.1).
 */
public final class MxPatterns {

  private MxPatterns() {}

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
