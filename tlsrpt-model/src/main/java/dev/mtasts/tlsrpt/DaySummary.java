package dev.mtasts.tlsrpt;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one policy domain on one UTC day.
 *
 * <p>A report counts on every day its date range covers. A report covering several days has its
 * sessions spread evenly over them (see {@link ReportSummary}): the day's figures are then an
 * estimate, and {@link #estimated()} is {@code true}. A day can be covered with no sessions (a
 * report that counted none, or too few to give this day a share): it is then not a day with
 * sessions.
 *
 * @param day the UTC day
 * @param covered whether at least one report's date range covers this day
 * @param reports how many distinct reports cover this day
 * @param sessions the domain-level session counts (see {@link ReportSummary} for the rule that
 *     keeps STS and TLSA figures of one report from being counted twice)
 * @param byPolicyType the per-policy-type counts, keyed by {@code policy-type} text; these keep
 *     both STS and TLSA figures
 * @param estimated whether some of the counts are a share of a report covering several days
 */
public record DaySummary(
    LocalDate day,
    boolean covered,
    long reports,
    SessionCounts sessions,
    Map<String, SessionCounts> byPolicyType,
    boolean estimated) {

  /**
   * Checks the components and copies the map.
   *
   * @param day the {@code day} component
   * @param covered the {@code covered} component
   * @param reports the {@code reports} component
   * @param sessions the {@code sessions} component
   * @param byPolicyType the {@code byPolicyType} component
   * @param estimated the {@code estimated} component
   */
  public DaySummary {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(sessions, "sessions");
    byPolicyType = Map.copyOf(byPolicyType);
  }

  /**
   * Tells whether the day counts at least one session.
   *
   * @return {@code true} when {@code sessions().total() > 0}
   */
  public boolean hasSessions() {
    return sessions.total() > 0;
  }
}
