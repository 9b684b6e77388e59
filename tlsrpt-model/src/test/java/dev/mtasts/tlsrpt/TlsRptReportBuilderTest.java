package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TlsRptReportBuilderTest {

  private static final AppliedPolicy STS =
      AppliedPolicy.sts(
          "example.com",
          List.of("version: STSv1", "mode: enforce", "mx: mx.example.com", "max_age: 604800"),
          List.of("mx.example.com"));

  @Test
  void emitsOneReportPerDomainPerDayWithCorrectCounts() {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("Sender Org", "tlsrpt@sender.example", "sender.example");
    Instant day1 = Instant.parse("2026-05-11T10:00:00Z");
    b.recordSuccess(STS, day1);
    b.recordSuccesses(STS, day1.plusSeconds(3600), 4);
    FailureDetail expired = FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 1);
    b.recordFailure(STS, day1, expired);
    b.recordFailure(STS, day1.plusSeconds(60), expired);
    b.recordFailure(STS, day1, FailureDetail.of(ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx.example.com", 3));
    b.recordSuccess(AppliedPolicy.noPolicyFound("other.example"), day1);
    b.recordSuccess(STS, Instant.parse("2026-05-12T00:00:00Z"));

    List<GeneratedReport> first = b.drainDaysBefore(LocalDate.parse("2026-05-12"));
    assertEquals(2, first.size());
    GeneratedReport ex = first.get(0);
    TlsRptReport report = ex.report();
    assertEquals(DateRange.ofUtcDay(LocalDate.parse("2026-05-11")), report.dateRange());
    PolicyResult p = report.policies().get(0);
    assertEquals(5, p.successfulSessionCount());
    assertEquals(5, p.failedSessionCount());
    assertEquals(
        List.of(
            expired.withFailedSessionCount(2),
            FailureDetail.of(ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx.example.com", 3)),
        p.failureDetails());
    ReportFileName name = ex.fileName();
    assertEquals("sender.example", name.sender());
    assertEquals("example.com", name.policyDomain());
    assertEquals(report.dateRange().start(), name.begin());
    assertEquals(report.dateRange().end(), name.end());
    assertEquals(name, ReportFileName.parse(name.fileName()));
    assertEquals("other.example", first.get(1).fileName().policyDomain());
    assertNotEquals(report.reportId(), first.get(1).report().reportId());
    // The generated report is RFC 8460 as written.
    assertEquals(report, TlsRptReader.strict().read(TlsRptWriter.compact().writeGzip(report)).report());

    List<GeneratedReport> rest = b.drainAll();
    assertEquals(1, rest.size());
    assertEquals(1, rest.get(0).report().policies().get(0).successfulSessionCount());
    assertEquals(List.of(), b.drainAll());
  }

  @Test
  void reportIdsAreUniqueAcrossDrains() {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      b.recordSuccess(STS, Instant.parse("2026-01-01T00:00:00Z"));
      GeneratedReport r = b.drainAll().get(0);
      ids.add(r.report().reportId());
      ids.add(r.fileName().uniqueId());
    }
    assertEquals(400, ids.size());
  }

  @Test
  void generatedReportsSummarizeToTheRecordedSessions() {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    AppliedPolicy tlsa = AppliedPolicy.tlsa("example.com", List.of("3 1 1 AB"));
    Instant t = Instant.parse("2026-01-01T12:00:00Z");
    b.recordSuccesses(STS, t, 10);
    b.recordSuccesses(tlsa, t, 10);
    ReportSummary s = ReportSummary.of(b.drainAll().stream().map(GeneratedReport::report).toList());
    assertEquals(new SessionCounts(10, 0), s.domain("example.com").sessions());
  }

  @Test
  void rejectsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> TlsRptReportBuilder.newBuilder("O", "no-at", "s.example"));
    assertThrows(IllegalArgumentException.class, () -> TlsRptReportBuilder.newBuilder("O", "a@b", "bad!domain"));
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    assertThrows(IllegalArgumentException.class, () -> b.recordSuccesses(STS, Instant.EPOCH, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> b.recordFailure(STS, Instant.EPOCH, FailureDetail.of(ResultType.DANE_REQUIRED, null, null, 0)));
  }
}
