package dev.mtasts.tlsrpt.internal;

import java.net.IDN;

/**
 * Checks that a domain is an ASCII DNS name, as RFC 8460 wants for {@code policy-domain} (§4.4)
 * and for the parts of a report file name (§5.1): IDNs as A-labels, never U-labels.
 */
public final class AsciiDomains {

  private AsciiDomains() {}

  /**
   * Checks a domain: labels of 1 to 63 ASCII letters, digits, {@code -} or {@code _}, separated by
   * single dots, at most 253 characters, no leading or trailing dot.
   *
   * @param what the name of the value, for the message
   * @param domain the domain
   * @throws IllegalArgumentException when it is not such a name; for a name with non-ASCII
   *     characters the message says how to convert it to A-labels
   */
  public static void check(String what, String domain) {
    if (domain.isEmpty() || domain.length() > 253) {
      throw new IllegalArgumentException(
          what + " \"" + domain + "\" must be 1 to 253 characters long");
    }
    int labelStart = 0;
    for (int i = 0; i <= domain.length(); i++) {
      char c = i == domain.length() ? '.' : domain.charAt(i);
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63) {
          throw new IllegalArgumentException(
              what + " \"" + domain + "\" has a label of " + len
                  + " characters; DNS labels have 1 to 63 (no leading, trailing or double dots)");
        }
        labelStart = i + 1;
      } else if (c >= 0x80) {
        throw new IllegalArgumentException(
            what + " \"" + domain + "\" is not ASCII; RFC 8460 requires IDNs as A-labels: convert"
                + " it first with java.net.IDN.toASCII" + suggestion(domain));
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_')) {
        throw new IllegalArgumentException(
            what + " \"" + domain + "\" is not a DNS name: '" + c + "' at index " + i
                + " (letters, digits, '-', '_' and '.' only)");
      }
    }
  }

  private static String suggestion(String domain) {
    try {
      String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
      return " (\"" + ascii + "\")";
    } catch (IllegalArgumentException e) {
      // Not a valid IDN either: nothing to suggest.
      return "";
    }
  }
}
