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

  /** The key of a job's net runtime in {@link #cpuOfJob}'s map. */
  private static final String NET_RUNTIME = " net runtime";

  private FlinkThroughput() {}

  /** Reads the input of one index (a static holder: the source does not serialize the data). */
  static final class FromMemory implements GeneratorFunction<Long, RawReport> {
    private static final long serialVersionUID = 1L;

    @Override
    public RawReport map(Long index) {
      return new RawReport("memory-" + index, inputs[index.intValue()]);
    }
  }

  /**
   * Samples the CPU time of every live thread every 20 ms while a job runs, so that the CPU each
   * task's threads used is known after they ended (to within one interval each).
   */
  static final class CpuSampler {
    private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<Long, long[]> cpu = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler() {
      thread = new Thread(() -> {
        while (running) {
          sample();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "cpu-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    private void sample() {
      for (long id : mx.getAllThreadIds()) {
        long ns = mx.getThreadCpuTime(id);
        if (ns <= 0) {
          continue;
        }
        cpu.computeIfAbsent(id, k -> new long[1])[0] = ns;
        if (!names.containsKey(id)) {
          java.lang.management.ThreadInfo t = mx.getThreadInfo(id);
          if (t != null) {
            names.put(id, t.getThreadName());
          }
        }
      }
    }

    /** CPU seconds by thread group: each task's threads, the rest of Flink, this JVM's others. */
    Map<String, Double> byGroup() {
      Map<String, Double> m = new java.util.TreeMap<>();
      for (Map.Entry<Long, long[]> e : cpu.entrySet()) {
        String name = names.getOrDefault(e.getKey(), "?");
        String group = name.replaceAll(" \\(\\d+/\\d+\\)#\\d+$", "");
        if (group.equals(name)) {
          group = "(other) " + name.replaceAll("\\d+", "#");
        }
        m.merge(group, e.getValue()[0] / 1e9, Double::sum);
      }
      return m;
    }

    /** Takes a last sample and stops. */
    void stop() throws InterruptedException {
      sample();
      running = false;
      thread.join();
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
   * @param args {@code [REPORTS [DOMAINS [DAYS [ROUNDS]]]]}, default 100000 500 14 3
   * @throws Exception when a job fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int domains = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 14;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    // The short job: a tenth of the reports, still every domain and day (the same windows fire).
    int small = Math.max(1, n / 10);
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
    String loadStart = loadAverage();

    // Warm-up of both sides (JIT, class loading): one round each.
    single(bytes);
    engine(small, 1);
    engine(small, 2);

    double bestSingle = 0;
    double singleCpuMicros = Double.MAX_VALUE;
    double[] fullP = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] smallP = {Double.MAX_VALUE, Double.MAX_VALUE};
    for (int round = 0; round < rounds; round++) {
      long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      bestSingle = Math.max(bestSingle, single(bytes));
      long cpu1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      singleCpuMicros = Math.min(singleCpuMicros, (cpu1 - cpu0) / 1e3 / n);
      for (int p = 1; p <= 2; p++) {
        smallP[p - 1] = Math.min(smallP[p - 1], engine(small, p));
        fullP[p - 1] = Math.min(fullP[p - 1], engine(n, p));
      }
    }
    String loadEnd = loadAverage();
    // Per report: what n - small more reports cost, without the job's start and end (deploying
    // the tasks, firing and writing every window), which both jobs pay alike.
    double perP1 = (n - small) / (fullP[0] - smallP[0]);
    double perP2 = (n - small) / (fullP[1] - smallP[1]);
    double overhead = bestSingle / perP1;
    double scaling = perP2 / perP1;

    Map<String, Double> cpuP1 = cpuOfJob(n, 1);
    Map<String, Double> cpuP2 = cpuOfJob(n, 2);

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
    System.out.printf(Locale.ROOT, "reports %d (%d domains x %d days, %.1f MB as sent, half gzip), short job %d reports, best of %d rounds%n",
        n, domains, days, totalBytes / 1e6, small, rounds);
    System.out.printf(Locale.ROOT, "load average at start: %s%n", loadStart);
    System.out.printf(Locale.ROOT, "load average at end:   %s%n%n", loadEnd);
    System.out.printf(Locale.ROOT, "| run | job of %d: net runtime | job of %d: net runtime | reports/s per report (the %d more) | reports/s whole job | vs parallelism 1 | cost per report vs single-threaded |%n",
        small, n, n - small);
    System.out.printf(Locale.ROOT, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n");
    System.out.printf(Locale.ROOT, "| single-threaded accumulator (read + add) | | | %.0f | %.0f | | 1.00x |%n", bestSingle, bestSingle);
    System.out.printf(Locale.ROOT, "| Flink MiniCluster, parallelism 1 | %.3f s | %.3f s | %.0f | %.0f | 1.00x | %.2fx |%n",
        smallP[0], fullP[0], perP1, n / fullP[0], overhead);
    System.out.printf(Locale.ROOT, "| Flink MiniCluster, parallelism 2 | %.3f s | %.3f s | %.0f | %.0f | %.2fx | %.2fx |%n%n",
        smallP[1], fullP[1], perP2, n / fullP[1], scaling, bestSingle / perP2);
    System.out.printf(Locale.ROOT, "target: engine cost per report at parallelism 1 <= 3x the single-threaded accumulator's: %.2fx: %s%n",
        overhead, overhead <= 3.0 ? "MET" : "MISSED");
    System.out.printf(Locale.ROOT, "target: parallelism 2 >= 1.6x parallelism 1 (reports/s per report): %.2fx: %s%n",
        scaling, scaling >= 1.6 ? "MET" : "MISSED");
    System.out.printf(Locale.ROOT, "(whole jobs, start included: cost %.2fx, parallelism 2 %.2fx parallelism 1)%n",
        bestSingle / (n / fullP[0]), fullP[0] / fullP[1]);
    System.out.printf(Locale.ROOT, "%nCPU per report, by task, in one more job of %d reports (microseconds of thread CPU time, which other"
        + " work on the machine does not inflate much; the threads of a task's parallel instances summed):%n", n);
    System.out.printf(Locale.ROOT, "| threads | parallelism 1 | parallelism 2 |%n| --- | ---: | ---: |%n");
    double[] tasks = new double[2];
    double[] rest = new double[2];
    double[] setUp = new double[2];
    java.util.Set<String> groups = new java.util.TreeSet<>(cpuP1.keySet());
    groups.addAll(cpuP2.keySet());
    groups.remove(NET_RUNTIME);
    for (String g : groups) {
      double[] v = {cpuP1.getOrDefault(g, 0.0), cpuP2.getOrDefault(g, 0.0)};
      boolean task = !g.startsWith("(other)") && !g.contains("Flusher") && !g.contains("Trigger");
      for (int i = 0; i < 2; i++) {
        if (g.equals("(other) cpu-sampler")) {
          continue;
        } else if (g.equals("(other) main")) {
          setUp[i] += v[i];
        } else if (task) {
          tasks[i] += v[i];
        } else {
          rest[i] += v[i];
        }
      }
      if (task) {
        System.out.printf(Locale.ROOT, "| task: %s | %.2f | %.2f |%n", g, v[0] / n * 1e6, v[1] / n * 1e6);
      }
    }
    System.out.printf(Locale.ROOT, "| all tasks | %.2f | %.2f |%n", tasks[0] / n * 1e6, tasks[1] / n * 1e6);
    System.out.printf(Locale.ROOT, "| Flink's other threads (RPC, metrics, output flushers, timers) | %.2f | %.2f |%n",
        rest[0] / n * 1e6, rest[1] / n * 1e6);
    System.out.printf(Locale.ROOT, "| main thread (starts the MiniCluster, builds the job; once per job) | %.2f | %.2f |%n",
        setUp[0] / n * 1e6, setUp[1] / n * 1e6);
    System.out.printf(Locale.ROOT, "| single-threaded accumulator, the same reports (read + add) | %.2f | |%n", singleCpuMicros);
    System.out.printf(Locale.ROOT, "CPU per report of all tasks at parallelism 1: %.2fx the single-threaded accumulator's%n",
        tasks[0] / n * 1e6 / singleCpuMicros);
    double busy1 = tasks[0] / cpuP1.get(NET_RUNTIME);
    double busy2 = tasks[1] / cpuP2.get(NET_RUNTIME);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "cores kept busy by the tasks (their CPU time over the net runtime): %.2f at parallelism 1,"
        + " %.2f at parallelism 2, of %d; on a quiet machine, parallelism 2 on %d cores can give at most %d / %.2f = %.2fx"
        + " parallelism 1 (parallelism 1 runs its tasks in %d threads, which already share the cores)%n%n",
        busy1, busy2, cores, cores, cores, busy1, cores / busy1, 3);
    System.out.printf(Locale.ROOT, "state: %d domain-day windows, %d bytes serialized, %.0f bytes per domain-day%n",
        windows.size(), stateBytes, stateBytes / (double) windows.size());
    if (load(loadStart) > 1.0 || load(loadEnd) > 1.0) {
      System.out.printf(Locale.ROOT, "NOTE: the 1-minute load average was above 1 on 2 cores: other work shared the"
          + " machine, and the figures are not those of a quiet machine%n");
    }
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

  /** Runs the pipeline over the first {@code n} inputs; returns the job's net runtime in seconds. */
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
    return Math.max(1, result.getNetRuntime(TimeUnit.MILLISECONDS)) / 1000.0;
  }

  /**
   * The CPU seconds by thread group of one job (this JVM's threads: the MiniCluster runs here), and
   * under the key {@link #NET_RUNTIME} the job's net runtime in seconds.
   */
  private static Map<String, Double> cpuOfJob(int n, int parallelism) throws Exception {
    Map<String, Double> before;
    Map<String, Double> after;
    double seconds;
    CpuSampler s = new CpuSampler();
    try {
      Thread.sleep(50);
      before = s.byGroup();
      seconds = engine(n, parallelism);
    } finally {
      s.stop();
    }
    after = s.byGroup();
    Map<String, Double> used = new java.util.TreeMap<>();
    for (Map.Entry<String, Double> e : after.entrySet()) {
      double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      if (d > 0.0005) {
        used.put(e.getKey(), d);
      }
    }
    used.put(NET_RUNTIME, seconds);
    return used;
  }

  private static double load(String loadAverage) {
    try {
      return Double.parseDouble(loadAverage.split(" ")[0]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
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
