package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.SummaryLimits;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The TLS-RPT aggregation, wired: decode ({@link ReportDecoder}), event time from each report's
 * date range, deduplicate by organization and report-id ({@link ReportDeduplicator}), split per
 * policy domain ({@link DomainSplitter}), aggregate per domain in UTC-day windows ({@link
 * UtcDayWindows}, {@link SummaryAggregate}) with allowed lateness; everything not counted goes to
 * {@link Result#rejected()} with its reason.
 *
 * <p>Event time is the end of a report's date range (reports are sent after their period, RFC
 * 8460 §4.1); the watermark trails the largest end seen by {@link Builder#maxOutOfOrderness}. A
 * day's window fires when the watermark passes its end, and fires again, with the updated figures,
 * for each report that arrives within the allowed lateness: the last {@link DailySummary} of a
 * domain and day is the final one.
 *
 * <pre>{@code
 * TlsRptPipeline.Result r = TlsRptPipeline.newBuilder()
 *     .allowedLateness(Duration.ofDays(3))
 *     .build()
 *     .apply(rawReports);
 * r.dailySummaries().map(DailySummary::toJson, Types.STRING).sinkTo(sink);
 * }</pre>
 */
public final class TlsRptPipeline {
  private final SummaryLimits limits;
  private final Duration allowedLateness;
  private final Duration maxOutOfOrderness;
  private final Duration deduplicationTtl;
  private final Duration idleness;

  private static final OutputTag<TlsRptReport> LATE_AT_WINDOW =
      new OutputTag<>("tlsrpt-late-at-window", TlsRptTypes.REPORT);

  private TlsRptPipeline(Builder b) {
    this.limits = b.limits;
    this.allowedLateness = b.allowedLateness;
    this.maxOutOfOrderness = b.maxOutOfOrderness;
    this.deduplicationTtl = b.deduplicationTtl;
    this.idleness = b.idleness;
  }

  /**
   * Returns a builder with the defaults: {@code SummaryLimits.DEFAULT}, 7 days of allowed
   * lateness, 1 day out of order, report names remembered 60 days, an input idle after 1 minute.
   *
   * @return the builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The outputs of the pipeline.
   *
   * @param dailySummaries per policy domain and UTC day (again, updated, for late reports)
   * @param rejected what was not counted and why: unreadable inputs, mails without reports, late
   *     reports, conflicting copies
   */
  public record Result(DataStream<DailySummary> dailySummaries, DataStream<RejectedInput> rejected) {
    /**
     * Checks the components.
     *
     * @param dailySummaries the {@code dailySummaries} component
     * @param rejected the {@code rejected} component
     */
    public Result {
      Objects.requireNonNull(dailySummaries, "dailySummaries");
      Objects.requireNonNull(rejected, "rejected");
    }
  }

  /**
   * Applies the pipeline to raw inputs.
   *
   * @param raw the inputs (any timestamps and watermarks they carry are replaced)
   * @return the outputs
   */
  public Result apply(DataStream<RawReport> raw) {
    SingleOutputStreamOperator<TlsRptReport> decoded =
        raw.process(new ReportDecoder(), TlsRptTypes.REPORT).name("decode TLS-RPT reports");
    Result r = applyToReports(decoded);
    return new Result(r.dailySummaries(), decoded.getSideOutput(ReportDecoder.REJECTED).union(r.rejected()));
  }

  /**
   * Applies the pipeline to reports already read (from a queue of parsed reports, say).
   *
   * @param reports the reports (any timestamps and watermarks they carry are replaced)
   * @return the outputs
   */
  public Result applyToReports(DataStream<TlsRptReport> reports) {
    DataStream<TlsRptReport> timed = reports.assignTimestampsAndWatermarks(
        WatermarkStrategy.<TlsRptReport>forBoundedOutOfOrderness(maxOutOfOrderness)
            .withTimestampAssigner((r, previous) -> r.dateRange().end().toEpochMilli())
            .withIdleness(idleness))
        .name("event time: report period end");
    SingleOutputStreamOperator<TlsRptReport> unique = timed
        .keyBy(ReportDeduplicator.BY_NAME, Types.STRING)
        .process(new ReportDeduplicator(deduplicationTtl, allowedLateness), TlsRptTypes.REPORT)
        .name("deduplicate by organization and report-id");
    SingleOutputStreamOperator<DailySummary> daily = unique
        .flatMap(new DomainSplitter(), TlsRptTypes.REPORT)
        .name("split per policy domain")
        .keyBy(DomainSplitter.BY_POLICY_DOMAIN, Types.STRING)
        .window(new UtcDayWindows(limits.maxReportDays()))
        .allowedLateness(allowedLateness)
        .sideOutputLateData(LATE_AT_WINDOW)
        .aggregate(new SummaryAggregate(limits), new DailySummaryFunction(),
            TlsRptTypes.ACCUMULATOR, TlsRptTypes.SUMMARY, TlsRptTypes.DAILY_SUMMARY)
        .name("summarize per policy domain and UTC day");
    // The deduplicator refuses late reports before they reach a window, so this stays empty;
    // should a watermark ever overtake it, the report is still reported, not dropped.
    DataStream<RejectedInput> lateAtWindow = daily.getSideOutput(LATE_AT_WINDOW)
        .map(r -> new RejectedInput("organization \"" + r.organizationName() + "\" report-id \""
            + r.reportId() + "\"", RejectedInput.Kind.LATE, "the report reached its window after"
            + " the allowed lateness; its figures are not counted"), TlsRptTypes.REJECTED);
    return new Result(daily, unique.getSideOutput(ReportDeduplicator.REJECTED).union(lateAtWindow));
  }

  /** Sets the pipeline's options. */
  public static final class Builder {
    private SummaryLimits limits = SummaryLimits.DEFAULT;
    private Duration allowedLateness = Duration.ofDays(7);
    private Duration maxOutOfOrderness = Duration.ofDays(1);
    private Duration deduplicationTtl = Duration.ofDays(60);
    private Duration idleness = Duration.ofMinutes(1);

    private Builder() {}

    /**
     * Sets the bounds on what one report may claim.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder limits(SummaryLimits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Sets how long after a UTC day's end its window still takes reports.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder allowedLateness(Duration value) {
      allowedLateness = notNegative(value, "allowedLateness");
      return this;
    }

    /**
     * Sets how far the watermark trails the latest report period end seen.
     *
     * @param value not negative
     * @return this builder
     */
    public Builder maxOutOfOrderness(Duration value) {
      maxOutOfOrderness = notNegative(value, "maxOutOfOrderness");
      return this;
    }

    /**
     * Sets how long a report name is remembered for deduplication.
     *
     * @param value positive
     * @return this builder
     */
    public Builder deduplicationTtl(Duration value) {
      deduplicationTtl = notNegative(value, "deduplicationTtl");
      if (value.isZero()) {
        throw new IllegalArgumentException("deduplicationTtl must be positive");
      }
      return this;
    }

    /**
     * Sets after how long without input a parallel input stops holding the watermark back.
     *
     * @param value positive
     * @return this builder
     */
    public Builder idleness(Duration value) {
      idleness = notNegative(value, "idleness");
      if (value.isZero()) {
        throw new IllegalArgumentException("idleness must be positive");
      }
      return this;
    }

    /**
     * Returns the pipeline.
     *
     * @return the pipeline
     */
    public TlsRptPipeline build() {
      return new TlsRptPipeline(this);
    }

    private static Duration notNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " " + d + " is negative");
      }
      return d;
    }
  }
}
