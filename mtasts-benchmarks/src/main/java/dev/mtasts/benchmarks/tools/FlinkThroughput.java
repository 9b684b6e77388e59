package dev.mtasts.benchmarks.tools;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import dev.mtasts.tlsrpt.flink.DailySummary;
import dev.mtasts.tlsrpt.flink.DomainSplitter;
import dev.mtasts.tlsrpt.flink.RawReport;
import dev.mtasts.tlsrpt.flink.TlsRptPipeline;
import dev.mtasts.tlsrpt.flink.TlsRptTypes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The Flink pipeline's throughput on a local MiniCluster at parallelism 1 and 2 against the
 * single-threaded accumulator on the same reports in the same JVM, and the summary state per
 * domain-day. Run by {@code bench/flink}; not JMH: a Flink job is seconds long, and its startup is
 * excluded by taking the job's net runtime.
 *
 * <p>Both sides start from the same report bytes held in memory (half plain JSON, half gzip) and
 * do the same work per report: read it with the lenient reader and add it to a {@code
 * ReportSummary} accumulator. The engine adds what a cluster needs: event time, deduplication in
 * keyed state, the split per policy domain, two shuffles (each serializing the report as JSON),
 * and one window per domain and UTC day.
 */
public final class FlinkThroughput {
  private static final String[] ORGS = {"Google Inc.", "Microsoft Corporation", "Mail.Ru", "Example Sender"};

  /** The inputs, shared with the job's source in the same JVM (the MiniCluster runs here). */
  private static byte[][] inputs = new byte[0][];

  private FlinkThroughput() {}

  /** Reads the input of one index (a static holder: the source does not serialize the data). */
  static final class FromMemory implements GeneratorFunction<Long, RawReport> {
    private static final long serialVersionUID = 1L;

    @Override
    public RawReport map(Long index) {
      return new RawReport("memory-" + index, inputs[index.intValue()]);
    }
  }

  static TlsRptReport report(int i, int domains, int days, long firstDay) {
    String domain = "d" + (i % domains) + ".example";
    LocalDate day = LocalDate.ofEpochDay(firstDay + (i / domains) % days);
    long failed = i % 4 == 0 ? i % 13 : 0;
    List<FailureDetail> details = failed == 0 ? List.of()
        : List.of(FailureDetail.of(i % 8 == 0 ? ResultType.CERTIFICATE_EXPIRED : ResultType.STARTTLS_NOT_SUPPORTED,
            "192.0.2." + (i % 50), "mx" + (i % 3) + "." + domain, failed));
    return TlsRptReport.of(ORGS[i % ORGS.length], DateRange.ofUtcDay(day), "mailto:tlsrpt@sender.example",
        "bench-" + i, List.of(PolicyResult.of(PolicyType.STS, List.of("version: STSv1", "mode: testing",
            "mx: *." + domain, "max_age: 86400"), domain, List.of(), 100 + (i * 37L) % 900, failed, details)));
  }

  /**
   * Runs the measurement.
   *
   * @param args {@code [REPORTS [DOMAINS [DAYS [ROUNDS]]]]}, default 20000 500 14 3
   * @throws Exception when a job fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int domains = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 14;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    long firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(days + 5L).toEpochDay();
    List<TlsRptReport> reports = new ArrayList<>(n);
    byte[][] bytes = new byte[n][];
    long totalBytes = 0;
    for (int i = 0; i < n; i++) {
      TlsRptReport r = report(i, domains, days, firstDay);
      reports.add(r);
      bytes[i] = i % 2 == 0 ? TlsRptWriter.compact().write(r) : TlsRptWriter.compact().writeGzip(r);
      totalBytes += bytes[i].length;
    }
    inputs = bytes;
    String load = loadAverage();

    // Warm-up of both sides (JIT, class loading): one small round each.
    single(bytes);
    engine(Math.min(n, 2000), 1);

    double bestSingle = 0;
    double bestP1 = 0;
    double bestP2 = 0;
    for (int round = 0; round < rounds; round++) {
      bestSingle = Math.max(bestSingle, single(bytes));
      bestP1 = Math.max(bestP1, engine(n, 1));
      bestP2 = Math.max(bestP2, engine(n, 2));
    }

    // The state of a window: per domain and day, an accumulator of the reports covering the day.
    Map<String, ReportSummary.Accumulator> windows = new HashMap<>();
    for (TlsRptReport r : reports) {
      String key = DomainSplitter.BY_POLICY_DOMAIN.getKey(r) + " " + r.dateRange().firstDay();
      windows.computeIfAbsent(key, k -> ReportSummary.newAccumulator()).add(r);
    }
    long stateBytes = 0;
    for (ReportSummary.Accumulator a : windows.values()) {
      stateBytes += a.toBytes().length;
    }

    System.out.printf(Locale.ROOT, "# Flink pipeline vs single-threaded accumulator%n");
    System.out.printf(Locale.ROOT, "reports %d (%d domains x %d days, %.1f MB as sent, half gzip), best of %d rounds, load average at start: %s%n",
        n, domains, days, totalBytes / 1e6, rounds, load);
    System.out.printf(Locale.ROOT, "| run | reports/s | vs parallelism 1 | cost per report vs single-threaded |%n");
    System.out.printf(Locale.ROOT, "| --- | --- | --- | --- |%n");
    System.out.printf(Locale.ROOT, "| single-threaded accumulator (read + add) | %.0f | | 1.00x |%n", bestSingle);
    System.out.printf(Locale.ROOT, "| Flink MiniCluster, parallelism 1 | %.0f | 1.00x | %.2fx |%n", bestP1, bestSingle / bestP1);
    System.out.printf(Locale.ROOT, "| Flink MiniCluster, parallelism 2 | %.0f | %.2fx | %.2fx |%n", bestP2, bestP2 / bestP1, bestSingle / bestP2);
    System.out.printf(Locale.ROOT, "state: %d domain-day windows, %d bytes serialized, %.0f bytes per domain-day%n",
        windows.size(), stateBytes, stateBytes / (double) windows.size());
    System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
  }

  /** Reads and adds every input on this thread; returns reports per second. */
  private static double single(byte[][] bytes) {
    long t0 = System.nanoTime();
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    TlsRptReader reader = TlsRptReader.lenient();
    for (byte[] b : bytes) {
      acc.add(reader.read(b).value());
    }
    long t = System.nanoTime() - t0;
    if (acc.snapshot().reportCount() != bytes.length) {
      throw new IllegalStateException("the accumulator lost reports");
    }
    return bytes.length / (t / 1e9);
  }

  /** Runs the pipeline over the first {@code n} inputs; returns reports per second of net runtime. */
  private static double engine(int n, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
        .maxOutOfOrderness(Duration.ofDays(30))
        .build()
        .apply(env.fromSource(new DataGeneratorSource<>(new FromMemory(), n, TlsRptTypes.RAW_REPORT),
            WatermarkStrategy.noWatermarks(), "reports in memory"));
    r.dailySummaries().sinkTo(new DiscardingSink<DailySummary>());
    r.rejected().sinkTo(new DiscardingSink<>());
    JobExecutionResult result = env.execute("throughput p" + parallelism);
    long ms = Math.max(1, result.getNetRuntime(TimeUnit.MILLISECONDS));
    return n / (ms / 1000.0);
  }

  private static String loadAverage() {
    try {
      String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
      String[] f = s.split(" ");
      return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
