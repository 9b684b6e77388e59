package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertEquals(report, TlsRptReader.strict().read(TlsRptWriter.compact().writeGzip(report)).value());

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
  void unicodePolicyDomainIsRefusedWhenThePolicyIsBuiltSoNoDayIsLost() {
    // Regression: AppliedPolicy accepted "bücher.example"; the drain then removed the whole day
    // before ReportFileName refused the domain, and every other domain's tallies of that day went.
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    Instant t = Instant.parse("2026-01-01T12:00:00Z");
    b.recordSuccesses(STS, t, 3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AppliedPolicy.sts("bücher.example", List.of("version: STSv1"), List.of("mx.example")));
    assertTrue(e.getMessage().contains("A-labels"), e.getMessage());
    assertTrue(e.getMessage().contains("java.net.IDN.toASCII"), e.getMessage());
    assertTrue(e.getMessage().contains("xn--bcher-kva.example"), e.getMessage());
    List<GeneratedReport> reports = b.drainAll();
    assertEquals(1, reports.size());
    assertEquals(3, reports.get(0).report().policies().get(0).successfulSessionCount());
    // The A-label form is what a sender records.
    AppliedPolicy ascii = AppliedPolicy.noPolicyFound(java.net.IDN.toASCII("bücher.example"));
    b.recordSuccess(ascii, t);
    assertEquals("xn--bcher-kva.example", b.drainAll().get(0).fileName().policyDomain());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bücher.example", "", ".example.com", "example.com.", "a..example", "ex ample.com",
        "bad!domain", "*.example.com", "a/b.example"
      })
  void appliedPolicyRefusesDomainsThatAreNotAsciiDnsNames(String domain) {
    assertThrows(IllegalArgumentException.class, () -> AppliedPolicy.noPolicyFound(domain));
    assertThrows(IllegalArgumentException.class, () -> AppliedPolicy.tlsa(domain, List.of("3 1 1 AB")));
  }

  @Test
  void appliedPolicyRefusesOverlongLabelsAndNames() {
    String label64 = "a".repeat(64);
    assertThrows(IllegalArgumentException.class, () -> AppliedPolicy.noPolicyFound(label64 + ".example"));
    String name254 = ("a".repeat(62) + ".").repeat(4) + "ab"; // 4 * 63 + 2 = 254 characters
    assertEquals(254, name254.length());
    assertThrows(IllegalArgumentException.class, () -> AppliedPolicy.noPolicyFound(name254));
    assertEquals("a".repeat(63) + ".example", AppliedPolicy.noPolicyFound("a".repeat(63) + ".example").policyDomain());
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "EXAMPLE.com", "xn--bcher-kva.example", "_tls.a-b.example", "localhost"})
  void appliedPolicyAcceptsAsciiDnsNames(String domain) {
    assertEquals(domain, AppliedPolicy.noPolicyFound(domain).policyDomain());
  }

  @Test
  void outOfRangeTimesAndCountsAreRefusedWhenRecordedNotWhenDrained() {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    Instant t = Instant.parse("2026-01-01T12:00:00Z");
    b.recordSuccess(STS, t);
    // Before 1970 a file name cannot carry the period; after 9999 a date-time cannot.
    assertThrows(IllegalArgumentException.class, () -> b.recordSuccess(STS, Instant.parse("1969-12-31T23:59:59Z")));
    assertThrows(IllegalArgumentException.class, () -> b.recordSuccess(STS, Instant.parse("+10000-01-01T00:00:00Z")));
    // A count a report cannot carry (I-JSON: at most 2^53-1), alone or added up.
    assertThrows(IllegalArgumentException.class, () -> b.recordSuccesses(STS, t, 1L << 53));
    b.recordSuccesses(STS, t, (1L << 53) - 2);
    assertThrows(IllegalArgumentException.class, () -> b.recordSuccesses(STS, t, 1));
    FailureDetail f = FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 1L << 53);
    assertThrows(IllegalArgumentException.class, () -> b.recordFailure(STS, t, f));
    List<GeneratedReport> reports = b.drainAll();
    assertEquals(1, reports.size());
    PolicyResult p = reports.get(0).report().policies().get(0);
    assertEquals((1L << 53) - 1, p.successfulSessionCount());
    assertEquals(0, p.failedSessionCount());
    assertEquals(p, TlsRptReader.strict().read(TlsRptWriter.compact().write(reports.get(0).report())).value().policies().get(0));
  }

  @Test
  void stsPolicyWithoutMxHostsGeneratesAStrictlyReadableReport() {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("O", "r@s.example", "s.example");
    AppliedPolicy noMx = AppliedPolicy.sts("example.com", List.of("version: STSv1", "mode: none", "max_age: 86400"), List.of());
    b.recordSuccess(noMx, Instant.parse("2026-01-01T12:00:00Z"));
    TlsRptReport r = b.drainAll().get(0).report();
    assertEquals(r, TlsRptReader.strict().read(TlsRptWriter.compact().write(r)).value());
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
