package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.tlsrpt.ReportSummary;
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
 * Merging two summaries of 1,000 keys each (1,000 reports each with distinct report-ids, days 5
 * apart, so half the keys are shared and half are new). There is no baseline. Target: at most 50 µs/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MergeBenchmark {

  private ReportSummary first = ReportSummary.empty();
  private ReportSummary second = ReportSummary.empty();

  /** Creates the benchmark state; JMH calls it. */
  public MergeBenchmark() {}

  /** Builds the two summaries. */
  @Setup
  public void setUp() {
    int keys = ReportData.AGGREGATION_KEYS;
    first = ReportSummary.of(AggregationBenchmark.read(0, keys, keys, 0));
    second = ReportSummary.of(AggregationBenchmark.read(keys, keys, keys, 5));
  }

  /**
   * Merges the two summaries into a new one.
   *
   * @return the merged summary
   */
  @Benchmark
  public ReportSummary merge() {
    return first.merge(second);
  }
}
