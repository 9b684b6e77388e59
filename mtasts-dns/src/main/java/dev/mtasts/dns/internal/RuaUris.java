package dev.mtasts.dns.internal;

import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.dns.RecordWarning;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The {@code rua} list of RFC 8460 §3: {@code tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)}. */
public final class RuaUris {
  private RuaUris() {}

  /**
   * Splits and validates a {@code rua} value.
   *
   * @param value the raw value, without trailing whitespace
   * @param column the 1-based column of the value
   * @param warnings receives warnings about schemes reporters do not use
   * @return the URIs in order
   * @throws RecordParseException with {@link RecordErrorCode#INVALID_RUA}
   */
  public static List<URI> parse(String value, int column, List<RecordWarning> warnings) {
    List<URI> uris = new ArrayList<>();
    int start = 0;
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
      uris.add(parseOne(value.substring(s, e), column + s, warnings));
      if (comma < 0) {
        return uris;
      }
      start = comma + 1;
    }
  }

  private static URI parseOne(String text, int column, List<RecordWarning> warnings) {
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
      warnings.add(new RecordWarning(column, RecordErrorCode.UNSUPPORTED_RUA_SCHEME,
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
