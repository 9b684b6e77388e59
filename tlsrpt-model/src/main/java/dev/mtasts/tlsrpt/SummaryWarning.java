package dev.mtasts.tlsrpt;

import dev.mtasts.policy.ProblemCode;
import java.util.Objects;

/**
 * Something a {@link ReportSummary} noticed about one report it was given: why it was set aside,
 * or why its figures, although counted, deserve doubt.
 *
 * @param code what was noticed
 * @param jsonPath where in the report, as a JSONPath such as {@code $.policies[0].summary}
 * @param message what was found and what the summary did, without the location
 */
public record SummaryWarning(Code code, String jsonPath, String message) {

  /** What a summary notices; {@link #id()} is the stable text form. */
  public enum Code implements ProblemCode {
    /** The date range covers more days than {@link SummaryLimits#maxReportDays()}: set aside. */
    REPORT_SPAN_TOO_LONG,
    /** The period starts earlier than {@link SummaryLimits#maxReportAge()} before now: set aside. */
    REPORT_TOO_OLD,
    /** The period ends later than {@link SummaryLimits#maxClockSkew()} after now: set aside. */
    REPORT_IN_FUTURE,
    /** The report would add policy domains beyond {@link SummaryLimits#maxPolicyDomains()}. */
    TOO_MANY_POLICY_DOMAINS,
    /** Same organization and report-id as an earlier report, different content: not counted. */
    CONFLICTING_REPORT_ID,
    /** A sum reached 2^53 - 1 and stopped there; the figures it is part of are lower bounds. */
    SESSION_COUNT_SATURATED,
    /** A count above {@link SummaryLimits#maxPlausibleSessions()}: counted, but doubtful. */
    IMPLAUSIBLE_SESSION_COUNT,
    /** The failure details of a policy count more sessions than its failure total: doubtful. */
    FAILURE_DETAILS_ABOVE_TOTAL;

    /**
     * Tells whether a report with this warning was set aside (none of its figures counted).
     *
     * @return {@code true} for the codes that set a report aside
     */
    public boolean setsAside() {
      return this == REPORT_SPAN_TOO_LONG
          || this == REPORT_TOO_OLD
          || this == REPORT_IN_FUTURE
          || this == TOO_MANY_POLICY_DOMAINS
          || this == CONFLICTING_REPORT_ID;
    }
  }

  /**
   * Checks the components.
   *
   * @param code the {@code code} component
   * @param jsonPath the {@code jsonPath} component
   * @param message the {@code message} component
   */
  public SummaryWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code.id() + " at " + jsonPath + ": " + message;
  }
}
