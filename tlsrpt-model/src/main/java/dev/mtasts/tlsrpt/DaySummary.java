package dev.mtasts.tlsrpt;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one policy domain on one UTC day.
 *
 * <p>A day can be covered (a report's date range includes it) with no sessions attributed: the
 * figures of a report count on the UTC day its range starts.
 *
 * @param day the UTC day
 * @param covered whether at least one report's date range covers this day
 * @param reports how many distinct reports start on this day
 * @param sessions the domain-level session counts (see {@link ReportSummary} for the rule that
 *     keeps STS and TLSA figures of one report from being counted twice)
 * @param byPolicyType the per-policy-type counts, keyed by {@code policy-type} text; these keep
 *     both STS and TLSA figures
 */
public record DaySummary(
    LocalDate day,
    boolean covered,
    long reports,
    SessionCounts sessions,
    Map<String, SessionCounts> byPolicyType) {

  /**
   * Checks the components and copies the map.
   *
   * @param day the {@code day} component
   * @param covered the {@code covered} component
   * @param reports the {@code reports} component
   * @param sessions the {@code sessions} component
   * @param byPolicyType the {@code byPolicyType} component
   */
  public DaySummary {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(sessions, "sessions");
    byPolicyType = Map.copyOf(byPolicyType);
  }
}
