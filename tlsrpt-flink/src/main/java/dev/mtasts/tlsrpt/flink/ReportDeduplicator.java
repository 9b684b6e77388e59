package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.internal.ReportKey;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Counts each report once, across parallel instances and restarts: keyed by organization and
 * report-id ({@link #BY_NAME}; RFC 8460 §4.4 makes the report-id unique per sender), it keeps the
 * 64-bit content fingerprint of the first report of each name in keyed state, for a configurable
 * time to live. A later report of the same name and content (the same report by mail and by
 * HTTPS, or re-sent) is dropped and counted in the metric {@code duplicateReports}; one of the
 * same name with other content goes to {@link #REJECTED} as a {@link RejectedInput.Kind#CONFLICT}
 * (the first one stays counted). A new report whose first UTC day closed longer ago than the
 * allowed lateness goes to {@link #REJECTED} as {@link RejectedInput.Kind#LATE}, whole: a report
 * is never counted on some of its days only.
 */
public final class ReportDeduplicator extends KeyedProcessFunction<String, TlsRptReport, TlsRptReport> {
  private static final long serialVersionUID = 1L;

  /** Late reports and conflicting copies. */
  public static final OutputTag<RejectedInput> REJECTED =
      new OutputTag<>("tlsrpt-not-counted", TlsRptTypes.REJECTED);

  /** Keys a report by organization and report-id. */
  public static final KeySelector<TlsRptReport, String> BY_NAME =
      r -> r.organizationName() + '\u0000' + r.reportId();

  private static final long DAY_MILLIS = 86_400_000L;

  private final Duration timeToLive;
  private final long allowedLatenessMillis;
  private transient @Nullable ValueState<Long> content;
  private transient @Nullable Counter duplicates;
  private transient @Nullable Counter conflicts;
  private transient @Nullable Counter late;

  /**
   * Creates the deduplicator.
   *
   * @param timeToLive how long a report name is remembered after its first report (longer than
   *     any re-delivery: 30 days, say)
   * @param allowedLateness how long after a UTC day's end its window still takes reports (the
   *     window's own allowed lateness)
   */
  public ReportDeduplicator(Duration timeToLive, Duration allowedLateness) {
    this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException("timeToLive " + timeToLive + " must be positive");
    }
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness " + allowedLateness + " is negative");
    }
    this.allowedLatenessMillis = allowedLateness.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("tlsrpt-report-content", Types.LONG);
    d.enableTimeToLive(StateTtlConfig.newBuilder(timeToLive)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        // On the heap, expired names are removed by walking the state a few entries per state
        // access; the default of 5 (twice per report: read and write) took a third of this
        // operator's time. One entry per access still visits every entry once per pass over the
        // table, so expired names go about as fast as new ones come. RocksDB keeps its default,
        // the compaction filter.
        .cleanupIncrementally(1, false)
        .build());
    content = getRuntimeContext().getState(d);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateReports");
    conflicts = getRuntimeContext().getMetricGroup().counter("conflictingReports");
    late = getRuntimeContext().getMetricGroup().counter("lateReports");
  }

  @Override
  public void processElement(TlsRptReport report, Context ctx, Collector<TlsRptReport> out)
      throws Exception {
    ValueState<Long> state = Objects.requireNonNull(content, "open() was not called");
    long fingerprint = ReportKey.of(report).content();
    Long seen = state.value();
    if (seen != null) {
      if (seen == fingerprint) {
        Objects.requireNonNull(duplicates).inc();
      } else {
        Objects.requireNonNull(conflicts).inc();
        ctx.output(REJECTED, new RejectedInput(name(report), RejectedInput.Kind.CONFLICT,
            "a report with this organization and report-id but other content was counted"
                + " before; this one is not counted"));
      }
      return;
    }
    long firstDay = Math.floorDiv(report.dateRange().start().toEpochMilli(), DAY_MILLIS);
    long closes = (firstDay + 1) * DAY_MILLIS - 1;
    long watermark = ctx.timerService().currentWatermark();
    if (closes + allowedLatenessMillis <= watermark) {
      Objects.requireNonNull(late).inc();
      ctx.output(REJECTED, new RejectedInput(name(report), RejectedInput.Kind.LATE,
          "the report starts on " + report.dateRange().firstDay() + ", whose window closed (the"
              + " event time is " + java.time.Instant.ofEpochMilli(watermark) + ", past the day's"
              + " end and the allowed lateness of " + Duration.ofMillis(allowedLatenessMillis)
              + "); its figures are not counted"));
      return;
    }
    state.update(fingerprint);
    out.collect(report);
  }

  private static String name(TlsRptReport r) {
    return "organization \"" + r.organizationName() + "\" report-id \"" + r.reportId() + "\"";
  }
}
