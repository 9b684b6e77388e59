package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselineAggregator;
import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aggregating 100,000 reports (one policy result each, every one with its own report-id) over
 * 1,000 distinct keys (5 policy domains x 10 days x 20 result-type/IP/MX combinations). The
 * reports are read once, by the SDK's reader, before measuring. Target: at least 2 million policy
 * results per second ({@code bench/run} derives it from ms/op). Retained memory is measured
 * outside JMH by {@link dev.mtasts.benchmarks.tools.RetainedMemory}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A fixed, pre-touched heap: otherwise the first pass of the allocator over fresh heap pages
// shows up as kernel page faults (a third of the profile), a JVM warm-up effect, not aggregation.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AggregationBenchmark {

  private List<TlsRptReport> reports = List.of();

  /** Creates the benchmark state; JMH calls it. */
  public AggregationBenchmark() {}

  /** Generates and reads the reports. */
  @Setup
  public void setUp() {
    reports = read(0, ReportData.AGGREGATION_REPORTS, ReportData.AGGREGATION_KEYS, 0);
  }

  /**
   * Generates synthetic reports and reads them with the SDK.
   *
   * @param from the index of the first report (report-ids differ by index)
   * @param count how many reports
   * @param keys how many distinct keys
   * @param dayOffset see {@link ReportData#aggregationReport(int, int, int)}
   * @return the reports
   */
  static List<TlsRptReport> read(int from, int count, int keys, int dayOffset) {
    List<TlsRptReport> out = new ArrayList<>(count);
    TlsRptReader reader = TlsRptReader.lenient();
    for (int i = from; i < from + count; i++) {
      out.add(
          reader.read(ReportData.aggregationReport(i, keys, dayOffset).toJsonBytes()).value());
    }
    return out;
  }

  /**
   * Aggregates with the SDK.
   *
   * @return the summary
   */
  @Benchmark
  public ReportSummary aggregate() {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    for (TlsRptReport r : reports) {
      acc.add(r);
    }
    return acc.snapshot();
  }

  /**
   * Aggregates into a {@code HashMap<String, Long>}.
   *
   * @return the counters
   */
  @Benchmark
  public Map<String, Long> aggregateBaseline() {
    BaselineAggregator agg = new BaselineAggregator();
    for (TlsRptReport r : reports) {
      agg.add(r);
    }
    return agg.counts();
  }
}
