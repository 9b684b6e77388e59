package dev.mtasts.dns.internal;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Domain names as the lookups and zone files need them: A-labels, lower case, no root dot.
 *
 * <p>U-labels are converted with {@link IDN}, which implements IDNA2003 (RFC 3490). IDNA2003 maps
 * the IDNA2008 "deviation" characters to other text (ß and ẞ to {@code ss}, ς to σ, ZERO WIDTH
 * JOINER and NON-JOINER to nothing), so {@code straße.de} would become {@code strasse.de}, a
 * different domain than the IDNA2008 {@code xn--strae-oqa.de} the DNS holds. Without an IDNA2008
 * implementation in the JDK (and no ICU dependency), such names are refused: callers pass the
 * A-label.
 */
public final class DomainNames {
  private DomainNames() {}

  /**
   * Converts a domain (U-labels allowed) to lower-case A-labels without the trailing dot.
   *
   * @param domain the domain, for example {@code bücher.example} or {@code Example.COM.}
   * @return the ASCII form, for example {@code xn--bcher-kva.example}
   * @throws IllegalArgumentException if the domain is empty or not a valid domain name, or if it
   *     holds ß, ẞ, ς, ZWJ or ZWNJ, which IDNA2003 would convert to another name
   */
  public static String toAscii(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    if (d.isEmpty()) {
      throw new IllegalArgumentException("the domain is empty");
    }
    for (int i = 0; i < d.length(); i++) {
      String name = deviation(d.charAt(i));
      if (name != null) {
        throw new IllegalArgumentException("\"" + domain + "\" contains " + name + " at position "
            + (d.codePointCount(0, i) + 1) + ": the only IDN conversion available here is IDNA2003"
            + " (java.net.IDN), which maps it to a different name than IDNA2008 does (straße.de"
            + " would become strasse.de instead of xn--strae-oqa.de); pass the domain's IDNA2008"
            + " A-label (xn--...) instead");
      }
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

  /**
   * Names a character that IDNA2003 and IDNA2008 convert differently (the UTS #46 deviation
   * characters, plus the capital sharp s, which IDNA2003 also folds to {@code ss}).
   *
   * @param c a character
   * @return its description, or {@code null} if IDNA2003 handles it as IDNA2008 does
   */
  static @Nullable String deviation(char c) {
    switch (c) {
      case '\u00DF':
        return "\"\u00DF\" (U+00DF LATIN SMALL LETTER SHARP S)";
      case '\u1E9E':
        return "\"\u1E9E\" (U+1E9E LATIN CAPITAL LETTER SHARP S)";
      case '\u03C2':
        return "\"\u03C2\" (U+03C2 GREEK SMALL LETTER FINAL SIGMA)";
      case '\u200C':
        return "U+200C ZERO WIDTH NON-JOINER";
      case '\u200D':
        return "U+200D ZERO WIDTH JOINER";
      default:
        return null;
    }
  }
}
