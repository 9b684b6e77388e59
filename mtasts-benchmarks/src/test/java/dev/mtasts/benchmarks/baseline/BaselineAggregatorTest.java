package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BaselineAggregatorTest {

  private static List<TlsRptReport> reports(int from, int count, int dayOffset) {
    List<TlsRptReport> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      byte[] json =
          ReportData.aggregationReport(i, ReportData.AGGREGATION_KEYS, dayOffset).toJsonBytes();
      out.add(TlsRptReader.lenient().read(json).value());
    }
    return out;
  }

  @Test
  void aggregationDataSpreadsOverExactlyOneThousandFailureKeys() {
    BaselineAggregator agg = new BaselineAggregator();
    for (TlsRptReport r : reports(0, 3_000, 0)) {
      agg.add(r);
    }
    long failureKeys = 0;
    for (String key : agg.counts().keySet()) {
      if (!key.endsWith("|ok") && !key.endsWith("|failed")) {
        failureKeys++;
      }
    }
    assertEquals(ReportData.AGGREGATION_KEYS, failureKeys);
    assertEquals(3_000, agg.reports());
  }

  @Test
  void baselineTotalsEqualTheSdkSummary() {
    List<TlsRptReport> reports = reports(0, 2_000, 0);
    BaselineAggregator agg = new BaselineAggregator();
    for (TlsRptReport r : reports) {
      agg.add(r);
    }
    long ok = 0;
    long failed = 0;
    for (Map.Entry<String, Long> e : agg.counts().entrySet()) {
      if (e.getKey().endsWith("|ok")) {
        ok += e.getValue();
      } else if (e.getKey().endsWith("|failed")) {
        failed += e.getValue();
      }
    }
    ReportSummary summary = ReportSummary.of(reports);
    assertEquals(2_000, summary.reportCount());
    assertEquals(summary.sessions().successful(), ok);
    assertEquals(summary.sessions().failed(), failed);
  }

  @Test
  void sameReportTwiceCountsOnce() {
    BaselineAggregator agg = new BaselineAggregator();
    assertTrue(agg.firstTime("Google Inc.", "rid-1"));
    assertFalse(agg.firstTime("Google Inc.", "rid-1"));
    assertTrue(agg.firstTime("Microsoft Corporation", "rid-1"));
  }

  @Test
  void mergeSummariesShareHalfTheirKeys() {
    int keys = ReportData.AGGREGATION_KEYS;
    BaselineAggregator agg = new BaselineAggregator();
    for (TlsRptReport r : reports(0, keys, 0)) {
      agg.add(r);
    }
    for (TlsRptReport r : reports(keys, keys, 5)) {
      agg.add(r);
    }
    long failureKeys =
        agg.counts().keySet().stream()
            .filter(k -> !k.endsWith("|ok") && !k.endsWith("|failed"))
            .count();
    assertEquals(keys * 3 / 2, failureKeys);
    assertEquals(2 * keys, agg.reports());
  }
}
