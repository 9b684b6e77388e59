package dev.mtasts.tlsrpt;

import dev.mtasts.tlsrpt.internal.DomainState;
import dev.mtasts.tlsrpt.internal.MxPatterns;
import dev.mtasts.tlsrpt.internal.SummaryState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable, mergeable aggregation of TLS-RPT reports: per policy domain, per UTC day, per
 * policy type, per result type, per sending MTA IP and receiving MX host.
 *
 * <pre>{@code
 * ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
 * for (Path file : files) {
 *   acc.add(TlsRptReader.tolerant().read(file).report());
 * }
 * ReportSummary summary = acc.snapshot();
 * DomainSummary d = summary.domain("example.com");
 * System.out.println(d.sessions() + " " + d.failureGroups());
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Days.</b> A report's figures count on the UTC day its date range starts. Every day its
 *       range covers (at most {@value SummaryState#MAX_COVERED_DAYS} days) counts as covered.
 *   <li><b>Deduplication.</b> A report with the same {@code organization-name} and {@code
 *       report-id} as one already added (delivered by mail and by HTTPS, or re-sent) is skipped
 *       and counted in {@link #duplicateReports()}. The summary keeps a 128-bit fingerprint of each
 *       pair, never the reports. {@link #merge(ReportSummary)} cannot subtract figures it never
 *       separated: a report present in both summaries is counted in both and in {@link
 *       #duplicateReports()}; give each report to one accumulator (for example, partition by
 *       report-id) so merged summaries are exact.
 *   <li><b>STS and TLSA side by side.</b> Microsoft reports the same sessions under an {@code sts}
 *       and a {@code tlsa} policy in one report. Per-policy figures ({@link
 *       DomainSummary#byPolicyType()}, failure figures) keep both. Domain-level session counts
 *       ({@link DomainSummary#sessions()}, {@link DaySummary#sessions()}, {@link #sessions()})
 *       take, per report and policy domain, the larger of the {@code sts} sum and the {@code tlsa}
 *       sum (successful and failed separately), then add the {@code no-policy-found} sum and the
 *       sums of unknown policy types, which never overlap a policy's sessions: {@code sts 2 + tlsa
 *       2} successful sessions count as 2, not 4, and {@code no-policy-found 40 + sts 60} as 100.
 *   <li><b>Domains</b> are compared lower case; a policy result without {@code policy-domain}
 *       counts under {@code ""}.
 * </ul>
 *
 * <p>{@link #merge(ReportSummary)} is associative and commutative with {@link #empty()} as
 * identity, so summaries built on several threads or machines combine in any order. Memory grows
 * with the number of distinct keys (domains, days, policy types, failure combinations), plus 32
 * bytes or less per distinct report for deduplication.
 */
public final class ReportSummary {

  private static final ReportSummary EMPTY = new ReportSummary(new SummaryState());

  private final SummaryState state;

  private ReportSummary(SummaryState state) {
    this.state = state;
  }

  /**
   * Returns the summary of no reports, the identity of {@link #merge(ReportSummary)}.
   *
   * @return the empty summary
   */
  public static ReportSummary empty() {
    return EMPTY;
  }

  /**
   * Returns the summary of some reports.
   *
   * @param reports the reports
   * @return their summary
   */
  public static ReportSummary of(Iterable<TlsRptReport> reports) {
    Accumulator acc = newAccumulator();
    acc.addAll(reports);
    return acc.snapshot();
  }

  /**
   * Returns a new, empty accumulator (mutable, not thread-safe; one per thread).
   *
   * @return the accumulator
   */
  public static Accumulator newAccumulator() {
    return new Accumulator();
  }

  /**
   * Returns this summary with one more report; for many reports use an {@link Accumulator}, which
   * does not copy. Deduplicates like {@link Accumulator#add(TlsRptReport)}: a report whose
   * organization and report-id this summary already holds leaves every figure unchanged and only
   * adds one to {@link #duplicateReports()}, so {@code s.add(r).add(r)} counts {@code r} once.
   *
   * @param report the report
   * @return the new summary
   */
  public ReportSummary add(TlsRptReport report) {
    Objects.requireNonNull(report, "report");
    if (state.hasReport(report)) {
      // merge() cannot take figures back out, so the duplicate must be caught before merging.
      return new ReportSummary(state.withOneMoreDuplicate());
    }
    Accumulator acc = newAccumulator();
    acc.add(report);
    // The report is new to this summary, so the merge finds no overlap and is exact.
    return merge(acc.snapshot());
  }

  /**
   * Returns the combination of this summary and another.
   *
   * @param other the other summary
   * @return the merged summary
   */
  public ReportSummary merge(ReportSummary other) {
    Objects.requireNonNull(other, "other");
    if (other.state.domains.isEmpty() && other.state.reports == 0 && other.state.duplicates == 0) {
      return this;
    }
    if (state.domains.isEmpty() && state.reports == 0 && state.duplicates == 0) {
      return other;
    }
    return new ReportSummary(SummaryState.merged(state, other.state));
  }

  /**
   * Returns the number of reports whose figures are included.
   *
   * @return the report count
   */
  public long reportCount() {
    return state.reports;
  }

  /**
   * Returns how many reports were skipped as duplicates, plus how many were found on both sides of
   * a merge.
   *
   * @return the duplicate count
   */
  public long duplicateReports() {
    return state.duplicates;
  }

  /**
   * Returns the number of policy results whose figures are included.
   *
   * @return the policy result count
   */
  public long policyResultCount() {
    return state.policyResults;
  }

  /**
   * Returns the policy domains, lower case, in order.
   *
   * @return the domains
   */
  public Set<String> domains() {
    return Collections.unmodifiableSet(new TreeSet<>(state.domains.keySet()));
  }

  /**
   * Returns the figures of one policy domain over all days (empty figures for an unknown domain).
   *
   * @param policyDomain the domain, any case
   * @return the domain summary
   */
  public DomainSummary domain(String policyDomain) {
    String d = MxPatterns.normalize(policyDomain);
    return new DomainSummary(d, state.domains.get(d), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Returns the figures of one policy domain over a window of UTC days.
   *
   * @param policyDomain the domain, any case
   * @param from the first day, inclusive
   * @param to the last day, inclusive
   * @return the domain summary
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public DomainSummary domain(String policyDomain, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
    }
    String d = MxPatterns.normalize(policyDomain);
    return new DomainSummary(d, state.domains.get(d), from.toEpochDay(), to.toEpochDay());
  }

  private List<DomainSummary> allDomains() {
    List<DomainSummary> list = new ArrayList<>(state.domains.size());
    for (Map.Entry<String, DomainState> e : state.domains.entrySet()) {
      list.add(new DomainSummary(e.getKey(), e.getValue(), Long.MIN_VALUE, Long.MAX_VALUE));
    }
    return list;
  }

  /**
   * Returns the domain-level session counts over all domains and days.
   *
   * @return the totals
   */
  public SessionCounts sessions() {
    SessionCounts total = SessionCounts.ZERO;
    for (DomainSummary d : allDomains()) {
      total = total.plus(d.sessions());
    }
    return total;
  }

  /**
   * Returns the share of successful sessions over everything, empty without sessions.
   *
   * @return the success rate
   */
  public OptionalDouble successRate() {
    return sessions().successRate();
  }

  /**
   * Returns the domain-level session counts per UTC day over all domains.
   *
   * @return day to counts
   */
  public SortedMap<LocalDate, SessionCounts> byDay() {
    TreeMap<LocalDate, SessionCounts> m = new TreeMap<>();
    for (DomainSummary d : allDomains()) {
      for (DaySummary day : d.days().values()) {
        m.merge(day.day(), day.sessions(), SessionCounts::plus);
      }
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /**
   * Returns the counts per {@code policy-type} text over all domains.
   *
   * @return policy type to counts
   */
  public Map<String, SessionCounts> byPolicyType() {
    Map<String, SessionCounts> m = new HashMap<>();
    for (DomainSummary d : allDomains()) {
      d.byPolicyType().forEach((k, v) -> m.merge(k, v, SessionCounts::plus));
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the failed sessions per result type over all domains.
   *
   * @return result type to failed sessions
   */
  public Map<ResultType, Long> byResultType() {
    Map<ResultType, Long> m = new HashMap<>();
    for (DomainSummary d : allDomains()) {
      d.byResultType().forEach((k, v) -> m.merge(k, v, Long::sum));
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the failed sessions per sending MTA IP over all domains ({@code ""}: not reported).
   *
   * @return IP to failed sessions
   */
  public Map<String, Long> bySendingMtaIp() {
    Map<String, Long> m = new HashMap<>();
    for (DomainSummary d : allDomains()) {
      d.bySendingMtaIp().forEach((k, v) -> m.merge(k, v, Long::sum));
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the failed sessions per receiving MX host over all domains ({@code ""}: not
   * reported).
   *
   * @return MX host to failed sessions
   */
  public Map<String, Long> byReceivingMxHost() {
    Map<String, Long> m = new HashMap<>();
    for (DomainSummary d : allDomains()) {
      d.byReceivingMxHost().forEach((k, v) -> m.merge(k, v, Long::sum));
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the {@code limit} largest failure figures over all domains.
   *
   * @param limit how many at most
   * @return the top failures, largest first
   */
  public List<FailureEntry> topFailures(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " < 0");
    }
    List<FailureEntry> all = new ArrayList<>();
    for (DomainSummary d : allDomains()) {
      all.addAll(d.failures());
    }
    all.sort(DomainSummary.BY_COUNT_THEN_FIELDS);
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportSummary && ((ReportSummary) o).state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "ReportSummary[reports=" + state.reports + ", duplicates=" + state.duplicates
        + ", policyResults=" + state.policyResults + ", domains=" + state.domains.size() + "]";
  }

  /**
   * A mutable builder of a {@link ReportSummary}: adds reports without copying. Not thread-safe;
   * use one per thread and {@link ReportSummary#merge(ReportSummary)} the snapshots.
   */
  public static final class Accumulator {
    private final SummaryState state = new SummaryState();

    private Accumulator() {}

    /**
     * Adds a report unless one with the same organization and report-id was added before.
     *
     * @param report the report
     * @return {@code true} when added, {@code false} when skipped as a duplicate
     */
    public boolean add(TlsRptReport report) {
      return state.add(Objects.requireNonNull(report, "report"));
    }

    /**
     * Adds reports.
     *
     * @param reports the reports
     * @return this accumulator
     */
    public Accumulator addAll(Iterable<TlsRptReport> reports) {
      for (TlsRptReport r : reports) {
        add(r);
      }
      return this;
    }

    /**
     * Adds the figures of a summary.
     *
     * @param summary the summary
     * @return this accumulator
     */
    public Accumulator merge(ReportSummary summary) {
      state.mergeInPlace(summary.state);
      return this;
    }

    /**
     * Returns an immutable summary of everything added so far; the accumulator stays usable.
     *
     * @return the snapshot
     */
    public ReportSummary snapshot() {
      return new ReportSummary(state.deepCopy());
    }
  }
}
