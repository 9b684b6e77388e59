package dev.mtasts.benchmarks.baseline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular-expression parsers of the two TXT records: one expression validates the whole record
 * against the ABNF (RFC 8461 §3.1, RFC 8460 §3), a second walks its fields.
 */
public final class BaselineRecords {

  private static final String EXT_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
  private static final String EXT_VALUE = "[\\x21-\\x3A\\x3C\\x3E-\\x7E]+";
  private static final Pattern STS =
      Pattern.compile(
          "v=STSv1(?:[ \\t]*;[ \\t]*" + EXT_NAME + "=" + EXT_VALUE + ")+(?:[ \\t]*;)?[ \\t]*");
  private static final Pattern TLSRPT =
      Pattern.compile(
          "v=TLSRPTv1(?:[ \\t]*;[ \\t]*" + EXT_NAME + "=" + EXT_VALUE + ")+(?:[ \\t]*;)?[ \\t]*");
  private static final Pattern FIELD = Pattern.compile(";[ \\t]*(" + EXT_NAME + ")=(" + EXT_VALUE + ")");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");

  private BaselineRecords() {}

  /**
   * The {@code _mta-sts} record.
   *
   * @param id the policy id
   * @param extensions the other fields in record order
   */
  public record Sts(String id, Map<String, String> extensions) {}

  /**
   * The {@code _smtp._tls} record.
   *
   * @param rua the report URIs
   * @param extensions the other fields in record order
   */
  public record TlsRpt(List<URI> rua, Map<String, String> extensions) {

    /**
     * Copies the list.
     *
     * @param rua the report URIs
     * @param extensions the other fields in record order
     */
    public TlsRpt {
      rua = List.copyOf(rua);
    }
  }

  /**
   * Parses an {@code _mta-sts} TXT record.
   *
   * @param text the record, such as {@code v=STSv1; id=20240115093000Z;}
   * @return the record
   * @throws IllegalArgumentException when the record is invalid
   */
  public static Sts parseSts(String text) {
    if (!STS.matcher(text).matches()) {
      throw new IllegalArgumentException("not an STS record: " + text);
    }
    String id = null;
    Map<String, String> extensions = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("id")) {
        id = id == null ? m.group(2) : id;
      } else {
        extensions.putIfAbsent(m.group(1), m.group(2));
      }
    }
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad or missing id: " + text);
    }
    return new Sts(id, extensions);
  }

  /**
   * Parses an {@code _smtp._tls} TXT record.
   *
   * @param text the record, such as {@code v=TLSRPTv1; rua=mailto:tlsrpt@example.com}
   * @return the record
   * @throws IllegalArgumentException when the record is invalid
   */
  public static TlsRpt parseTlsRpt(String text) {
    if (!TLSRPT.matcher(text).matches()) {
      throw new IllegalArgumentException("not a TLS-RPT record: " + text);
    }
    String rua = null;
    Map<String, String> extensions = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("rua")) {
        rua = rua == null ? m.group(2) : rua;
      } else {
        extensions.putIfAbsent(m.group(1), m.group(2));
      }
    }
    if (rua == null) {
      throw new IllegalArgumentException("missing rua: " + text);
    }
    List<URI> uris = new ArrayList<>();
    for (String s : rua.split(",")) {
      try {
        URI uri = new URI(s);
        boolean ok =
            ("mailto".equals(uri.getScheme()) && uri.getSchemeSpecificPart().contains("@"))
                || ("https".equals(uri.getScheme()) && uri.getHost() != null);
        if (!ok) {
          throw new IllegalArgumentException("unsupported rua URI: " + s);
        }
        uris.add(uri);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("bad rua URI: " + s, e);
      }
    }
    return new TlsRpt(uris, extensions);
  }
}
