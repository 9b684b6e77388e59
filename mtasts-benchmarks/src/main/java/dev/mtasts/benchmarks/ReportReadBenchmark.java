package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselineReportReader;
import dev.mtasts.benchmarks.data.ReportSets;
import dev.mtasts.tlsrpt.TlsRptReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading plain JSON reports with the lenient reader: one operation reads every document of the
 * set ({@code corpus}: each report of the shared corpus; {@code large}: one report with 10,000
 * failure details). Target: at least 300 MB/s and 1.5x the databind baseline ({@code bench/run}
 * derives MB/s from the set's size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReportReadBenchmark {

  /** The document set: {@code corpus} or {@code large}. */
  @Param({ReportSets.CORPUS, ReportSets.LARGE})
  public String reportSet;

  private byte[][] documents = new byte[0][];
  private final TlsRptReader reader = TlsRptReader.lenient();
  private final BaselineReportReader baseline = new BaselineReportReader();

  /** Creates the benchmark state; JMH calls it. */
  public ReportReadBenchmark() {
    reportSet = ReportSets.LARGE;
  }

  /** Loads the documents. */
  @Setup
  public void setUp() {
    documents = ReportSets.plain(reportSet).toArray(new byte[0][]);
  }

  /**
   * Reads every document with the SDK.
   *
   * @param bh consumes the reports
   */
  @Benchmark
  public void read(Blackhole bh) {
    for (byte[] d : documents) {
      bh.consume(reader.read(d));
    }
  }

  /**
   * Reads every document with databind's tree model and a mapping.
   *
   * @param bh consumes the reports
   */
  @Benchmark
  public void readBaseline(Blackhole bh) {
    for (byte[] d : documents) {
      bh.consume(baseline.read(d));
    }
  }
}
