package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselineReportReader;
import dev.mtasts.benchmarks.data.ReportSets;
import dev.mtasts.tlsrpt.TlsRptReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
 * Reading the same documents as {@link ReportReadBenchmark}, gzip-compressed: the SDK (gzip
 * detected by its magic bytes), the baseline ({@code GZIPInputStream} then databind), and plain
 * inflate alone ({@code GZIPInputStream} drained into a buffer), the floor the target refers to.
 * Target: the SDK within 1.3x of inflate alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReportReadGzipBenchmark {

  /** The document set: {@code corpus} or {@code large}. */
  @Param({ReportSets.CORPUS, ReportSets.LARGE})
  public String reportSet;

  private byte[][] documents = new byte[0][];
  private final byte[] buffer = new byte[64 * 1024];
  private final TlsRptReader reader = TlsRptReader.lenient();
  private final BaselineReportReader baseline = new BaselineReportReader();

  /** Creates the benchmark state; JMH calls it. */
  public ReportReadGzipBenchmark() {
    reportSet = ReportSets.LARGE;
  }

  /** Loads and compresses the documents. */
  @Setup
  public void setUp() {
    documents = ReportSets.gzip(reportSet).toArray(new byte[0][]);
  }

  /**
   * Reads every document with the SDK.
   *
   * @param bh consumes the reports
   */
  @Benchmark
  public void readGzip(Blackhole bh) {
    for (byte[] d : documents) {
      bh.consume(reader.read(d));
    }
  }

  /**
   * Reads every document through {@code GZIPInputStream} and databind's tree model.
   *
   * @param bh consumes the reports
   */
  @Benchmark
  public void readGzipBaseline(Blackhole bh) {
    for (byte[] d : documents) {
      bh.consume(baseline.readMaybeGzip(d));
    }
  }

  /**
   * Inflates every document and throws the bytes away: the cost of gzip alone.
   *
   * @return the number of bytes inflated
   * @throws IOException never, the data is valid gzip
   */
  @Benchmark
  public long inflateOnly() throws IOException {
    long total = 0;
    for (byte[] d : documents) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(d))) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
        }
      }
    }
    return total;
  }
}
