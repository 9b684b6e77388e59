package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/** Textual IP address checks for report fields (RFC 8460 §4.4); no DNS, no allocation of InetAddress. */
public final class IpAddresses {

  private IpAddresses() {}

  /**
   * Parses an IPv4 (dec-octet form, no leading zeros) or IPv6 (RFC 4291 text form) address.
   *
   * @param text the text
   * @return the 4 or 16 address bytes, or {@code null} when the text is not an address
   */
  public static byte @Nullable [] parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    return parseV4(text, 0, text.length());
  }

  /**
   * Returns the sending network an address belongs to, for counting distinct networks: the IPv4
   * /24 or the IPv6 /48 prefix in hex; any text that is not an address is its own network.
   *
   * @param text the address text ({@code ""} when not reported)
   * @return a key equal for two addresses of the same network
   */
  public static String network(String text) {
    byte[] b = parse(text);
    if (b == null) {
      return "?" + text;
    }
    int keep = b.length == 4 ? 3 : 6;
    StringBuilder key = new StringBuilder(b.length == 4 ? "4:" : "6:");
    for (int i = 0; i < keep; i++) {
      key.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    return key.toString();
  }

  /**
   * Tells whether the text is an IPv4 or IPv6 address.
   *
   * @param text the text
   * @return {@code true} for an address
   */
  public static boolean isValid(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text) != null;
    }
    // Allocation-free check of the common IPv4 case (it runs for every failure detail).
    int n = text.length();
    int parts = 0;
    int i = 0;
    while (i < n) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 3 || value > 255 || (len > 1 && text.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '.' || parts == 4) {
        return false;
      }
      i++;
      if (i == n) {
        return false;
      }
    }
    return parts == 4;
  }

  /**
   * Tells whether the text is an address a legitimate Internet sender could use: valid, and not
   * private, loopback, link-local, unspecified or unique-local.
   *
   * @param text the text
   * @return {@code true} for a public-looking address
   */
  public static boolean looksPublic(String text) {
    byte[] a = parse(text);
    if (a == null) {
      return false;
    }
    if (a.length == 4) {
      int b0 = a[0] & 0xff;
      int b1 = a[1] & 0xff;
      return !(b0 == 0
          || b0 == 10
          || b0 == 127
          || (b0 == 169 && b1 == 254)
          || (b0 == 172 && b1 >= 16 && b1 <= 31)
          || (b0 == 192 && b1 == 168)
          || (b0 == 100 && b1 >= 64 && b1 <= 127));
    }
    boolean allZeroButLast = true;
    for (int i = 0; i < 15; i++) {
      if (a[i] != 0) {
        allZeroButLast = false;
        break;
      }
    }
    if (allZeroButLast && (a[15] == 0 || a[15] == 1)) {
      return false; // :: and ::1
    }
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if ((b0 & 0xfe) == 0xfc) {
      return false; // fc00::/7 unique local
    }
    return !(b0 == 0xfe && (b1 & 0xc0) == 0x80); // fe80::/10 link-local
  }

  private static byte @Nullable [] parseV4(String s, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return null;
        }
      }
      int len = i - start;
      // RFC 8460 §4.4 dec-octet: no leading zeros, at most 255.
      if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
        return null;
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? out : null;
  }

  private static byte @Nullable [] parseV6(String s) {
    int n = s.length();
    if (n < 2 || n > 45) {
      return null;
    }
    byte[] out = new byte[16];
    int groups = 0;
    int doubleColonAt = -1;
    int i = 0;
    if (s.startsWith("::")) {
      doubleColonAt = 0;
      i = 2;
      if (i == n) {
        return out;
      }
    } else if (s.charAt(0) == ':') {
      return null;
    }
    while (i < n) {
      if (groups >= 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = (value << 4) | Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // Embedded IPv4 in the last 32 bits.
        if (groups > 6) {
          return null;
        }
        byte[] v4 = parseV4(s, start, n);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, groups * 2, 4);
        groups += 2;
        i = n;
        break;
      }
      if (i == start) {
        return null;
      }
      out[groups * 2] = (byte) (value >>> 8);
      out[groups * 2 + 1] = (byte) value;
      groups++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (doubleColonAt >= 0) {
          return null;
        }
        doubleColonAt = groups;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return null;
      }
    }
    if (doubleColonAt < 0) {
      return groups == 8 ? out : null;
    }
    if (groups == 8) {
      return null;
    }
    int tail = groups - doubleColonAt;
    byte[] result = new byte[16];
    System.arraycopy(out, 0, result, 0, doubleColonAt * 2);
    System.arraycopy(out, doubleColonAt * 2, result, 16 - tail * 2, tail * 2);
    return result;
  }
}
