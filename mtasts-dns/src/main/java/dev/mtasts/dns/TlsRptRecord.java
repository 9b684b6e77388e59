package dev.mtasts.dns;

import dev.mtasts.dns.internal.FieldScanner;
import dev.mtasts.dns.internal.RecordGrammar;
import dev.mtasts.dns.internal.RuaList;
import dev.mtasts.dns.internal.RuaUris;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3): {@code v=TLSRPTv1; rua=...} with the
 * URIs reports are sent to, plus extension fields.
 *
 * <pre>{@code
 * TlsRptRecord record = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:reports@example.com");
 * record.rua();     // [mailto:reports@example.com]
 * record.toText();  // "v=TLSRPTv1; rua=mailto:reports@example.com"
 * }</pre>
 *
 * @param rua the report URIs in record order, at least one; {@code mailto:} URIs carry an address
 *     and {@code https:} URIs a host; other schemes are kept (reporters skip them)
 * @param extensions the extension fields in record order; reporters ignore them (RFC 8460 §3)
 */
public record TlsRptRecord(List<URI> rua, List<ExtensionField> extensions) {
  /** The version tag every record starts with. */
  public static final String VERSION = "TLSRPTv1";

  /** The labels prepended to the Policy Domain: {@code _smtp._tls}. */
  public static final String LABEL = "_smtp._tls";

  /**
   * Validates and copies the parts.
   *
   * @param rua the report URIs
   * @param extensions the extension fields
   * @throws IllegalArgumentException if {@code rua} is empty, a URI is unusable (no scheme, a
   *     {@code mailto:} without address, an {@code https:} without host, a raw {@code ,} {@code ;}
   *     {@code !} or space), a URI is listed twice (the text form could not round-trip, because
   *     {@link #parse} keeps one of each), or an extension is named {@code rua}
   */
  public TlsRptRecord {
    // read() has checked every URI and dropped repeats; only it can make a RuaList (which holds
    // the texts and builds each URI when it is first asked for).
    boolean validated = rua instanceof RuaList;
    rua = validated ? rua : List.copyOf(rua);
    extensions = List.copyOf(extensions);
    if (!validated) {
      checkRua(rua);
    }
    for (ExtensionField extension : extensions) {
      if (extension.name().equals("rua")) {
        throw new IllegalArgumentException("\"rua\" holds the report URIs, not an extension field");
      }
    }
  }

  private static void checkRua(List<URI> rua) {
    if (rua.isEmpty()) {
      throw new IllegalArgumentException("a TLS-RPT record needs at least one rua URI (RFC 8460 §3)");
    }
    Set<URI> distinct = new HashSet<>();
    for (URI uri : rua) {
      String problem = RuaUris.problem(uri);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (!distinct.add(uri)) {
        throw new IllegalArgumentException("rua lists " + uri + " twice; list each URI once");
      }
    }
  }

  /**
   * Returns a record with the given report URIs and no extension fields.
   *
   * @param rua the report URIs, at least one
   * @return the record
   * @throws IllegalArgumentException if a URI is unusable
   */
  public static TlsRptRecord of(List<URI> rua) {
    return new TlsRptRecord(rua, List.of());
  }

  /**
   * Reads a record strictly by the RFC 8460 §3 ABNF.
   *
   * @param text the record, its character-strings already joined without separators
   * @return the record
   * @throws RecordParseException if the text is not a valid record
   */
  public static TlsRptRecord parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    @Nullable TlsRptRecord plain = readPlain(text);
    return plain != null ? plain : read(text, ParseMode.STRICT).value();
  }

  /**
   * Reads the common shape, {@code v=TLSRPTv1;} then optional WSP, {@code rua=} and a
   * comma-separated list without whitespace of URIs that {@link RuaUris#isPlain} accepts, then
   * nothing or {@code ;} and optional WSP (RFC 8460 §3), in one pass, without the field list and
   * without {@link URI}. Such a text parses strictly with no warning but for repeated URIs; a
   * repeat, and anything else, returns {@code null} and goes through {@link #read}.
   */
  private static @Nullable TlsRptRecord readPlain(CharSequence text) {
    int n = text.length();
    if (n > FieldScanner.MAX_LENGTH || n < 16) {
      return null;
    }
    String s = text.toString();
    if (!s.startsWith("v=TLSRPTv1;")) {
      return null;
    }
    int i = 11;
    while (i < n && RecordGrammar.isWsp(s.charAt(i))) {
      i++;
    }
    if (!s.startsWith("rua=", i)) {
      return null;
    }
    i += 4;
    RuaList rua = new RuaList();
    while (true) {
      int start = i;
      while (i < n && s.charAt(i) != ',' && s.charAt(i) != ';') {
        i++;
      }
      String uri = s.substring(start, i);
      if (!RuaUris.isPlain(uri) || rua.containsText(uri)) {
        return null;
      }
      rua.add(uri, null);
      if (i == n || s.charAt(i) == ';') {
        break;
      }
      i++; // the comma
    }
    if (i < n) {
      i++; // the ';'
      while (i < n && RecordGrammar.isWsp(s.charAt(i))) {
        i++;
      }
      if (i < n) {
        return null;
      }
    }
    return new TlsRptRecord(rua, List.of());
  }

  /**
   * Reads a record leniently (see {@link ParseMode#LENIENT}) and reports every deviation.
   *
   * @param text the record, its character-strings already joined without separators
   * @return the record and the warnings
   * @throws RecordParseException if the text is not a record even leniently
   */
  public static ParseResult<TlsRptRecord> parseLenient(CharSequence text) {
    return read(text, ParseMode.LENIENT);
  }

  /**
   * Reads a record in the given mode. Several {@code rua} fields are allowed by the ABNF and RFC
   * 8460 is silent on them; their lists are joined in order (duplicates dropped) with a warning.
   * Strict mode also warns about whitespace before the first {@code ;} and schemes other than
   * {@code mailto} and {@code https}.
   *
   * @param text the record, its character-strings already joined without separators
   * @param mode strict or lenient
   * @return the record and the warnings
   * @throws RecordParseException if the text is not a valid record in that mode
   */
  public static ParseResult<TlsRptRecord> read(CharSequence text, ParseMode mode) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    List<Warning> warnings = new ArrayList<>();
    List<FieldScanner.Field> fields = FieldScanner.scan(text, VERSION, "rua", mode, warnings);
    RuaList rua = new RuaList();
    boolean seenRua = false;
    @Nullable List<ExtensionField> extensions = null;
    for (FieldScanner.Field field : fields) {
      if (field.name().equals("rua")) {
        if (seenRua) {
          warnings.add(new Warning(RecordErrorCode.DUPLICATE_FIELD, new Location.Column(field.nameColumn()),
              "rua is given again; RFC 8460 is silent on this and its URIs are added to the first list; publish one rua"));
        }
        seenRua = true;
        RuaUris.parse(field.value(), field.valueColumn(), warnings, rua);
      } else if (!RecordGrammar.isExtensionValue(field.value())) {
        if (field.value().isEmpty() && mode == ParseMode.LENIENT) {
          warnings.add(new Warning(RecordErrorCode.INVALID_FIELD_VALUE, new Location.Column(field.nameColumn()),
              "extension field \"" + field.name() + "\" has no value and is ignored"));
          continue;
        }
        throw StsRecord.badValue(field);
      } else {
        if (extensions == null) {
          extensions = new ArrayList<>();
        }
        extensions.add(new ExtensionField(field.name(), field.value()));
      }
    }
    if (!seenRua) {
      throw new RecordParseException(RecordErrorCode.MISSING_RUA, text.length() + 1,
          "the record has no rua field; add \"rua=\" with a mailto: or https: URI (RFC 8460 §3)");
    }
    // The scanner's warnings come first; ParseResult promises text order (a stable sort).
    if (warnings.size() > 1) {
      warnings.sort(Comparator.comparingInt((Warning w) -> ((Location.Column) w.location()).column()));
    }
    return new ParseResult<>(new TlsRptRecord(rua, extensions == null ? List.of() : extensions), warnings);
  }

  /**
   * Returns the canonical text: {@code v=TLSRPTv1; rua=<uri>,<uri>} followed by {@code ;
   * name=value} for each extension, as in the RFC 8460 §3 examples.
   *
   * @return the record text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder("v=").append(VERSION).append("; rua=");
    for (int i = 0; i < rua.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(rua instanceof RuaList list ? list.text(i) : rua.get(i).toString());
    }
    for (ExtensionField extension : extensions) {
      sb.append("; ").append(extension.toText());
    }
    return sb.toString();
  }
}
