package dev.mtasts.sender.internal;

import dev.mtasts.policy.MxPattern;
import java.net.IDN;
import java.util.Locale;

/** Policy domains as the fetcher needs them: lower-case A-labels without the root dot. */
public final class DomainNames {
  private DomainNames() {}

  /**
   * Converts a Policy Domain to lower-case A-labels without the trailing dot, validated by the
   * SDK's one host-name model ({@link MxPattern}).
   *
   * @param domain the domain, U-labels allowed
   * @return the ASCII form
   * @throws IllegalArgumentException if it is not a domain name, or holds a character IDNA2003
   *     converts to another name than IDNA2008 does (ß, ẞ, ς, ZWJ, ZWNJ: pass the A-label)
   */
  public static String toAscii(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c == '\u00df' || c == '\u1e9e' || c == '\u03c2' || c == '\u200c' || c == '\u200d') {
        throw new IllegalArgumentException("domain \"" + escape(domain) + "\" holds U+"
            + String.format(Locale.ROOT, "%04X", (int) c)
            + ", which IDNA2003 converts to another name than the DNS holds; pass its A-label");
      }
    }
    String ascii;
    try {
      ascii = IDN.toASCII(d, 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "\"" + escape(domain) + "\" is not a valid domain name: " + e.getMessage(), e);
    }
    if (ascii.indexOf('*') >= 0) {
      throw new IllegalArgumentException("\"" + escape(domain) + "\" is not a domain name");
    }
    return MxPattern.of(ascii).pattern();
  }

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
