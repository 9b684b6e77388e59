package dev.mtasts.dns.internal;

import java.net.IDN;
import java.util.Locale;

/** Domain names as the lookups and zone files need them: A-labels, lower case, no root dot. */
public final class DomainNames {
  private DomainNames() {}

  /**
   * Converts a domain (U-labels allowed) to lower-case A-labels without the trailing dot.
   *
   * @param domain the domain, for example {@code bücher.example} or {@code Example.COM.}
   * @return the ASCII form, for example {@code xn--bcher-kva.example}
   * @throws IllegalArgumentException if the domain is empty or not a valid domain name
   */
  public static String toAscii(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (d.isEmpty()) {
      throw new IllegalArgumentException("the domain is empty");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + domain + "\" is not a valid domain name: " + e.getMessage(), e);
    }
    if (ascii.length() > 253) {
      throw new IllegalArgumentException("\"" + domain + "\" is longer than 253 characters");
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        throw new IllegalArgumentException(
            "\"" + domain + "\" is not a valid domain name: labels must be 1 to 63 characters");
      }
    }
    return ascii;
  }
}
