package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtasts.policy.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

final class TlsRptWriterTest {

  private static final TlsRptReport SMALL =
      TlsRptReport.of(
          "Org",
          new DateRange(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T23:59:59Z")),
          null,
          "id",
          List.of(
              PolicyResult.of(
                  PolicyType.NO_POLICY_FOUND, List.of(), "d.example", List.of(), 3, 0, List.of())));

  @Test
  void writesMembersInRfcOrderAndLeavesOutAbsentOnes() {
    assertEquals(
        "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":\"2024-01-01T00:00:00Z\","
            + "\"end-datetime\":\"2024-01-01T23:59:59Z\"},\"report-id\":\"id\",\"policies\":[{\"policy\":"
            + "{\"policy-type\":\"no-policy-found\",\"policy-string\":[],\"policy-domain\":\"d.example\"},"
            + "\"summary\":{\"total-successful-session-count\":3,\"total-failure-session-count\":0},"
            + "\"failure-details\":[]}]}",
        TlsRptWriter.compact().writeString(SMALL));
  }

  @Test
  void rfcExampleIsWrittenWithMxHostArrayAndReadsBackStrictly() {
    TlsRptReport rfc = TlsRptReader.strict().read(Corpus.file("rfc8460-appendix-b.json")).value();
    String json = TlsRptWriter.pretty().writeString(rfc);
    ParseResult<TlsRptReport> again = TlsRptReader.strict().read(json);
    assertEquals(rfc, again.value());
    assertEquals(List.of(), again.warnings());
  }

  @Test
  void stsPolicyIsWrittenWithMxHostEvenWhenEmptySoTheStrictReaderAcceptsIt() {
    PolicyResult noMx =
        PolicyResult.of(
            PolicyType.STS, List.of("version: STSv1", "mode: none", "max_age: 86400"), "d.example",
            List.of(), 4, 0, List.of());
    TlsRptReport r =
        TlsRptReport.of("Org", SMALL.dateRange(), "a@b.example", "id", List.of(noMx));
    String json = TlsRptWriter.compact().writeString(r);
    assertEquals(true, json.contains("\"policy-domain\":\"d.example\",\"mx-host\":[]}"), json);
    assertEquals(r, TlsRptReader.strict().read(json).value());
    // Other types leave an empty mx-host out.
    assertEquals(false, TlsRptWriter.compact().writeString(SMALL).contains("mx-host"));
  }

  @Test
  void gzipOutputIsGzipOfThePlainOutput() throws IOException {
    byte[] gz = TlsRptWriter.compact().writeGzip(SMALL);
    assertEquals(0x1f, gz[0] & 0xff);
    assertEquals(0x8b, gz[1] & 0xff);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertEquals(TlsRptWriter.compact().writeString(SMALL), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void unknownMembersAreWrittenSortedAfterKnownOnes() {
    TlsRptReport r =
        new TlsRptReport(
            SMALL.organizationName(), SMALL.dateRange(), "a@b.example", "id", List.of(), Map.of("z", "1", "b", "[true]"), Map.of());
    String json = TlsRptWriter.compact().writeString(r);
    assertEquals(true, json.endsWith("\"policies\":[],\"b\":[true],\"z\":1}"), json);
  }

  @Test
  void invalidUnknownMemberIsCallerMisuse() {
    TlsRptReport r =
        new TlsRptReport(
            "Org", SMALL.dateRange(), null, "id", List.of(), Map.of("x", "{not json"), Map.of());
    assertThrows(IllegalArgumentException.class, () -> TlsRptWriter.compact().write(r));
  }

  @Test
  void fractionalSecondsSurvive() {
    TlsRptReport r =
        TlsRptReport.of(
            "Org",
            new DateRange(Instant.parse("2024-01-01T00:00:00.5Z"), Instant.parse("2024-01-02T00:00:00Z")),
            null,
            "id",
            List.of());
    String json = TlsRptWriter.compact().writeString(r);
    assertEquals(true, json.contains("\"2024-01-01T00:00:00.500Z\""), json);
    assertEquals(r, TlsRptReader.lenient().read(json).value());
  }
}
