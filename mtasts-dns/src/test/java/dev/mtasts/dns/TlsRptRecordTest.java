package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.ProblemCode;
import dev.mtasts.policy.Warning;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TlsRptRecordTest {
  @Test
  void parsesTheRfcExamples() {
    assertEquals(List.of(URI.create("mailto:reports@example.com")),
        TlsRptRecord.parse("v=TLSRPTv1;rua=mailto:reports@example.com").rua());
    TlsRptRecord https = TlsRptRecord.parse("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt");
    assertEquals("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt", https.toText());
  }

  @Test
  void acceptsWhitespaceAroundCommasAndKeepsExtensions() {
    TlsRptRecord record = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com , \t https://r.example/x; ext=yes;");
    assertEquals(List.of(URI.create("mailto:a@example.com"), URI.create("https://r.example/x")), record.rua());
    assertEquals(List.of(new ExtensionField("ext", "yes")), record.extensions());
    assertEquals("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example/x; ext=yes", record.toText());
  }

  @Test
  void joinsRepeatedRuaListsInOrderWithAWarning() {
    ParseResult<TlsRptRecord> parsed = TlsRptRecord.read(
        "v=TLSRPTv1; rua=mailto:a@x.example; rua=mailto:b@x.example,mailto:a@x.example", ParseMode.STRICT);
    assertEquals(List.of(URI.create("mailto:a@x.example"), URI.create("mailto:b@x.example")), parsed.value().rua());
    // One for the repeated rua field, one for the URI listed again in it.
    assertEquals(List.of(RecordErrorCode.DUPLICATE_FIELD, RecordErrorCode.DUPLICATE_RUA_URI), codes(parsed),
        parsed.warnings().toString());
  }

  private static List<ProblemCode> codes(ParseResult<?> parsed) {
    return parsed.warnings().stream().map(Warning::code).toList();
  }

  @Test
  void keepsOtherSchemesWithAWarning() {
    ParseResult<TlsRptRecord> parsed = TlsRptRecord.read("v=TLSRPTv1; rua=http://r.example/x", ParseMode.STRICT);
    assertEquals(List.of(URI.create("http://r.example/x")), parsed.value().rua());
    assertTrue(parsed.warnings().get(0).message().contains("neither mailto nor https"));
    assertEquals(List.of(RecordErrorCode.UNSUPPORTED_RUA_SCHEME), codes(parsed));
  }

  @Test
  void acceptsEncodedSpecialCharactersAndSeveralMailtoAddresses() {
    TlsRptRecord record = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@x.example%2Cb@x.example?subject=a%3Bb%21");
    assertEquals("mailto:a@x.example%2Cb@x.example?subject=a%3Bb%21", record.rua().get(0).toString());
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1} at {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "v=TLSRPTv2; rua=mailto:a@b|WRONG_VERSION|3",
      "v=TLSRPTv1|MISSING_RUA|11",
      "v=TLSRPTv1; RUA=mailto:a@b|MISSING_RUA|27",
      "v=TLSRPTv1; rua=|INVALID_RUA|17",
      "v=TLSRPTv1; rua=noscheme|INVALID_RUA|17",
      "v=TLSRPTv1; rua=mailto:a@b,,https://x.example|INVALID_RUA|28",
      "v=TLSRPTv1; rua=mailto:|INVALID_RUA|24",
      "v=TLSRPTv1; rua=mailto:nobody|INVALID_RUA|17",
      "v=TLSRPTv1; rua=mailto:@example.com|INVALID_RUA|17",
      "v=TLSRPTv1; rua=https:///path|INVALID_RUA|17",
      "v=TLSRPTv1; rua=https://r.example/a!b|INVALID_RUA|36",
      "v=TLSRPTv1; rua=mailto:a@b other|INVALID_RUA|27",
      "v=TLSRPTv1; rua=http://bad/%|INVALID_RUA|28",
      "`v=TLSRPTv1; rua=mailto:a@b `|TRAILING_WHITESPACE|27",
      "v=TLSRPTv1; rua=mailto:a@b; e=|INVALID_FIELD_VALUE|31",
  })
  void rejectsWithCodeAndColumn(String text, RecordErrorCode code, int column) {
    RecordParseException e = assertThrows(RecordParseException.class, () -> TlsRptRecord.parse(text));
    assertEquals(code, e.code(), e::getMessage);
    assertEquals(column, e.column(), e::getMessage);
  }

  @Test
  void lenientModeAcceptsTrailingWhitespaceAndEmptyFields() {
    ParseResult<TlsRptRecord> parsed =
        TlsRptRecord.parseLenient("v=TLSRPTv1; rua=mailto:tlsrpt@mox.example , \t\t https://mox.example/tlsrpt  ");
    assertEquals(2, parsed.value().rua().size());
    assertEquals(List.of(RecordErrorCode.TRAILING_WHITESPACE), codes(parsed));
    assertEquals(List.of(RecordErrorCode.EMPTY_FIELD, RecordErrorCode.INVALID_FIELD_VALUE),
        codes(TlsRptRecord.parseLenient("v=TLSRPTv1; rua=mailto:a@b;; e=;")));
  }

  @Test
  void constructorRejectsUnusableUris() {
    assertThrows(IllegalArgumentException.class, () -> TlsRptRecord.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> TlsRptRecord.of(List.of(URI.create("relative"))));
    assertThrows(IllegalArgumentException.class, () -> TlsRptRecord.of(List.of(URI.create("mailto:x"))));
    assertThrows(IllegalArgumentException.class, () -> TlsRptRecord.of(List.of(URI.create("https://a.example/x,y"))));
    assertThrows(IllegalArgumentException.class, () -> new TlsRptRecord(List.of(URI.create("mailto:a@b")),
        List.of(new ExtensionField("rua", "x"))));
  }

  @Test
  void valueSemantics() {
    TlsRptRecord a = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@b");
    assertEquals(a, TlsRptRecord.of(List.of(URI.create("mailto:a@b"))));
    assertEquals(a.hashCode(), TlsRptRecord.of(List.of(URI.create("mailto:a@b"))).hashCode());
    assertNotEquals(a, TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:b@b"));
    assertTrue(a.toString().contains("mailto:a@b"));
  }

  @Test
  void rejectsTheSameUriTwiceInTheModelSoTheTextRoundTrips() {
    URI uri = URI.create("mailto:a@a.example");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TlsRptRecord(List.of(uri, uri), List.of()));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }

  @Test
  void warnsWhenTheTextListsTheSameUriTwice() {
    ParseResult<TlsRptRecord> parsed =
        TlsRptRecord.read("v=TLSRPTv1; rua=mailto:a@a.example,mailto:a@a.example", ParseMode.STRICT);
    assertEquals(List.of(URI.create("mailto:a@a.example")), parsed.value().rua());
    assertEquals(List.of(RecordErrorCode.DUPLICATE_RUA_URI), codes(parsed), parsed.warnings().toString());
    assertTrue(parsed.warnings().get(0).message().contains("more than once"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "mailto:a@x.example%2c           | ''",
    "mailto:a@x.example%2cb          | b",
    "mailto:x%2Cy@z.example          | x",
    "mailto:%2C                      | ''",
    "mailto:@x.example               | @x.example",
    "mailto:a@x.example%2Cb@         | b@",
    "mailto:a@x.example%2C%2Cb@y.example | ''",
  })
  void rejectsEachMailtoPartThatIsNotAnAddressWhicheverCaseTheEncodedCommaHas(String uri, String part) {
    RecordParseException e = assertThrows(RecordParseException.class,
        () -> TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri));
    assertEquals(RecordErrorCode.INVALID_RUA, e.code());
    assertTrue(e.getMessage().contains("holds \"" + part + "\", which is not an e-mail address"), e.getMessage());
    IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
        () -> TlsRptRecord.of(List.of(URI.create(uri))));
    assertTrue(model.getMessage().contains("holds \"" + part + "\""), model.getMessage());
  }

  @Test
  void acceptsMailtoAddressesSeparatedByAnEncodedCommaInEitherCase() {
    TlsRptRecord record = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@x.example%2cb@y.example%2Cc@z.example?subject=r");
    assertEquals(List.of(URI.create("mailto:a@x.example%2cb@y.example%2Cc@z.example?subject=r")), record.rua());
  }

  @Test
  void dropsRepeatsInLongRuaListsToo() {
    StringBuilder text = new StringBuilder("v=TLSRPTv1; rua=");
    for (int i = 0; i < 40; i++) {
      text.append(i == 0 ? "" : ",").append("mailto:r").append(i % 20).append("@x.example");
    }
    ParseResult<TlsRptRecord> parsed = TlsRptRecord.read(text, ParseMode.STRICT);
    assertEquals(20, parsed.value().rua().size());
    assertEquals(URI.create("mailto:r19@x.example"), parsed.value().rua().get(19));
    assertEquals(20, parsed.warnings().size());
    assertTrue(parsed.warnings().stream().allMatch(w -> w.code() == RecordErrorCode.DUPLICATE_RUA_URI));
  }
}
