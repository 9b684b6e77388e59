package dev.mtasts.tlsrpt;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a {@link ReportSummary} puts on what one report may claim. Real reports cover one
 * UTC day (some senders send weekly ones), arrive within days of their period, and count far
 * fewer sessions than the bounds below; a report beyond a bound is set aside (its figures are
 * not counted) or flagged with a {@link SummaryWarning}, never allowed to cost memory or time in
 * proportion to what it claims.
 *
 * <ul>
 *   <li>{@code maxReportDays} (default 31): the most UTC days one report's date range may cover;
 *       a longer report is set aside ({@link SummaryWarning.Code#REPORT_SPAN_TOO_LONG}). At most
 *       366.
 *   <li>{@code maxReportAge} (default 7,305 days, 20 years): a report whose period starts
 *       longer ago than this before "now" is set aside ({@link SummaryWarning.Code#REPORT_TOO_OLD}).
 *       TLS-RPT dates from 2016 (RFC 8460, 2018), so year 0000 is never real.
 *   <li>{@code maxClockSkew} (default 1 day): a report whose period ends later than "now" plus
 *       this is set aside ({@link SummaryWarning.Code#REPORT_IN_FUTURE}): reports are sent after
 *       their period, so a later end is a wrong clock or a forgery, and must not anchor a
 *       readiness window.
 *   <li>{@code maxPolicyDomains} (default 1,000,000): the most distinct policy domains a summary
 *       holds; a report that would add more is set aside ({@link
 *       SummaryWarning.Code#TOO_MANY_POLICY_DOMAINS}). A domain with one day of figures takes
 *       about 400 bytes (see docs/tlsrpt-model.md).
 *   <li>{@code maxPlausibleSessions} (default 10^12): a report counting more sessions than this
 *       in one policy or one failure detail is counted but flagged ({@link
 *       SummaryWarning.Code#IMPLAUSIBLE_SESSION_COUNT}); the largest senders count about 10^9
 *       sessions a day for the largest domains.
 * </ul>
 *
 * @param maxReportDays the most days one report may cover, 1 to 366
 * @param maxReportAge how long before now a report's period may start, positive
 * @param maxClockSkew how long after now a report's period may end, not negative
 * @param maxPolicyDomains the most distinct policy domains, at least 1
 * @param maxPlausibleSessions the largest plausible count in one policy or failure detail, at
 *     least 1
 */
public record SummaryLimits(
    int maxReportDays,
    Duration maxReportAge,
    Duration maxClockSkew,
    int maxPolicyDomains,
    long maxPlausibleSessions) {

  /** The default limits. */
  public static final SummaryLimits DEFAULT =
      new SummaryLimits(31, Duration.ofDays(7305), Duration.ofDays(1), 1_000_000, 1_000_000_000_000L);

  /**
   * Checks the limits.
   *
   * @param maxReportDays the {@code maxReportDays} component
   * @param maxReportAge the {@code maxReportAge} component
   * @param maxClockSkew the {@code maxClockSkew} component
   * @param maxPolicyDomains the {@code maxPolicyDomains} component
   * @param maxPlausibleSessions the {@code maxPlausibleSessions} component
   * @throws IllegalArgumentException when a limit is out of its range
   */
  public SummaryLimits {
    Objects.requireNonNull(maxReportAge, "maxReportAge");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxReportDays < 1 || maxReportDays > 366) {
      throw new IllegalArgumentException("maxReportDays " + maxReportDays + " is not in 1..366");
    }
    if (maxReportAge.isNegative() || maxReportAge.isZero()
        || maxReportAge.compareTo(Duration.ofDays(36_525)) > 0) {
      throw new IllegalArgumentException(
          "maxReportAge " + maxReportAge + " is not between 1 second and 100 years");
    }
    if (maxClockSkew.isNegative() || maxClockSkew.compareTo(Duration.ofDays(366)) > 0) {
      throw new IllegalArgumentException(
          "maxClockSkew " + maxClockSkew + " is not between 0 and 366 days");
    }
    if (maxPolicyDomains < 1) {
      throw new IllegalArgumentException("maxPolicyDomains " + maxPolicyDomains + " < 1");
    }
    if (maxPlausibleSessions < 1) {
      throw new IllegalArgumentException("maxPlausibleSessions " + maxPlausibleSessions + " < 1");
    }
  }

  /**
   * Returns these limits with another bound on the number of policy domains.
   *
   * @param domains the new bound, at least 1
   * @return the limits
   */
  public SummaryLimits withMaxPolicyDomains(int domains) {
    return new SummaryLimits(
        maxReportDays, maxReportAge, maxClockSkew, domains, maxPlausibleSessions);
  }

  /**
   * Returns these limits with another bound on the days one report may cover.
   *
   * @param days the new bound, 1 to 366
   * @return the limits
   */
  public SummaryLimits withMaxReportDays(int days) {
    return new SummaryLimits(days, maxReportAge, maxClockSkew, maxPolicyDomains, maxPlausibleSessions);
  }

  /**
   * Returns these limits with other bounds on a report's distance from now.
   *
   * @param age how long before now a report's period may start
   * @param skew how long after now a report's period may end
   * @return the limits
   */
  public SummaryLimits withDateBounds(Duration age, Duration skew) {
    return new SummaryLimits(maxReportDays, age, skew, maxPolicyDomains, maxPlausibleSessions);
  }
}
