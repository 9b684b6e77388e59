package dev.mtasts.dns.internal;

import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.dns.RecordWarning;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    String problem = problem(uri);
    if (problem != null) {
      throw new RecordParseException(RecordErrorCode.INVALID_RUA, column, problem);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("mailto") && !scheme.equals("https")) {
      warnings.add(new RecordWarning(column, RecordErrorCode.UNSUPPORTED_RUA_SCHEME,
          "rua URI scheme \"" + uri.getScheme() + "\" is neither mailto nor https (RFC 8460 §3); reporters skip it"));
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
    if (uri.getScheme() == null) {
      return "rua URI \"" + FieldScanner.abbreviate(text)
          + "\" has no scheme; use mailto:address or https://host/path (RFC 8460 §3)";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c > 0x7E || c == ',' || c == ';' || c == '!') {
        return "rua URI \"" + FieldScanner.abbreviate(text) + "\" contains " + RecordGrammar.describe(c)
            + "; ',', ';', '!', spaces and non-ASCII characters must be percent-encoded (RFC 8460 §3)";
      }
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("mailto")) {
      String ssp = uri.getRawSchemeSpecificPart();
      int query = ssp.indexOf('?');
      String to = query < 0 ? ssp : ssp.substring(0, query);
      if (to.isEmpty()) {
        return "mailto URI \"" + FieldScanner.abbreviate(text) + "\" has no address";
      }
      for (String address : to.split("(?i)%2C", -1)) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
          return "mailto URI \"" + FieldScanner.abbreviate(text) + "\" holds \"" + address
              + "\", which is not an e-mail address (local-part@domain)";
        }
      }
    } else if (scheme.equals("https")) {
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return "https URI \"" + FieldScanner.abbreviate(text) + "\" has no host name";
      }
    }
    return null;
  }
}
