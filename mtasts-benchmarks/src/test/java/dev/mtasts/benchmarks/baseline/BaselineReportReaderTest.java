package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.benchmarks.data.Corpus;
import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.benchmarks.data.ReportSets;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class BaselineReportReaderTest {

  private final BaselineReportReader baseline = new BaselineReportReader();

  private static void assertSameFigures(TlsRptReport sdk, BaselineReport base) {
    assertEquals(sdk.reportId(), base.reportId());
    assertEquals(sdk.dateRange().start(), base.start());
    assertEquals(sdk.policies().size(), base.policies().size());
    for (int i = 0; i < sdk.policies().size(); i++) {
      PolicyResult p = sdk.policies().get(i);
      BaselineReport.Policy b = base.policies().get(i);
      assertEquals(p.successfulSessionCount(), b.successfulSessions());
      assertEquals(p.failedSessionCount(), b.failedSessions());
      assertEquals(p.failureDetails().size(), b.failureDetails().size());
      for (int j = 0; j < p.failureDetails().size(); j++) {
        assertEquals(
            p.failureDetails().get(j).resultType().wireName(),
            b.failureDetails().get(j).resultType());
        assertEquals(
            p.failureDetails().get(j).failedSessionCount(),
            b.failureDetails().get(j).failedSessions());
      }
    }
  }

  @Test
  void largeReportHoldsTenThousandDetailsForBothReaders() {
    byte[] json = ReportData.largeReport().toJsonBytes();
    TlsRptReport sdk = TlsRptReader.lenient().read(json).value();
    BaselineReport base = baseline.read(json);
    assertEquals(ReportData.LARGE_REPORT_DETAILS, base.policies().get(0).failureDetails().size());
    assertSameFigures(sdk, base);
  }

  @Test
  void gzipPathReadsTheSameReport() {
    byte[] json = ReportData.largeReport().toJsonBytes();
    assertEquals(baseline.read(json), baseline.readMaybeGzip(Corpus.gzip(json)));
    assertEquals(
        TlsRptReader.lenient().read(json).value(),
        TlsRptReader.lenient().read(Corpus.gzip(json)).value());
  }

  @Test
  void corpusReportsReadToTheSameFiguresByBothReaders() {
    Assumptions.assumeTrue(Corpus.tlsrptDir().isPresent(), "corpus not available");
    List<byte[]> documents = ReportSets.plain(ReportSets.CORPUS);
    // All but deliberately broken files are part of the benchmark set.
    Assumptions.assumeTrue(documents.size() >= 20, "fewer corpus reports than expected");
    for (byte[] json : documents) {
      assertSameFigures(TlsRptReader.lenient().read(json).value(), baseline.read(json));
    }
  }
}
