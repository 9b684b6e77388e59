package dev.mtasts.tlsrpt;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link ReportSummary.Accumulator#add(TlsRptReport, int)} did with one report: the outcome
 * and the warnings about it.
 *
 * @param outcome whether the report's figures were counted, and if not why
 * @param warnings what the summary noticed, empty for the usual report
 * @param earlierSource for {@link Outcome#DUPLICATE} and {@link Outcome#CONFLICT}: the source
 *     number of the report added before under the same name; for a conflict it is present only the
 *     first time, when the caller should {@link ReportSummary.Accumulator#withdraw withdraw} that
 *     earlier report so that neither figure counts
 */
public record AddResult(Outcome outcome, List<SummaryWarning> warnings, OptionalInt earlierSource) {

  /** What happened to a report. */
  public enum Outcome {
    /** Its figures were counted. */
    ADDED,
    /** Same organization, report-id and content as a report added before: counted once. */
    DUPLICATE,
    /**
     * Same organization and report-id as a report added before, but different content: not
     * counted, and counted in {@link ReportSummary#conflictingReports()}.
     */
    CONFLICT,
    /** Beyond a {@link SummaryLimits} bound: not counted; the warnings say which. */
    SET_ASIDE
  }

  /**
   * Checks the components and copies the list.
   *
   * @param outcome the {@code outcome} component
   * @param warnings the {@code warnings} component
   * @param earlierSource the {@code earlierSource} component
   */
  public AddResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(earlierSource, "earlierSource");
    warnings = List.copyOf(warnings);
  }

  /**
   * Tells whether the report's figures were counted.
   *
   * @return {@code true} for {@link Outcome#ADDED}
   */
  public boolean added() {
    return outcome == Outcome.ADDED;
  }
}
