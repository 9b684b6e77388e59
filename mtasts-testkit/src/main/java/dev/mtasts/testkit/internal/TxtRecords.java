package dev.mtasts.testkit.internal;

import dev.mtasts.testkit.NearValid;
import dev.mtasts.testkit.StsRecordRule;
import dev.mtasts.testkit.TlsRptRecordRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The {@code _mta-sts} (RFC 8461 §3.1) and {@code _smtp._tls} (RFC 8460 §3) TXT records: their
 * meaning, every allowed way to write it, and near-valid mutations.
 */
public final class TxtRecords {
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  // sts-ext-value / tlsrpt-ext-value: %x21-3A / %x3C / %x3E-7E (visible ASCII but ; and =).
  private static final String EXT_VALUE = ALNUM + "!\"#$%&'()*+,-./:<>?@[\\]^_`{|}~";

  // Built once: jqwik memoizes generators per arbitrary instance.
  private static final Arbitrary<String> POLICY_ID = newPolicyId();
  private static final Arbitrary<String> EXTENSION = newExtension();
  private static final Arbitrary<String> REPORT_URI = newReportUri();
  private static final Arbitrary<StsModel> STS_MODELS = newStsModels();
  private static final Arbitrary<TlsRptModel> TLS_MODELS = newTlsRptModels();

  private TxtRecords() {}

  /**
   * What an STS record says.
   *
   * @param id the policy id
   * @param extensions the extension fields as {@code name=value}
   */
  public record StsModel(String id, List<String> extensions) {
    /**
     * Copies the list.
     *
     * @param id the id
     * @param extensions the extensions
     */
    public StsModel {
      extensions = List.copyOf(extensions);
    }
  }

  /**
   * What a TLS-RPT record says.
   *
   * @param rua the report URIs in order
   * @param extensions the extension fields as {@code name=value}
   */
  public record TlsRptModel(List<String> rua, List<String> extensions) {
    /**
     * Copies the lists.
     *
     * @param rua the URIs
     * @param extensions the extensions
     */
    public TlsRptModel {
      rua = List.copyOf(rua);
      extensions = List.copyOf(extensions);
    }
  }

  /**
   * Returns policy ids: 1 to 32 letters and digits, often timestamp-shaped.
   *
   * @return the id arbitrary
   */
  public static Arbitrary<String> policyId() {
    return POLICY_ID;
  }

  private static Arbitrary<String> newPolicyId() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(32)),
        Tuple.of(1, Arbitraries.longs().between(20_160_101_000_000L, 20_991_231_235_959L).map(String::valueOf)),
        Tuple.of(1, Arbitraries.strings().withChars(ALNUM).ofLength(32)));
  }

  /**
   * Returns extension fields {@code name=value} whose name is not {@code v}, {@code id} or
   * {@code rua} in any case.
   *
   * @return the field arbitrary
   */
  public static Arbitrary<String> extension() {
    return EXTENSION;
  }

  private static Arbitrary<String> newExtension() {
    Arbitrary<Character> first = Arbitraries.of(ALNUM.toCharArray());
    Arbitrary<String> rest = Arbitraries.strings().withChars(ALNUM + "_-.").ofMinLength(0).ofMaxLength(31);
    Arbitrary<String> name = Combinators.combine(first, rest).as((f, r) -> f + r)
        .filter(n -> !List.of("v", "id", "rua").contains(n.toLowerCase(Locale.ROOT)));
    Arbitrary<String> value = Arbitraries.strings().withChars(EXT_VALUE).ofMinLength(1).ofMaxLength(20);
    return Combinators.combine(name, value).as((n, v) -> n + "=" + v);
  }

  /**
   * Returns STS record meanings.
   *
   * @return the model arbitrary
   */
  public static Arbitrary<StsModel> stsModels() {
    return STS_MODELS;
  }

  private static Arbitrary<StsModel> newStsModels() {
    return Combinators.combine(policyId(), extension().list().ofMaxSize(2).uniqueElements(TxtRecords::name))
        .as(StsModel::new);
  }

  /**
   * Returns report URIs: {@code mailto:} addresses and {@code https:} URLs, with percent-encoded
   * {@code , ! ;} where they appear (RFC 8460 §3).
   *
   * @return the URI arbitrary
   */
  public static Arbitrary<String> reportUri() {
    return REPORT_URI;
  }

  private static Arbitrary<String> newReportUri() {
    Arbitrary<String> local = Arbitraries.strings().withChars(ALNUM + ".-_+").ofMinLength(1).ofMaxLength(16)
        .map(l -> l.replaceAll("^[.]+|[.]+$", "x").replace("..", ".x."));
    Arbitrary<String> mailto = Combinators.combine(local, Hosts.hostname(40)).as((l, h) -> "mailto:" + l + "@" + h);
    Arbitrary<String> path = Arbitraries.strings().withChars(ALNUM + "-._~/").ofMaxLength(20)
        .flatMap(p -> Arbitraries.of("", "%2C", "%21", "%3B").map(enc -> "/" + p + enc));
    Arbitrary<String> port = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
        Tuple.of(1, Arbitraries.integers().between(1, 65535).map(p -> ":" + p)));
    Arbitrary<String> https = Combinators.combine(Hosts.hostname(60), port, path).as((h, p, s) -> "https://" + h + p + s);
    return Arbitraries.oneOf(mailto, https);
  }

  /**
   * Returns TLS-RPT record meanings.
   *
   * @return the model arbitrary
   */
  public static Arbitrary<TlsRptModel> tlsRptModels() {
    return TLS_MODELS;
  }

  private static Arbitrary<TlsRptModel> newTlsRptModels() {
    // Distinct URIs: the record keeps each destination once.
    return Combinators.combine(reportUri().list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
            extension().list().ofMaxSize(2).uniqueElements(TxtRecords::name))
        .as(TlsRptModel::new);
  }

  private static String name(String field) {
    return field.substring(0, field.indexOf('='));
  }

  /**
   * Returns the canonical text of an STS record: {@code v=STSv1; id=...;} then extensions.
   *
   * @param m the model
   * @return the text
   */
  public static String canonical(StsModel m) {
    StringBuilder b = new StringBuilder("v=STSv1; id=").append(m.id()).append(';');
    for (String e : m.extensions()) {
      b.append(' ').append(e).append(';');
    }
    return b.toString();
  }

  /**
   * Returns every allowed way of writing the STS record: id anywhere among the extensions, SP/HTAB
   * around each {@code ;} except before the first one, with or without a trailing {@code ;}.
   *
   * @param m the model
   * @return the layout arbitrary
   */
  public static Arbitrary<TxtLayout> stsLayouts(StsModel m) {
    List<String> fields = new ArrayList<>(m.extensions());
    return Arbitraries.integers().between(0, fields.size())
        .flatMap(at -> {
          List<String> f = new ArrayList<>(fields);
          f.add(at, "id=" + m.id());
          return layouts("v=STSv1", f);
        });
  }

  /**
   * Returns every allowed way of writing the TLS-RPT record: rua anywhere among the extensions,
   * SP/HTAB around each {@code ;} (except before the first) and around each {@code ,}, with or
   * without a trailing {@code ;}.
   *
   * @param m the model
   * @return the layout arbitrary
   */
  public static Arbitrary<TxtLayout> tlsRptLayouts(TlsRptModel m) {
    Arbitrary<List<String>> commas = Combinators.combine(PolicyTexts.whitespace(0, 2), PolicyTexts.whitespace(0, 2))
        .as((a, b) -> a + "," + b).list().ofSize(m.rua().size() - 1);
    return Combinators.combine(Arbitraries.integers().between(0, m.extensions().size()), commas)
        .as((at, sep) -> {
          StringBuilder rua = new StringBuilder("rua=").append(m.rua().get(0));
          for (int i = 1; i < m.rua().size(); i++) {
            rua.append(sep.get(i - 1)).append(m.rua().get(i));
          }
          List<String> f = new ArrayList<>(m.extensions());
          f.add(at, rua.toString());
          return f;
        })
        .flatMap(f -> layouts("v=TLSRPTv1", f));
  }

  /**
   * Returns the canonical text of a TLS-RPT record: {@code v=TLSRPTv1; rua=a,b;} then extensions.
   *
   * @param m the model
   * @return the text
   */
  public static String canonical(TlsRptModel m) {
    StringBuilder b = new StringBuilder("v=TLSRPTv1; rua=").append(String.join(",", m.rua())).append(';');
    for (String e : m.extensions()) {
      b.append(' ').append(e).append(';');
    }
    return b.toString();
  }

  // RFC 8461 §3.1 / RFC 8460 §3: field-delim = *WSP ";" *WSP. The first delimiter has no
  // whitespace before its ";", because the record-selection rule looks for "v=STSv1;" (erratum 6285).
  private static Arbitrary<TxtLayout> layouts(String version, List<String> fields) {
    int n = fields.size();
    Arbitrary<String> delim = Combinators.combine(PolicyTexts.whitespace(0, 2), PolicyTexts.whitespace(0, 2)).as((a, b) -> a + ";" + b);
    Arbitrary<String> first = PolicyTexts.whitespace(0, 2).map(b -> ";" + b);
    Arbitrary<String> trailing = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")), Tuple.of(2, Arbitraries.just(";")),
        Tuple.of(1, delim));
    Arbitrary<List<String>> rest = delim.list().ofSize(n - 1);
    return Combinators.combine(first, rest, trailing).as((f, r, t) -> {
      List<String> d = new ArrayList<>();
      d.add(f);
      d.addAll(r);
      return new TxtLayout(version, d, fields, t);
    });
  }

  /**
   * Returns near-valid STS records for every rule.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NearValid<StsRecordRule>> nearValidSts() {
    return Combinators.combine(Arbitraries.of(StsRecordRule.class), stsModels().flatMap(TxtRecords::stsLayouts))
        .as(Tuple::of)
        .flatMap(t -> mutateSts(t.get1(), t.get2()).withoutEdgeCases().map(text -> new NearValid<>(text, t.get1(), t.get2().text())));
  }

  private static Arbitrary<String> mutateSts(StsRecordRule rule, TxtLayout l) {
    int id = l.indexOf("id=");
    switch (rule) {
      case LEADING_WHITESPACE:
        return PolicyTexts.whitespace(1, 2).map(ws -> ws + l.text());
      case VERSION_CASE:
        return Arbitraries.of("V=STSv1", "v=stsv1", "v=STSV1", "V=STSV1").map(v -> l.withVersion(v).text());
      case VERSION_VALUE:
        return Arbitraries.of("v=STSv2", "v=STSv10", "v=STSv0", "v=STSv", "v=STS1", "v-STSv1").map(v -> l.withVersion(v).text());
      case MISSING_ID:
        return Arbitraries.just(l.minusField(id).text());
      case EMPTY_ID:
        return Arbitraries.just(l.withField(id, "id=").text());
      case ID_TOO_LONG:
        return Arbitraries.strings().withChars(ALNUM).ofMinLength(33).ofMaxLength(40).map(v -> l.withField(id, "id=" + v).text());
      case ID_CHARACTER:
        return Combinators.combine(Arbitraries.of("-", ".", "_", "+", "/", "\u00e9"), Arbitraries.integers().between(0, 32))
            .as((c, at) -> {
              String v = l.fields().get(id).substring(3);
              // Keep the id within 32 characters so only the character rule is broken.
              String kept = v.substring(0, Math.min(v.length(), 31));
              int pos = Math.min(at, kept.length());
              return l.withField(id, "id=" + kept.substring(0, pos) + c + kept.substring(pos)).text();
            });
      default:
        return commonMutation(rule.name(), l, "id=");
    }
  }

  /**
   * Returns near-valid TLS-RPT records for every rule.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NearValid<TlsRptRecordRule>> nearValidTlsRpt() {
    return Combinators.combine(Arbitraries.of(TlsRptRecordRule.class), tlsRptModels().flatMap(TxtRecords::tlsRptLayouts))
        .as(Tuple::of)
        .flatMap(t -> mutateTlsRpt(t.get1(), t.get2()).withoutEdgeCases().map(text -> new NearValid<>(text, t.get1(), t.get2().text())));
  }

  private static Arbitrary<String> mutateTlsRpt(TlsRptRecordRule rule, TxtLayout l) {
    int rua = l.indexOf("rua=");
    String ruaValue = l.fields().get(rua).substring(4);
    switch (rule) {
      case LEADING_WHITESPACE:
        return PolicyTexts.whitespace(1, 2).map(ws -> ws + l.text());
      case VERSION_CASE:
        return Arbitraries.of("V=TLSRPTv1", "v=tlsrptv1", "v=TLSRPTV1").map(v -> l.withVersion(v).text());
      case VERSION_VALUE:
        return Arbitraries.of("v=TLSRPTv2", "v=TLSRPTv10", "v=TLSRPTv0", "v=TLSRPT", "v=STSv1").map(v -> l.withVersion(v).text());
      case MISSING_RUA:
        return Arbitraries.of("RUA=", "Rua=", "drop").map(k -> k.equals("drop")
            ? l.minusField(rua).text() : l.withField(rua, k + ruaValue).text());
      case EMPTY_RUA:
        return Arbitraries.just(l.withField(rua, "rua=").text());
      case URI_WITHOUT_SCHEME:
        return Arbitraries.of("reports@example.com", "example.com/tlsrpt", "//example.com/x", "not_a_valid_uri")
            .map(u -> l.withField(rua, "rua=" + u + (ruaValue.contains(",") ? ruaValue.substring(ruaValue.indexOf(',')) : "")).text());
      case EMPTY_URI:
        return Arbitraries.just(l.withField(rua, "rua=" + ruaValue.replaceFirst(",|$", ",,")).text());
      case SPACE_IN_URI:
        return Arbitraries.of("mailto:a b@example.com", "https://example.com/a b", "mailto:tls@example.com other")
            .map(u -> l.withField(rua, "rua=" + u).text());
      case UNENCODED_EXCLAMATION:
        return Arbitraries.of("https://example.com/a!b", "mailto:a!b@example.com")
            .map(u -> l.withField(rua, "rua=" + u).text());
      default:
        return commonMutation(rule.name(), l, "rua=");
    }
  }

  // Mutations shared by both records, for rules with the same name in both enums.
  private static Arbitrary<String> commonMutation(String rule, TxtLayout l, String required) {
    switch (rule) {
      case "EMPTY_FIELD":
        return Arbitraries.integers().between(0, l.fields().size() - 1)
            .map(i -> l.withDelimiter(i, l.delimiters().get(i).replace(";", ";;")).text());
      case "TRAILING_WHITESPACE":
        return PolicyTexts.whitespace(1, 2).map(ws -> l.withTrailing(ws).text());
      case "WHITESPACE_AROUND_EQUALS":
        return Combinators.combine(Arbitraries.integers().between(0, l.fields().size() - 1), Arbitraries.of(" =", "= ", " = "))
            .as((i, eq) -> l.withField(i, l.fields().get(i).replaceFirst("=", eq)).text());
      case "EMPTY_EXTENSION_VALUE":
        return extension().map(e -> l.plusField(e.substring(0, e.indexOf('=') + 1)).text());
      case "EXTENSION_VALUE_CHARACTER":
        return Combinators.combine(extension(), Arbitraries.of(" x", "=", "é", "\u0001", "\t1"))
            .as((e, bad) -> l.plusField(e + bad).text());
      case "EXTENSION_NAME":
        return Combinators.combine(extension(), Arbitraries.of("_", "-", ".", "long"))
            .as((e, p) -> l.plusField(p.equals("long") ? "x".repeat(33) + "=1" : p + e).text());
      case "MISSING_SEPARATOR":
        return Arbitraries.integers().between(0, l.fields().size() - 1)
            .map(i -> l.withDelimiter(i, " ").text());
      default:
        throw new IllegalStateException("no mutation for " + rule + " (" + required + ")");
    }
  }
}
