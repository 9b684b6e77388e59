package dev.mtasts.tlsrpt.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import dev.mtasts.tlsrpt.internal.ReportKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline and the job on Flink's MiniCluster at parallelism 4, against the single-machine
 * {@code ReportSummary} of the same reports.
 */
final class TlsRptMiniClusterTest {
  private static final int PARALLELISM = 4;

  /**
   * The size of the generated run: 20,000 reports over 500 domains and 14 days by default (the
   * issue's figure); {@code -Dtlsrpt.flink.reports=N} changes it.
   */
  private static final int REPORTS = Integer.getInteger("tlsrpt.flink.reports", 20_000);

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(PARALLELISM)
          .build());

  @TempDir Path tmp;

  private static StreamExecutionEnvironment env() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(PARALLELISM);
    return env;
  }

  private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
    List<T> all = new ArrayList<>();
    try (it) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  @Test
  void generatedReportsWithDuplicatesAcrossPartitionsEqualTheSingleMachineSummary() throws Exception {
    GeneratedReports g = new GeneratedReports(REPORTS, REPORTS / 10, 500, 14);
    StreamExecutionEnvironment env = env();
    DataStream<RawReport> raw = env.fromSource(
        new DataGeneratorSource<>(g.generator(), g.total(), TlsRptTypes.RAW_REPORT),
        WatermarkStrategy.noWatermarks(), "generated reports");
    TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
        .maxOutOfOrderness(Duration.ofDays(30))
        .build()
        .apply(raw);
    CloseableIterator<DailySummary> daily = r.dailySummaries().collectAsync();
    CloseableIterator<RejectedInput> rejected = r.rejected().collectAsync();
    env.execute("generated");
    List<DailySummary> out = drain(daily);
    assertEquals(List.of(), drain(rejected));
    Map<String, String> expected = Expected.dailyJson(ReportSummary.of(g.originals()));
    assertEquals(expected.size(), out.size(), "one result per domain-day: no window fired twice");
    Expected.assertSame(expected, Expected.byDomainDay(out));
  }

  /** Throws once, after a checkpoint completed and it has seen enough records. */
  static final class FailOnce extends RichMapFunction<RawReport, RawReport> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    private final int after;
    private transient int seen;

    FailOnce(int after) {
      this.after = after;
    }

    @Override
    public void open(OpenContext openContext) {
      seen = 0;
    }

    @Override
    public RawReport map(RawReport value) {
      if (++seen > after && CHECKPOINTS.get() > 0 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after " + seen + " records");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTS.incrementAndGet();
    }
  }

  @Test
  void aTaskFailureAndRestoreFromTheCheckpointCountsEveryReportExactlyOnce() throws Exception {
    FailOnce.FAILED.set(false);
    FailOnce.CHECKPOINTS.set(0);
    GeneratedReports g = new GeneratedReports(3000, 600, 100, 14);
    StreamExecutionEnvironment env = env();
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    env.configure(conf);
    env.enableCheckpointing(100);
    DataStream<RawReport> raw = env.fromSource(
        new DataGeneratorSource<>(g.generator(), g.total(), RateLimiterStrategy.perSecond(1500),
            TlsRptTypes.RAW_REPORT),
        WatermarkStrategy.noWatermarks(), "generated reports, rate-limited");
    TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
        .maxOutOfOrderness(Duration.ofDays(30))
        .build()
        .apply(raw.map(new FailOnce(g.total() > 0 ? 150 : 0), TlsRptTypes.RAW_REPORT).name("fails once"));
    CloseableIterator<DailySummary> daily = r.dailySummaries().collectAsync();
    env.execute("failure and restore");
    List<DailySummary> out = drain(daily);
    assertTrue(FailOnce.FAILED.get(), "the failure was injected");
    Map<String, String> expected = Expected.dailyJson(ReportSummary.of(g.originals()));
    assertEquals(expected.size(), out.size(), "nothing emitted twice");
    Expected.assertSame(expected, Expected.byDomainDay(out));
  }

  /** Emits a fixed list of reports from one source reader, pausing before index {@code pauseAt}. */
  static final class Scripted implements GeneratorFunction<Long, RawReport> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<byte[]> inputs;
    private final long pauseAt;

    Scripted(List<byte[]> inputs, long pauseAt) {
      this.inputs = new ArrayList<>(inputs);
      this.pauseAt = pauseAt;
    }

    @Override
    public RawReport map(Long index) throws InterruptedException {
      if (index == pauseAt) {
        // Long past the 200 ms watermark interval: every parallel watermark has moved on.
        Thread.sleep(1500);
      }
      return new RawReport("scripted-" + index, inputs.get(index.intValue()));
    }
  }

  private static TlsRptReport dayReport(String id, LocalDate day, long ok) {
    return TlsRptReport.of("Org", DateRange.ofUtcDay(day), null, id, List.of(PolicyResult.of(
        PolicyType.STS, List.of("mx: mx.late.example"), "late.example", List.of(), ok, 0, List.of())));
  }

  @Test
  void outOfOrderReportsLandOnTheirDayAndTooLateOnesGoToTheSideOutput() throws Exception {
    LocalDate d0 = LocalDate.now(ZoneOffset.UTC).minusDays(20);
    List<TlsRptReport> inOrder = new ArrayList<>();
    for (int day = 0; day < 10; day++) {
      for (int k = 0; k < PARALLELISM; k++) {
        inOrder.add(dayReport("r-" + day + "-" + k, d0.plusDays(day), 10 + k));
      }
    }
    TlsRptReport tooLate = dayReport("too-late", d0.plusDays(1), 1000);
    TlsRptReport lateButInTime = dayReport("late-but-in-time", d0.plusDays(8), 500);
    TlsRptReport onTime = dayReport("on-time", d0.plusDays(9), 7);
    List<TlsRptReport> all = new ArrayList<>(inOrder);
    all.addAll(List.of(tooLate, lateButInTime, onTime));
    List<byte[]> bytes = all.stream().map(TlsRptWriter.compact()::write).collect(Collectors.toList());

    StreamExecutionEnvironment env = env();
    DataStream<RawReport> raw = env.fromSource(
        new DataGeneratorSource<>(new Scripted(bytes, inOrder.size()), bytes.size(), TlsRptTypes.RAW_REPORT),
        WatermarkStrategy.noWatermarks(), "scripted").setParallelism(1);
    TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
        .maxOutOfOrderness(Duration.ZERO)
        .allowedLateness(Duration.ofDays(2))
        .build()
        .apply(raw.rebalance());
    CloseableIterator<DailySummary> daily = r.dailySummaries().collectAsync();
    CloseableIterator<RejectedInput> rejected = r.rejected().collectAsync();
    env.execute("late reports");
    List<DailySummary> out = drain(daily);
    List<RejectedInput> notCounted = drain(rejected);

    assertEquals(1, notCounted.size(), notCounted::toString);
    assertEquals(RejectedInput.Kind.LATE, notCounted.get(0).kind());
    assertTrue(notCounted.get(0).source().contains("\"too-late\""), notCounted::toString);
    assertTrue(notCounted.get(0).reason().contains("starts on " + d0.plusDays(1)), notCounted::toString);

    List<TlsRptReport> counted = new ArrayList<>(inOrder);
    counted.add(lateButInTime);
    counted.add(onTime);
    Expected.assertSame(Expected.dailyJson(ReportSummary.of(counted)), Expected.byDomainDay(out));
    long day8 = out.stream().filter(s -> s.day().equals(d0.plusDays(8))).count();
    assertEquals(2, day8, "day 8 fired on time, then again with the late report");
  }

  private static byte[] gzip(byte[] content, int times) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      for (int i = 0; i < times; i++) {
        out.write(content);
      }
    }
    return b.toByteArray();
  }

  @Test
  void theJobOverTheCorpusAndHostileFilesEqualsTheSingleMachineSummaryAndKeepsGoing() throws Exception {
    String corpusDir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(corpusDir != null, "system property mtasts.corpus.dir is not set");
    Path corpus = Path.of(corpusDir, "tlsrpt");
    assumeTrue(Files.isDirectory(corpus), "corpus folder " + corpus + " does not exist");

    Path hostile = Files.createDirectories(tmp.resolve("hostile"));
    // 64 MiB of zeros in 64 KiB of gzip: beyond the 16 MiB decompressed limit.
    Files.write(hostile.resolve("bomb.json.gz"), gzip(new byte[1 << 20], 64));
    byte[] good = TlsRptWriter.compact().writeGzip(dayReport("hostile-neighbour",
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 5));
    Files.write(hostile.resolve("neighbour.json.gz"), good);
    Files.write(hostile.resolve("cut.json.gz"), Arrays.copyOf(good, good.length / 2));
    Files.writeString(hostile.resolve("notes.txt"), "not a report\n", StandardCharsets.UTF_8);

    Path output = tmp.resolve("out");
    Path rejectedDir = tmp.resolve("rejected");
    StreamExecutionEnvironment env = env();
    // Ten years of corpus dates in file order: nothing may count as late.
    TlsRptAggregationJob.define(env, new TlsRptAggregationJob.Options(
        List.of(corpus.toString(), hostile.toString()), output.toString(), rejectedDir.toString(),
        null, null, PARALLELISM, Duration.ofDays(10_000), Duration.ofDays(10_000), Duration.ofDays(60)));
    env.execute("corpus");

    SingleMachine one = SingleMachine.read(List.of(corpus, hostile));
    assertTrue(one.unreadable.stream().anyMatch(p -> p.endsWith("bomb.json.gz")), one.unreadable::toString);

    List<String> rejectedLines = Expected.lines(rejectedDir);
    for (Path f : one.unreadable) {
      assertTrue(rejectedLines.stream().anyMatch(l -> l.contains(f.getFileName().toString())
          && l.contains("\"kind\":\"UNREADABLE\"")), f + " in " + rejectedLines);
    }
    assertTrue(rejectedLines.stream().anyMatch(l -> l.contains("bomb.json.gz")
        && l.contains("input-too-large")), rejectedLines::toString);

    // A report-id with two contents (the corpus has an edited copy): the job counts the one that
    // arrived first and rejects the other, so compare with each choice.
    Map<String, List<TlsRptReport>> byName = new LinkedHashMap<>();
    for (TlsRptReport r : one.reports) {
      byName.computeIfAbsent(r.organizationName() + "\n" + r.reportId(), k -> new ArrayList<>()).add(r);
    }
    List<TlsRptReport> fixed = new ArrayList<>();
    List<List<TlsRptReport>> choices = new ArrayList<>();
    for (List<TlsRptReport> same : byName.values()) {
      Map<Long, TlsRptReport> contents = new HashMap<>();
      for (TlsRptReport r : same) {
        contents.putIfAbsent(ReportKey.of(r).content(), r);
      }
      if (contents.size() == 1) {
        fixed.add(same.get(0));
      } else {
        choices.add(new ArrayList<>(contents.values()));
      }
    }
    assertTrue(choices.size() <= 4, "few conflicts in the corpus");
    TreeMap<String, String> actual = Expected.byDomainDay(Expected.lines(output));
    boolean matched = false;
    for (int combo = 0; combo < 1 << (2 * choices.size()) && !matched; combo++) {
      List<TlsRptReport> pick = new ArrayList<>(fixed);
      int c = combo;
      boolean valid = true;
      for (List<TlsRptReport> options : choices) {
        int at = c & 3;
        c >>= 2;
        if (at >= options.size()) {
          valid = false;
          break;
        }
        pick.add(options.get(at));
      }
      matched = valid && Expected.dailyJson(ReportSummary.of(pick)).equals(actual);
    }
    assertTrue(matched, "the job's daily summaries equal the single-machine summary of the corpus"
        + " for one choice of each conflicting report: " + actual.keySet());
    long conflicts = rejectedLines.stream().filter(l -> l.contains("\"kind\":\"CONFLICT\"")).count();
    long extra = 0;
    for (List<TlsRptReport> same : byName.values()) {
      if (same.stream().map(x -> ReportKey.of(x).content()).distinct().count() > 1) {
        extra += same.size() - 1;
      }
    }
    assertTrue(conflicts >= choices.size() && conflicts <= extra, conflicts + " conflicts, " + extra + " extra copies");
    Set<String> unreadableNames = one.unreadable.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    assertTrue(unreadableNames.contains("cut.json.gz") && unreadableNames.contains("notes.txt"), unreadableNames::toString);
  }
}
