package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.policy.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class ReportPropertiesTest {

  private static final String BASE =
      TlsRptReaderTest.doc(TlsRptReaderTest.POLICY, TlsRptReaderTest.SUMMARY, TlsRptReaderTest.DETAIL, "");

  @Provide
  Arbitrary<TlsRptReport> reports() {
    return ReportArbitraries.report();
  }

  /**
   * The round trip as documented on {@link TlsRptWriter}: equal, except that the lenient reader
   * decodes a tlsa policy string that is a JSON array (and then says so); the generator makes such
   * strings on purpose.
   */
  @Property(tries = 200)
  void writtenReportsReadBackEqual(@ForAll("reports") TlsRptReport report) {
    TlsRptReport expected = ReportArbitraries.lenientlyDecoded(report);
    ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(TlsRptWriter.compact().write(report));
    assertEquals(expected, r.value());
    assertEquals(
        !expected.equals(report),
        r.warnings().stream().anyMatch(w -> w.code() == ReportErrorCode.POLICY_STRING_JSON_ENCODED));
    assertEquals(expected, TlsRptReader.lenient().read(TlsRptWriter.pretty().writeString(report)).value());
    assertEquals(expected, TlsRptReader.lenient().read(TlsRptWriter.compact().writeGzip(report)).value());
    // What the lenient reader returns always reads back equal.
    assertEquals(expected, TlsRptReader.lenient().read(TlsRptWriter.compact().write(expected)).value());
  }

  @Property(tries = 100)
  void writingIsCanonical(@ForAll("reports") TlsRptReport report) {
    byte[] once = TlsRptWriter.compact().write(ReportArbitraries.lenientlyDecoded(report));
    byte[] twice = TlsRptWriter.compact().write(TlsRptReader.lenient().read(once).value());
    assertEquals(new String(once, StandardCharsets.UTF_8), new String(twice, StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<TlsRptReport> strictTlsaReports() {
    Arbitrary<List<String>> records =
        Arbitraries.oneOf(
            ReportArbitraries.jsonArrayText().map(List::of),
            ReportArbitraries.text().list().ofMaxSize(3));
    return records.map(
        rs ->
            TlsRptReport.of(
                "Org",
                DateRange.ofUtcDay(java.time.LocalDate.parse("2024-01-01")),
                "a@b.example",
                "id",
                List.of(PolicyResult.of(PolicyType.TLSA, rs, "d.example", List.of(), 1, 0, List.of()))));
  }

  @Property(tries = 200)
  void strictReaderNeverDecodesPolicyStrings(@ForAll("strictTlsaReports") TlsRptReport report) {
    ParseResult<TlsRptReport> r = TlsRptReader.strict().read(TlsRptWriter.compact().write(report));
    assertEquals(report, r.value());
    assertEquals(List.of(), r.warnings());
  }

  @Property(tries = 500)
  void arbitraryBytesGiveOnlyReportParseException(@ForAll byte[] bytes) {
    readExpectingOnlyParseException(bytes);
    // The same bytes behind a gzip magic number exercise the gzip path.
    byte[] gz = new byte[bytes.length + 2];
    gz[0] = 0x1f;
    gz[1] = (byte) 0x8b;
    System.arraycopy(bytes, 0, gz, 2, bytes.length);
    readExpectingOnlyParseException(gz);
  }

  @Provide
  Arbitrary<String> mutatedJson() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, BASE.length() - 1);
    Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '0', '9', 'e', '.', 'a', ' ', '\\', 'n', '\u00e9', '\u0000');
    Arbitrary<Mutation> one =
        Combinators.combine(Arbitraries.integers().between(0, 3), pos, pos, chars).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
      String s = BASE;
      for (Mutation m : ms) {
        s = m.apply(s);
      }
      return s;
    });
  }

  record Mutation(int kind, int a, int b, char c) {
    String apply(String s) {
      if (s.isEmpty()) {
        return String.valueOf(c);
      }
      int i = Math.min(a, s.length() - 1);
      int j = Math.min(Math.max(i, b), s.length());
      switch (kind) {
        case 0:
          return s.substring(0, i) + s.substring(j); // delete a range
        case 1:
          return s.substring(0, i) + c + s.substring(i); // insert a character
        case 2:
          return s.substring(0, i) + c + s.substring(i + 1); // replace a character
        default:
          return s.substring(0, j) + s.substring(i, j) + s.substring(j); // duplicate a range
      }
    }
  }

  @Property(tries = 1000)
  void mutatedJsonGivesOnlyReportParseException(@ForAll("mutatedJson") String json) {
    for (TlsRptReader reader : List.of(TlsRptReader.lenient(), TlsRptReader.strict())) {
      try {
        TlsRptReport r = reader.read(json).value();
        // Whatever was accepted must write and read back (the same reader: only the lenient
        // one decodes JSON-encoded TLSA policy strings).
        assertEquals(r, reader.read(TlsRptWriter.compact().write(r)).value());
      } catch (ReportParseException expected) {
        assertEquals(expected.getMessage(), expected.location().path() + ": " + expected.detail());
      }
    }
  }

  private static void readExpectingOnlyParseException(byte[] bytes) {
    for (TlsRptReader reader : List.of(TlsRptReader.lenient(), TlsRptReader.strict())) {
      try {
        reader.read(bytes);
        reader.read(new java.io.ByteArrayInputStream(bytes));
      } catch (ReportParseException expected) {
        assertEquals(false, expected.location().path().isEmpty(), Arrays.toString(bytes));
      }
    }
  }
}
