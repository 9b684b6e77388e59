package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryLimits;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Duration;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Aggregates reports into the {@code ReportSummary} accumulator (serialized by {@link
 * AccumulatorSerializer}, {@link TlsRptTypes#ACCUMULATOR}). The accumulator measures the date
 * bounds of {@link SummaryLimits} from the current instant at each report, as a long-running job
 * must.
 */
public final class SummaryAggregate
    implements AggregateFunction<TlsRptReport, ReportSummary.Accumulator, ReportSummary> {
  private static final long serialVersionUID = 1L;

  // SummaryLimits is not Serializable; its components are.
  private final int maxReportDays;
  private final Duration maxReportAge;
  private final Duration maxClockSkew;
  private final int maxPolicyDomains;
  private final long maxPlausibleSessions;

  /**
   * Creates the aggregate.
   *
   * @param limits the bounds on what one report may claim
   */
  public SummaryAggregate(SummaryLimits limits) {
    this.maxReportDays = limits.maxReportDays();
    this.maxReportAge = limits.maxReportAge();
    this.maxClockSkew = limits.maxClockSkew();
    this.maxPolicyDomains = limits.maxPolicyDomains();
    this.maxPlausibleSessions = limits.maxPlausibleSessions();
  }

  /**
   * Returns the limits.
   *
   * @return the limits
   */
  public SummaryLimits limits() {
    return new SummaryLimits(maxReportDays, maxReportAge, maxClockSkew, maxPolicyDomains,
        maxPlausibleSessions);
  }

  @Override
  public ReportSummary.Accumulator createAccumulator() {
    return ReportSummary.newAccumulator(limits());
  }

  @Override
  public ReportSummary.Accumulator add(TlsRptReport value, ReportSummary.Accumulator accumulator) {
    accumulator.add(value);
    return accumulator;
  }

  @Override
  public ReportSummary getResult(ReportSummary.Accumulator accumulator) {
    return accumulator.snapshot();
  }

  @Override
  public ReportSummary.Accumulator merge(ReportSummary.Accumulator a, ReportSummary.Accumulator b) {
    return a.merge(b.snapshot());
  }
}
