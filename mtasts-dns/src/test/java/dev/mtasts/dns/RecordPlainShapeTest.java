package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.internal.RuaUris;
import dev.mtasts.policy.ParseResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code StsRecord.parse} and {@code TlsRptRecord.parse} read the common shapes in one pass, and
 * the {@code rua} URIs of those shapes without {@link URI}: they must answer exactly as the general
 * path ({@code read(text, STRICT)}) does, record or error (code, column, message).
 */
final class RecordPlainShapeTest {
  private static final List<String> URIS = List.of(
      "mailto:tlsrpt@example.com", "mailto:a.b+c_d-e@mx.example-corp.co", "mailto:@example.com",
      "mailto:a@", "mailto:a@b@c", "mailto:A@Example.COM", "mailto:a@example.com?subject=x",
      "mailto:a%2Cb@example.com", "MAILTO:a@example.com", "mailto:", "mailto:/a@b",
      "https://tlsrpt.example.com/v1", "https://example.com", "https://r.example.com/a/b.c_d~e-f",
      "https://EXAMPLE.com/", "https://1.2.3.4/x", "https://a.1b/x", "https://a-.example/x",
      "https://-a.example/x", "https://a..example/x", "https://example.com./x", "https://a_b.example/x",
      "https://example.com:8443/x", "https://u@example.com/x", "https:///x", "https://",
      "https://example.com/a%20b", "https://example.com/?q", "https://example.com/#f", "https://localhost",
      "https://123", "http://example.com/x", "foo:bar", "mailto:a b@example.com", "https://ex!ample.com",
      "");

  @Provide
  Arbitrary<String> stsTexts() {
    Arbitrary<String> piece = Arbitraries.of(
        "v=STSv1;", "v=STSv1", "v=STSv1 ;", "v=STSV1;", " ", "\t", ";", "id=", "id=abc",
        "id=20261124093000Z", "id=" + "a".repeat(32), "id=" + "a".repeat(33), "id=a-b", "id=a_b", "x=1",
        "é", "\u0001", "ID=abc", "id");
    return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> tlsRptTexts() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(URIS)),
        net.jqwik.api.Tuple.of(4, Arbitraries.of(
            "v=TLSRPTv1;", "v=TLSRPTv1", "v=TLSRPTv1 ;", "rua=", "rua=", ",", ", ", ";", " ", "\t",
            "x=1", "rua", "RUA=")));
    return piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void stsRecordParseAgreesWithTheGeneralPath(@ForAll("stsTexts") String text) {
    assertEquals(outcome(() -> StsRecord.read(text, ParseMode.STRICT).value()),
        outcome(() -> StsRecord.parse(text)), text);
  }

  @Property(tries = 3000)
  void tlsRptRecordParseAgreesWithTheGeneralPath(@ForAll("tlsRptTexts") String text) {
    assertEquals(outcome(() -> TlsRptRecord.read(text, ParseMode.STRICT).value()),
        outcome(() -> TlsRptRecord.parse(text)), text);
  }

  @Property(tries = 3000)
  void recordsOfThePlainShapeParseAsTheGeneralPathSaysToo(@ForAll("plainTlsRpt") String text) {
    TlsRptRecord fast = TlsRptRecord.parse(text);
    TlsRptRecord general = TlsRptRecord.read(text, ParseMode.STRICT).value();
    assertEquals(general, fast);
    assertEquals(general.toText(), fast.toText());
    assertEquals(general.hashCode(), fast.hashCode());
  }

  @Provide
  Arbitrary<String> plainTlsRpt() {
    Arbitrary<String> plain = Arbitraries.of(URIS).filter(RuaUris::isPlain);
    return plain.list().ofMinSize(1).ofMaxSize(4).uniqueElements()
        .map(l -> "v=TLSRPTv1; rua=" + String.join(",", l));
  }

  /** A plain URI is one that java.net.URI reads and that passes every rua rule. */
  @ParameterizedTest
  @ValueSource(strings = {
    "mailto:tlsrpt@example.com", "mailto:a.b+c_d-e@mx.example-corp.co", "mailto:A@Example.COM",
    "https://tlsrpt.example.com/v1", "https://example.com", "https://r.example.com/a/b.c_d~e-f",
    "https://EXAMPLE.com/", "https://localhost",
  })
  void plainUrisAreValidRuaUris(String text) throws URISyntaxException {
    assertTrue(RuaUris.isPlain(text), text);
    URI uri = new URI(text);
    assertNull(RuaUris.problem(uri), text);
    assertTrue(uri.getScheme().equals("mailto") || uri.getScheme().equals("https"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "mailto:@example.com", "mailto:a@", "mailto:a@b@c", "mailto:a@example.com?subject=x",
    "mailto:a%2Cb@example.com", "MAILTO:a@example.com", "mailto:", "https://1.2.3.4/x", "https://a.1b/x",
    "https://a-.example/x", "https://-a.example/x", "https://a..example/x", "https://example.com./x",
    "https://a_b.example/x", "https://example.com:8443/x", "https://u@example.com/x", "https:///x",
    "https://", "https://example.com/a%20b", "https://example.com/?q", "https://example.com/#f",
    "https://123", "http://example.com/x", "",
  })
  void otherUrisGoThroughJavaNetUri(String text) {
    assertFalse(RuaUris.isPlain(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "v=TLSRPTv1; rua=mailto:a@example.com,mailto:A@example.com",
    "v=TLSRPTv1; rua=https://EXAMPLE.com/x,https://example.com/x",
    "v=TLSRPTv1; rua=mailto:a@example.com,mailto:a@example.com",
  })
  void repeatsAreFoundByUriEquality(String text) {
    ParseResult<TlsRptRecord> r = TlsRptRecord.read(text, ParseMode.STRICT);
    String[] parts = text.substring(text.indexOf('=', 3) + 1).split(",");
    boolean equal = URI.create(parts[0]).equals(URI.create(parts[1]));
    assertEquals(equal ? 1 : 2, r.value().rua().size(), text);
    assertEquals(equal ? 1 : 0, r.warnings().size(), text);
    assertEquals(TlsRptRecord.parse(text), r.value());
  }

  private static String outcome(java.util.function.Supplier<Object> parse) {
    try {
      Object record = parse.get();
      return "ok " + record;
    } catch (RecordParseException e) {
      return e.code() + " " + e.column() + " " + e.getMessage();
    }
  }
}
