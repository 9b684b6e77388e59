package dev.mtasts.tlsrpt.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

final class PiecesTest {
  private static final GeneratedReports G = new GeneratedReports(700, 0, 50, 14);

  private static final class ListCollector<T> implements Collector<T> {
    final List<T> items = new ArrayList<>();

    @Override
    public void collect(T record) {
      items.add(record);
    }

    @Override
    public void close() {}
  }

  @Test
  void splittingPerDomainKeepsEveryDomainsFiguresExactly() throws Exception {
    ListCollector<TlsRptReport> parts = new ListCollector<>();
    DomainSplitter split = new DomainSplitter();
    for (TlsRptReport r : G.originals()) {
      split.flatMap(r, parts);
    }
    assertTrue(parts.items.size() > G.count, "some reports name two domains");
    ReportSummary whole = ReportSummary.of(G.originals());
    // Each domain's window sees only that domain's parts (two parts of one report share its name).
    java.util.Map<String, List<TlsRptReport>> byDomain = new java.util.TreeMap<>();
    for (TlsRptReport p : parts.items) {
      byDomain.computeIfAbsent(DomainSplitter.domainOf(p.policies().get(0)), k -> new ArrayList<>()).add(p);
    }
    assertEquals(whole.domains(), byDomain.keySet());
    for (String d : whole.domains()) {
      ReportSummary pieces = ReportSummary.of(byDomain.get(d));
      assertEquals(0, pieces.conflictingReports(), d);
      assertEquals(whole.domain(d).days(), pieces.domain(d).days(), d);
      assertEquals(whole.domain(d).failures(), pieces.domain(d).failures(), d);
      assertEquals(whole.domain(d).byPolicyType(), pieces.domain(d).byPolicyType(), d);
    }
    for (TlsRptReport p : parts.items) {
      assertEquals(1, p.policies().stream().map(DomainSplitter::domainOf).distinct().count());
    }
  }

  @Test
  void aReportGoesToTheWindowOfEveryUtcDayItCovers() {
    UtcDayWindows w = new UtcDayWindows(31);
    TlsRptReport twoDays = TlsRptReport.of("o", new DateRange(Instant.parse("2026-11-20T00:00:00Z"),
        Instant.parse("2026-11-22T00:00:00Z")), null, "x", G.report(0).policies());
    Collection<TimeWindow> windows = w.assignWindows(twoDays, 0, null);
    // Ending exactly at midnight, the range does not cover 11-22 (DateRange.lastDay()).
    assertEquals(List.of(day("2026-11-20"), day("2026-11-21")), new ArrayList<>(windows));
  }

  @Test
  void aReportClaimingTooManyDaysOpensOneWindowOnly() {
    UtcDayWindows w = new UtcDayWindows(31);
    TlsRptReport decade = TlsRptReport.of("o", new DateRange(Instant.parse("2016-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z")), null, "x", G.report(0).policies());
    assertEquals(List.of(day("2016-01-01")), new ArrayList<>(w.assignWindows(decade, 0, null)));
  }

  private static TimeWindow day(String d) {
    long start = LocalDate.parse(d).toEpochDay() * 86_400_000L;
    return new TimeWindow(start, start + 86_400_000L);
  }

  @Test
  void theJobsOptionsParseWithDefaultsAndRefuseWhatIsWrong() {
    TlsRptAggregationJob.Options o = TlsRptAggregationJob.parse(new String[] {
        "--input", "in", "--input", "in2", "--output", "out", "--monitor", "30s"});
    assertEquals(List.of("in", "in2"), o.inputs());
    assertEquals("out-rejected", o.rejected());
    assertEquals(Duration.ofSeconds(30), o.monitor());
    assertEquals(Duration.ofMinutes(1), o.checkpointInterval(), "a watching job checkpoints");
    assertEquals(Duration.ofDays(7), o.allowedLateness());
    assertEquals(Duration.ofMillis(500), TlsRptAggregationJob.duration("--x", "500ms"));
    assertEquals(Duration.ofDays(3), TlsRptAggregationJob.duration("--x", "3d"));
    assertThrows(IllegalArgumentException.class, () -> TlsRptAggregationJob.parse(new String[] {"--input", "in"}));
    assertThrows(IllegalArgumentException.class,
        () -> TlsRptAggregationJob.parse(new String[] {"--input", "in", "--output", "o", "--bogus", "1"}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TlsRptAggregationJob.duration("--monitor", "10 parsecs"));
    assertTrue(e.getMessage().contains("--monitor 10 parsecs is not a duration"), e.getMessage());
  }
}
