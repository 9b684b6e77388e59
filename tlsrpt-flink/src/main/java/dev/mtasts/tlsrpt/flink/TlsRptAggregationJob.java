package dev.mtasts.tlsrpt.flink;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The ready job: reads a folder of report files and report mails with Flink's {@code FileSource}
 * (once, or watching it for new files), runs the {@link TlsRptPipeline}, and writes per-domain
 * daily summaries as JSON lines (the object {@code mtasts report summarize --json} prints per
 * domain) under {@code OUTPUT/day=YYYY-MM-DD/}, and what was not counted, with its reason, under
 * the rejected folder, both with Flink's {@code FileSink} (exactly once with checkpoints).
 *
 * <pre>
 * java -cp ... dev.mtasts.tlsrpt.flink.TlsRptAggregationJob --input reports --output summaries
 * flink run tlsrpt-flink-VERSION-job.jar --input s3://bucket/reports --output s3://bucket/out --monitor 1m
 * </pre>
 */
public final class TlsRptAggregationJob {

  private TlsRptAggregationJob() {}

  /**
   * The options of the job.
   *
   * @param inputs the folders (or files) of report files and mails, read recursively
   * @param output the folder of the daily summaries
   * @param rejected the folder of what was not counted
   * @param monitor how often to look for new files, or {@code null} to read the folder once and
   *     finish
   * @param checkpointInterval how often to checkpoint, or {@code null} for never (a bounded run)
   * @param parallelism the parallelism, or 0 for the environment's
   * @param allowedLateness how long after a UTC day's end its window still takes reports
   * @param maxOutOfOrderness how far the watermark trails the latest report period end
   * @param deduplicationTtl how long report names are remembered
   */
  public record Options(
      List<String> inputs,
      String output,
      String rejected,
      @Nullable Duration monitor,
      @Nullable Duration checkpointInterval,
      int parallelism,
      Duration allowedLateness,
      Duration maxOutOfOrderness,
      Duration deduplicationTtl) {

    /**
     * Checks the components.
     *
     * @param inputs the {@code inputs} component
     * @param output the {@code output} component
     * @param rejected the {@code rejected} component
     * @param monitor the {@code monitor} component
     * @param checkpointInterval the {@code checkpointInterval} component
     * @param parallelism the {@code parallelism} component
     * @param allowedLateness the {@code allowedLateness} component
     * @param maxOutOfOrderness the {@code maxOutOfOrderness} component
     * @param deduplicationTtl the {@code deduplicationTtl} component
     */
    public Options {
      inputs = List.copyOf(inputs);
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("no input folder");
      }
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(rejected, "rejected");
      Objects.requireNonNull(allowedLateness, "allowedLateness");
      Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
      Objects.requireNonNull(deduplicationTtl, "deduplicationTtl");
      if (parallelism < 0) {
        throw new IllegalArgumentException("parallelism " + parallelism + " < 0");
      }
    }

    /**
     * Returns the options for a folder read once, with the pipeline's defaults.
     *
     * @param inputs the folders of reports
     * @param output the folder of the summaries
     * @param rejected the folder of what was not counted
     * @return the options
     */
    public static Options readOnce(List<String> inputs, String output, String rejected) {
      return new Options(inputs, output, rejected, null, null, 0, Duration.ofDays(7),
          Duration.ofDays(1), Duration.ofDays(60));
    }
  }

  /**
   * Runs the job: {@code --input DIR [--input DIR...] --output DIR [--rejected DIR] [--monitor DURATION]
   * [--checkpoint-interval DURATION] [--parallelism N] [--allowed-lateness DURATION]
   * [--max-out-of-orderness DURATION] [--dedup-ttl DURATION]}; durations as {@code 500ms},
   * {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. Started with {@code java}, it runs on a
   * local MiniCluster; with {@code flink run}, on the cluster.
   *
   * @param args the options
   * @throws Exception when the job fails
   */
  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      PrintStream err = System.err;
      err.println("TlsRptAggregationJob: " + e.getMessage());
      err.println("usage: --input DIR --output DIR [--rejected DIR] [--monitor DURATION]"
          + " [--checkpoint-interval DURATION] [--parallelism N] [--allowed-lateness DURATION]"
          + " [--max-out-of-orderness DURATION] [--dedup-ttl DURATION]");
      System.exit(2);
      return;
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, o);
    env.execute("TLS-RPT aggregation of " + String.join(", ", o.inputs()));
  }

  /**
   * Parses the command line.
   *
   * @param args the options
   * @return the options
   * @throws IllegalArgumentException when an option is missing, unknown or malformed
   */
  public static Options parse(String[] args) {
    List<String> inputs = new ArrayList<>();
    @Nullable String output = null;
    @Nullable String rejected = null;
    @Nullable Duration monitor = null;
    @Nullable Duration checkpoint = null;
    int parallelism = 0;
    Duration lateness = Duration.ofDays(7);
    Duration outOfOrder = Duration.ofDays(1);
    Duration ttl = Duration.ofDays(60);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String v = args[i + 1];
      switch (name) {
        case "--input" -> inputs.add(v);
        case "--output" -> output = v;
        case "--rejected" -> rejected = v;
        case "--monitor" -> monitor = duration(name, v);
        case "--checkpoint-interval" -> checkpoint = duration(name, v);
        case "--parallelism" -> parallelism = positive(name, v);
        case "--allowed-lateness" -> lateness = duration(name, v);
        case "--max-out-of-orderness" -> outOfOrder = duration(name, v);
        case "--dedup-ttl" -> ttl = duration(name, v);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (inputs.isEmpty() || output == null) {
      throw new IllegalArgumentException("--input and --output are required");
    }
    if (monitor != null && checkpoint == null) {
      // A watching job finishes its output files on checkpoints only.
      checkpoint = Duration.ofMinutes(1);
    }
    return new Options(inputs, output, rejected != null ? rejected : output + "-rejected", monitor,
        checkpoint, parallelism, lateness, outOfOrder, ttl);
  }

  private static int positive(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " " + v + " is not a positive number");
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 7d}.
   *
   * @param name the option, for the message
   * @param v the text
   * @return the duration
   */
  static Duration duration(String name, String v) {
    String t = v.trim().toLowerCase(Locale.ROOT);
    int split = 0;
    while (split < t.length() && Character.isDigit(t.charAt(split))) {
      split++;
    }
    if (split == 0 || split > 9) {
      throw new IllegalArgumentException(name + " " + v + " is not a duration (500ms, 30s, 5m, 2h, 7d)");
    }
    long n = Long.parseLong(t.substring(0, split));
    return switch (t.substring(split)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException(name + " " + v + " is not a duration (500ms, 30s, 5m, 2h, 7d)");
    };
  }

  /**
   * Adds the job to an environment: source, pipeline and both sinks.
   *
   * @param env the environment
   * @param o the options
   */
  public static void define(StreamExecutionEnvironment env, Options o) {
    if (o.parallelism() > 0) {
      env.setParallelism(o.parallelism());
    }
    Duration checkpoint = o.checkpointInterval();
    if (checkpoint != null) {
      env.enableCheckpointing(checkpoint.toMillis());
    }
    Path[] paths = new Path[o.inputs().size()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = new Path(o.inputs().get(i));
    }
    FileSource.FileSourceBuilder<RawReport> files =
        FileSource.forBulkFileFormat(new WholeFileFormat(), paths);
    Duration monitor = o.monitor();
    if (monitor != null) {
      files.monitorContinuously(monitor);
    }
    DataStream<RawReport> raw = env.fromSource(files.build(), WatermarkStrategy.noWatermarks(),
        "report files in " + String.join(", ", o.inputs()), TlsRptTypes.RAW_REPORT);
    TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
        .allowedLateness(o.allowedLateness())
        .maxOutOfOrderness(o.maxOutOfOrderness())
        .deduplicationTtl(o.deduplicationTtl())
        .build()
        .apply(raw);
    r.dailySummaries().sinkTo(FileSink
            .forRowFormat(new Path(o.output()), (Encoder<DailySummary>) (d, out) ->
                out.write((d.toJson() + "\n").getBytes(StandardCharsets.UTF_8)))
            .withBucketAssigner(new DayBuckets())
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("summaries")
                .withPartSuffix(".jsonl").build())
            .build())
        .name("daily summaries to " + o.output());
    r.rejected().sinkTo(FileSink
            .forRowFormat(new Path(o.rejected()), (Encoder<RejectedInput>) (x, out) ->
                out.write((x.toJson() + "\n").getBytes(StandardCharsets.UTF_8)))
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("rejected")
                .withPartSuffix(".jsonl").build())
            .build())
        .name("rejected inputs to " + o.rejected());
  }

  /** One output folder per UTC day: {@code day=2026-11-20}. */
  static final class DayBuckets implements BucketAssigner<DailySummary, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(DailySummary element, BucketAssigner.Context context) {
      return "day=" + element.day();
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }

  /** Lists the JSON line files a finished job wrote under a folder (for tests and tools). */
  static List<java.nio.file.Path> outputFiles(java.nio.file.Path dir) throws java.io.IOException {
    List<java.nio.file.Path> files = new ArrayList<>();
    if (!java.nio.file.Files.isDirectory(dir)) {
      return files;
    }
    try (var s = java.nio.file.Files.walk(dir)) {
      s.filter(java.nio.file.Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }
}
