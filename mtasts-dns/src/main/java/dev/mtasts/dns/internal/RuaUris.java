package dev.mtasts.dns.internal;

import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.Warning;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code rua} list of RFC 8460 §3: {@code tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)}. */
public final class RuaUris {
  private RuaUris() {}

  /** Up to this many URIs, repeats are found by a linear scan rather than by hashing. */
  private static final int LINEAR_DEDUP_LIMIT = 16;

  /**
   * Splits and validates a {@code rua} value and appends its URIs to the list, each once: a URI
   * equal to one already there is reported as {@link RecordErrorCode#DUPLICATE_RUA_URI} and left
   * out.
   *
   * @param value the raw value, without trailing whitespace
   * @param column the 1-based column of the value
   * @param warnings receives warnings about schemes reporters do not use and about repeats
   * @param into the list to append to
   * @throws RecordParseException with {@link RecordErrorCode#INVALID_RUA}
   */
  public static void parse(String value, int column, List<Warning> warnings, RuaList into) {
    int start = 0;
    @Nullable Set<String> seen = null;
    while (true) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      int s = start;
      while (s < end && RecordGrammar.isWsp(value.charAt(s))) {
        s++;
      }
      int e = end;
      while (e > s && RecordGrammar.isWsp(value.charAt(e - 1))) {
        e--;
      }
      String text = value.substring(s, e);
      // The common shapes are checked by hand; only the others go through java.net.URI.
      @Nullable URI uri = isPlain(text) ? null : parseOne(text, column + s, warnings);
      boolean repeat;
      if (into.size() < LINEAR_DEDUP_LIMIT) {
        repeat = into.containsText(text);
      } else {
        if (seen == null) {
          seen = new HashSet<>();
          for (int i = 0; i < into.size(); i++) {
            seen.add(into.text(i).toLowerCase(Locale.ROOT));
          }
        }
        // URIs equal by URI.equals have texts equal but for letter case: only those are compared.
        repeat = !seen.add(text.toLowerCase(Locale.ROOT)) && into.containsText(text);
      }
      if (!repeat) {
        into.add(text, uri);
      } else {
        warnings.add(new Warning(RecordErrorCode.DUPLICATE_RUA_URI, new Location.Column(column),
            "rua lists " + text + " more than once; the repeat is ignored"));
      }
      if (comma < 0) {
        return;
      }
      start = comma + 1;
    }
  }

  /**
   * Tells whether a {@code rua} URI has one of the two shapes reporters use, in a form that
   * {@link URI} accepts and that passes every rule of {@link #problem}: {@code
   * mailto:local@domain} (letters, digits, {@code . _ + -}, one {@code @} with text on both
   * sides) or {@code https://host[/path]} (an RFC 2396 §3.2.2 host name whose last label starts
   * with a letter; a path of letters, digits and {@code / . _ ~ -}), the scheme in lower case. No
   * {@code %}, query, fragment, port or user part: those go through {@link URI}.
   *
   * @param t the URI text
   * @return whether it is such a URI
   */
  public static boolean isPlain(String t) {
    int n = t.length();
    if (t.startsWith("mailto:")) {
      int at = -1;
      for (int i = 7; i < n; i++) {
        char c = t.charAt(i);
        if (c == '@') {
          if (at >= 0) {
            return false;
          }
          at = i;
        } else if (!in(MAILTO_LOW, MAILTO_HIGH, c)) {
          return false;
        }
      }
      return at > 7 && at < n - 1;
    }
    if (!t.startsWith("https://")) {
      return false;
    }
    int i = 8;
    int labelStart = i;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c == '/') {
        break;
      }
      if (c == '.') {
        if (!isHostLabel(t, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      } else if (!in(HOST_LOW, HOST_HIGH, c)) {
        return false;
      }
    }
    // the last label: java.net.URI wants it to start with a letter in a dotted name
    if (!isHostLabel(t, labelStart, i) || !isAlpha(t.charAt(labelStart))) {
      return false;
    }
    for (; i < n; i++) {
      if (!in(PATH_LOW, PATH_HIGH, t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // The characters of the plain shapes as bit sets: characters 0-63 in the first word, 64-127 in
  // the second (one shift and a mask per character instead of a chain of comparisons).
  private static final long DIGITS = 0x3ffL << '0';
  private static final long LETTERS = (0x3ffffffL << ('A' - 64)) | (0x3ffffffL << ('a' - 64));
  // mailto: letters, digits and . - + _ (the '@' is looked for apart)
  private static final long MAILTO_LOW = DIGITS | (1L << '.') | (1L << '-') | (1L << '+');
  private static final long MAILTO_HIGH = LETTERS | (1L << ('_' - 64));
  // https host: letters, digits and - (the '.' and the '/' are looked for apart)
  private static final long HOST_LOW = DIGITS | (1L << '-');
  private static final long HOST_HIGH = LETTERS;
  // https path: letters, digits and / . _ ~ -
  private static final long PATH_LOW = DIGITS | (1L << '/') | (1L << '.') | (1L << '-');
  private static final long PATH_HIGH = LETTERS | (1L << ('_' - 64)) | (1L << ('~' - 64));

  private static boolean in(long low, long high, char c) {
    return c < 64 ? ((low >>> c) & 1) != 0 : c < 128 && ((high >>> (c - 64)) & 1) != 0;
  }

  /** {@code alphanum [*(alphanum / "-") alphanum]} (RFC 2396 §3.2.2 domainlabel). */
  private static boolean isHostLabel(String t, int from, int to) {
    return to > from && t.charAt(from) != '-' && t.charAt(to - 1) != '-';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static URI parseOne(String text, int column, List<Warning> warnings) {
    if (text.isEmpty()) {
      throw new RecordParseException(RecordErrorCode.INVALID_RUA, column,
          "empty URI in rua; give one or more URIs separated by ','");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (RecordGrammar.isWsp(c)) {
        throw new RecordParseException(RecordErrorCode.INVALID_RUA, column + i,
            "unexpected whitespace inside the rua URI \"" + FieldScanner.abbreviate(text)
                + "\"; separate URIs with ',' and percent-encode spaces");
      }
      if (c == '!') {
        throw new RecordParseException(RecordErrorCode.INVALID_RUA, column + i,
            "'!' in a rua URI must be percent-encoded as %21 (RFC 8460 §3)");
      }
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      int index = Math.max(0, e.getIndex());
      throw new RecordParseException(RecordErrorCode.INVALID_RUA, column + index,
          "rua URI \"" + FieldScanner.abbreviate(text) + "\" is malformed: " + e.getReason());
    }
    // The character rule of problem(URI) cannot fail here: the scanner admits only printable
    // US-ASCII, the value ends at ';', the list splits at ',', and WSP and '!' were refused
    // above. So only the scheme-specific rules are checked, once.
    String scheme = uri.getScheme();
    String problem = scheme == null ? noScheme(text) : schemeProblem(uri, scheme, text);
    if (problem != null) {
      throw new RecordParseException(RecordErrorCode.INVALID_RUA, column, problem);
    }
    if (!isMailto(scheme) && !isHttps(scheme)) {
      warnings.add(new Warning(RecordErrorCode.UNSUPPORTED_RUA_SCHEME, new Location.Column(column),
          "rua URI scheme \"" + scheme + "\" is neither mailto nor https (RFC 8460 §3); reporters skip it"));
    }
    return uri;
  }

  /**
   * Checks a URI for use in {@code rua}.
   *
   * @param uri the URI
   * @return what is wrong with it, or {@code null} if nothing is
   */
  public static @Nullable String problem(URI uri) {
    String text = uri.toString();
    String scheme = uri.getScheme();
    if (scheme == null) {
      return noScheme(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c > 0x7E || c == ',' || c == ';' || c == '!') {
        return "rua URI \"" + FieldScanner.abbreviate(text) + "\" contains " + RecordGrammar.describe(c)
            + "; ',', ';', '!', spaces and non-ASCII characters must be percent-encoded (RFC 8460 §3)";
      }
    }
    return schemeProblem(uri, scheme, text);
  }

  private static String noScheme(String text) {
    return "rua URI \"" + FieldScanner.abbreviate(text)
        + "\" has no scheme; use mailto:address or https://host/path (RFC 8460 §3)";
  }

  // URI schemes are ASCII (RFC 3986 §3.1; java.net.URI refuses anything else), so a case-blind
  // comparison is the same as lower-casing with Locale.ROOT, without the copy.
  private static boolean isMailto(String scheme) {
    return scheme.length() == 6 && scheme.equalsIgnoreCase("mailto");
  }

  private static boolean isHttps(String scheme) {
    return scheme.length() == 5 && scheme.equalsIgnoreCase("https");
  }

  /** The rules for mailto (an address in each %2C-separated part) and https (a host). */
  private static @Nullable String schemeProblem(URI uri, String scheme, String text) {
    if (isMailto(scheme)) {
      String ssp = uri.getRawSchemeSpecificPart();
      int query = ssp.indexOf('?');
      int end = query < 0 ? ssp.length() : query;
      if (end == 0) {
        return "mailto URI \"" + FieldScanner.abbreviate(text) + "\" has no address";
      }
      // RFC 6068 §2: addresses are separated by an encoded ',' (%2C, either case).
      int start = 0;
      while (true) {
        int sep = indexOfEncodedComma(ssp, start, end);
        int stop = sep < 0 ? end : sep;
        int at = ssp.lastIndexOf('@', stop - 1);
        if (at < start + 1 || at == stop - 1) {
          return "mailto URI \"" + FieldScanner.abbreviate(text) + "\" holds \""
              + ssp.substring(start, stop) + "\", which is not an e-mail address (local-part@domain)";
        }
        if (sep < 0) {
          return null;
        }
        start = sep + 3;
      }
    }
    if (isHttps(scheme)) {
      String host = uri.getHost();
      if (host == null || host.isEmpty()) {
        return "https URI \"" + FieldScanner.abbreviate(text) + "\" has no host name";
      }
    }
    return null;
  }

  /** The index of the next {@code %2C} or {@code %2c} in {@code s[from, to)}, or -1. */
  private static int indexOfEncodedComma(String s, int from, int to) {
    for (int i = from; i + 2 < to; i++) {
      if (s.charAt(i) == '%' && s.charAt(i + 1) == '2' && (s.charAt(i + 2) | 0x20) == 'c') {
        return i;
      }
    }
    return -1;
  }
}
