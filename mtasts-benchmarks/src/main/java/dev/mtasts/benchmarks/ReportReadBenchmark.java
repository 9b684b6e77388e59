package dev.mtasts.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.benchmarks.baseline.BaselineReportReader;
import dev.mtasts.benchmarks.data.ReportSets;
import dev.mtasts.tlsrpt.TlsRptReader;
import java.io.IOException;
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
 * failure details). Target (issue 20): at least 600 MB/s and 1.8x the databind baseline on both
 * sets ({@code bench/run} derives MB/s from the set's size); {@link #jacksonFloor} shows the
 * parser's own cost beside them.
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
  private final JsonFactory jsonFactory = new JsonFactory();

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
   * Runs Jackson's streaming parser over every document, reading each token, member name, string
   * and number and building nothing: the floor under any reader built on that parser (the SDK's
   * included), measured beside it so the table shows how far above the floor the reader is.
   *
   * @param bh consumes what was read
   * @throws IOException never: the documents are well-formed JSON
   */
  @Benchmark
  public void jacksonFloor(Blackhole bh) throws IOException {
    for (byte[] d : documents) {
      try (JsonParser p = jsonFactory.createParser(d)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME) {
            bh.consume(p.currentName());
          } else if (t == JsonToken.VALUE_STRING) {
            bh.consume(p.getText());
          } else if (t == JsonToken.VALUE_NUMBER_INT) {
            bh.consume(p.getLongValue());
          }
        }
      }
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
