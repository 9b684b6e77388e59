package dev.mtasts.tlsrpt;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.internal.Counts;
import dev.mtasts.tlsrpt.internal.DomainState;
import dev.mtasts.tlsrpt.internal.SummaryCodec;
import dev.mtasts.tlsrpt.internal.SummaryState;
import java.time.Instant;
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
import org.jspecify.annotations.Nullable;

/**
 * An immutable, mergeable aggregation of TLS-RPT reports: per policy domain, per UTC day, per
 * policy type, per result type, per sending MTA IP and receiving MX host.
 *
 * <pre>{@code
 * ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
 * for (Path file : files) {
 *   acc.add(TlsRptReader.lenient().read(file).value());
 * }
 * ReportSummary summary = acc.snapshot();
 * DomainSummary d = summary.domain("example.com");
 * System.out.println(d.sessions() + " " + d.failureGroups());
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Days.</b> A report counts on every UTC day its date range covers. A report covering
 *       several days (a weekly report, for example) has its sessions, per-policy figures and
 *       failure figures spread evenly over those days, rounded so the shares add up to the
 *       report's figures exactly: 77 sessions over 11 days count 7 a day. This is an estimate,
 *       marked as such ({@link DaySummary#estimated()}); a window that overlaps part of the report
 *       gets the share of the days it overlaps. A day no report covers is never "covered", and a
 *       covered day with no session is not a day with sessions ({@link
 *       DomainSummary#daysWithSessions()}).
 *   <li><b>Bounds.</b> A report whose date range covers more than 31 days, starts more than 20
 *       years ago or ends more than a day after now is set aside with a {@link SummaryWarning}
 *       ({@link SummaryLimits} holds these bounds), so no report can make the summary allocate per
 *       day of a span it merely claims.
 *   <li><b>Counts.</b> Every figure is a saturating sum: it never goes past 2^53 - 1
 *       (9007199254740991, the largest count a report may carry) and so never overflows or turns
 *       negative. A sum that reaches the bound stops there, the report is flagged ({@link
 *       SummaryWarning.Code#SESSION_COUNT_SATURATED}) and {@link #saturated()} turns true. A report
 *       whose own figures are impossible (failure details above its failure total) or implausible
 *       (counts above {@link SummaryLimits#maxPlausibleSessions()}) is counted but flagged.
 *   <li><b>Failures without details.</b> Failed sessions a policy counts in {@code
 *       total-failure-session-count} but describes in no {@code failure-details} form their own
 *       failure group, of result type {@link ResultType#FAILURES_WITHOUT_DETAILS}.
 *   <li><b>Deduplication.</b> A report with the same {@code organization-name}, {@code report-id}
 *       and content as one already added (delivered by mail and by HTTPS, or re-sent) is skipped
 *       and counted in {@link #duplicateReports()}. One with the same name but different content
 *       is a conflict ({@link AddResult.Outcome#CONFLICT}): it is not counted, it is counted in
 *       {@link #conflictingReports()} and listed in {@link #conflicts()}, and the caller may
 *       {@link Accumulator#withdraw withdraw} the earlier report so that neither counts. The
 *       summary keeps 24 bytes of fingerprints for each report, never the reports. {@link
 *       #merge(ReportSummary)} cannot subtract figures it never separated: a report present in
 *       both summaries is counted in both and in {@link #duplicateReports()} (or {@link
 *       #conflictingReports()}); give each report to one accumulator (for example, partition by
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
 * with the number of distinct keys: about 400 bytes for a policy domain with one day of figures,
 * about 130 bytes for each further day and policy type, about 100 bytes per distinct failure
 * figure, plus about 36 bytes per distinct report for deduplication.
 */
public final class ReportSummary {

  private static final ReportSummary EMPTY =
      new ReportSummary(new SummaryState(SummaryLimits.DEFAULT, null));

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
   * Returns a new, empty accumulator (mutable, not thread-safe; one per thread) with the default
   * {@link SummaryLimits}, measuring the date bounds from the current instant.
   *
   * @return the accumulator
   */
  public static Accumulator newAccumulator() {
    return new Accumulator(SummaryLimits.DEFAULT, Instant.now());
  }

  /**
   * Returns a new, empty accumulator with given limits, measuring the date bounds from {@code
   * now}.
   *
   * <pre>{@code
   * ReportSummary.Accumulator acc = ReportSummary.newAccumulator(
   *     SummaryLimits.DEFAULT.withMaxPolicyDomains(10_000), clock.instant());
   * }</pre>
   *
   * @param limits the bounds on what one report may claim
   * @param now the instant reports are compared with (a report may not end after it, nor start
   *     too long before it)
   * @return the accumulator
   */
  public static Accumulator newAccumulator(SummaryLimits limits, Instant now) {
    return new Accumulator(Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(now, "now"));
  }

  /**
   * Returns a new, empty accumulator with given limits that measures the date bounds from the
   * current instant at each report: for a long-running aggregation (a stream job) where a fixed
   * instant would age.
   *
   * @param limits the bounds on what one report may claim
   * @return the accumulator
   */
  public static Accumulator newAccumulator(SummaryLimits limits) {
    return new Accumulator(Objects.requireNonNull(limits, "limits"), null);
  }

  /**
   * Returns the summary in its compact, versioned binary form (format version {@value
   * SummaryCodec#VERSION}), to save it and add later reports to it ({@link #fromBytes(byte[])},
   * {@link #toAccumulator()}). The bytes hold every figure, the limits and instant of the
   * accumulator, the conflicts and the 24-byte fingerprints of the reports, so a report added
   * after reading them back is still recognised as a duplicate. Equal summaries give equal bytes.
   *
   * <pre>{@code
   * Files.write(saved, summary.toBytes());
   * ReportSummary.Accumulator acc = ReportSummary.fromBytes(Files.readAllBytes(saved)).toAccumulator();
   * acc.add(todaysReport);   // counted once, even if it was in the saved summary
   * }</pre>
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    return SummaryCodec.encode(state);
  }

  /**
   * Reads a summary back from {@link #toBytes()}. Every length and count is checked against the
   * bytes that remain before anything is allocated, so hostile input costs at most its own size.
   *
   * @param bytes the bytes (not changed)
   * @return the summary
   * @throws SummaryFormatException when the bytes are not a saved summary, are of an unknown
   *     format version, or are truncated or corrupt; the exception names the byte offset
   */
  public static ReportSummary fromBytes(byte[] bytes) {
    return new ReportSummary(SummaryCodec.decode(Objects.requireNonNull(bytes, "bytes")));
  }

  /**
   * Returns a new accumulator that starts with this summary's figures and report names (so a
   * report it holds counts as a duplicate), with its limits and instant; this summary is not
   * changed.
   *
   * @return the accumulator
   */
  public Accumulator toAccumulator() {
    Accumulator acc = new Accumulator(state.limits(), state.now());
    acc.state = state.deepCopy();
    return acc;
  }

  /**
   * Returns one more than the largest source number given to a report so far (0 when none): a
   * caller that adds reports to a saved summary numbers them from here, so the sources of the
   * saved reports ({@link AddResult#earlierSource()}, {@link ReportConflict}) stay apart from its
   * own.
   *
   * @return the next source number
   */
  public int nextSource() {
    return state.nextSource();
  }

  /**
   * Returns the limits of the accumulator this summary was built with.
   *
   * @return the limits
   */
  public SummaryLimits limits() {
    return state.limits();
  }

  /**
   * Returns this summary with one more report; for many reports use an {@link Accumulator}, which
   * does not copy. Deduplicates like {@link Accumulator#add(TlsRptReport)}: a report whose
   * organization and report-id this summary already holds leaves every figure unchanged and only
   * adds one to {@link #duplicateReports()} (or, with other content, to {@link
   * #conflictingReports()}), so {@code s.add(r).add(r)} counts {@code r} once. The limits and the
   * instant of the summary's accumulator apply.
   *
   * @param report the report
   * @return the new summary
   */
  public ReportSummary add(TlsRptReport report) {
    Objects.requireNonNull(report, "report");
    @Nullable SummaryState skipped = state.skipping(report);
    if (skipped != null) {
      // merge() cannot take figures back out, so the duplicate must be caught before merging.
      return new ReportSummary(skipped);
    }
    Accumulator acc = new Accumulator(state.limits(), state.now());
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
    if (other.state.isEmpty()) {
      return this;
    }
    if (state.isEmpty()) {
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
    return state.reports();
  }

  /**
   * Returns how many reports were skipped as duplicates (same name and content as one added
   * before), plus how many were found on both sides of a merge.
   *
   * @return the duplicate count
   */
  public long duplicateReports() {
    return state.duplicates();
  }

  /**
   * Returns how many reports had the same organization and report-id as one added before but
   * other content; they are not counted (see {@link AddResult.Outcome#CONFLICT}).
   *
   * @return the conflict count
   */
  public long conflictingReports() {
    return state.conflicts();
  }

  /**
   * Returns the conflicts, sorted by organization and report-id; at most the first 1,000 are
   * listed, all are counted in {@link #conflictingReports()}.
   *
   * @return the conflicts
   */
  public List<ReportConflict> conflicts() {
    return state.conflictList();
  }

  /**
   * Returns how many reports were set aside by a {@link SummaryLimits} bound (date range too long,
   * too old, in the future, or too many policy domains); their figures are not counted.
   *
   * @return the count
   */
  public long setAsideReports() {
    return state.setAside();
  }

  /**
   * Returns how many counted reports came with a {@link SummaryWarning} (impossible or implausible
   * figures, a saturated sum).
   *
   * @return the count
   */
  public long flaggedReports() {
    return state.flagged();
  }

  /**
   * Tells whether some sum reached 2^53 - 1 and stopped there: the figures are then lower bounds.
   *
   * @return {@code true} when a sum saturated
   */
  public boolean saturated() {
    return state.saturated();
  }

  /**
   * Returns the number of policy results whose figures are included.
   *
   * @return the policy result count
   */
  public long policyResultCount() {
    return state.policyResults();
  }

  /**
   * Returns the policy domains, lower case, in order.
   *
   * @return the domains
   */
  public Set<String> domains() {
    return Collections.unmodifiableSet(new TreeSet<>(state.domains().keySet()));
  }

  /**
   * Returns the number of policy domains, without building the sorted set of {@link #domains()}.
   *
   * @return the number of domains
   */
  public int domainCount() {
    return state.domains().size();
  }

  /**
   * Returns the figures of one policy domain over all days (empty figures for an unknown domain).
   *
   * @param policyDomain the domain, any case
   * @return the domain summary
   */
  public DomainSummary domain(String policyDomain) {
    String d = DomainName.comparisonKey(policyDomain);
    return new DomainSummary(d, state.domain(d), Long.MIN_VALUE, Long.MAX_VALUE);
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
    String d = DomainName.comparisonKey(policyDomain);
    return new DomainSummary(d, state.domain(d), from.toEpochDay(), to.toEpochDay());
  }

  private List<DomainSummary> allDomains() {
    List<DomainSummary> list = new ArrayList<>(state.domains().size());
    for (Map.Entry<String, DomainState> e : state.domains().entrySet()) {
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
      d.byResultType().forEach((k, v) -> m.merge(k, v, Counts::plus));
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
      d.bySendingMtaIp().forEach((k, v) -> m.merge(k, v, Counts::plus));
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
      d.byReceivingMxHost().forEach((k, v) -> m.merge(k, v, Counts::plus));
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
  public boolean equals(@Nullable Object o) {
    return o instanceof ReportSummary s && s.state.equals(state);
  }

  @Override
  public int hashCode() {
    return state.hashCode();
  }

  @Override
  public String toString() {
    return "ReportSummary[reports=" + state.reports() + ", duplicates=" + state.duplicates()
        + ", conflicts=" + state.conflicts() + ", setAside=" + state.setAside()
        + ", policyResults=" + state.policyResults() + ", domains=" + state.domains().size() + "]";
  }

  /**
   * A mutable builder of a {@link ReportSummary}: adds reports without copying. Not thread-safe;
   * use one per thread and {@link ReportSummary#merge(ReportSummary)} the snapshots.
   */
  public static final class Accumulator {
    private SummaryState state;
    // The state is also a snapshot's (snapshot() hands it over without copying): it is copied
    // before the next change, so a snapshot after the last report costs no copy.
    private boolean shared;

    private Accumulator(SummaryLimits limits, @Nullable Instant now) {
      this.state = new SummaryState(limits, now);
    }

    /** The state, copied first when a snapshot holds it: call before every change. */
    private SummaryState writable() {
      if (shared) {
        state = state.deepCopy();
        shared = false;
      }
      return state;
    }

    /**
     * Adds a report unless it is beyond a {@link SummaryLimits} bound or one with the same
     * organization and report-id was added before; its source number is the number of reports
     * offered before it.
     *
     * @param report the report
     * @return {@code true} when added, {@code false} when skipped (duplicate, conflict, set aside)
     */
    public boolean add(TlsRptReport report) {
      return add(report, state.nextSource()).added();
    }

    /**
     * Adds a report, telling what was done and why.
     *
     * <pre>{@code
     * AddResult r = acc.add(report, fileIndex);
     * if (r.outcome() == AddResult.Outcome.CONFLICT && r.earlierSource().isPresent()) {
     *   acc.withdraw(reRead(files.get(r.earlierSource().getAsInt())));  // neither counts
     * }
     * }</pre>
     *
     * @param report the report
     * @param source the caller's number for where the report came from (a file index, say),
     *     returned in {@link AddResult#earlierSource()} and {@link ReportConflict}
     * @return the outcome and the warnings
     */
    public AddResult add(TlsRptReport report, int source) {
      Objects.requireNonNull(report, "report");
      return writable().add(report, source);
    }

    /**
     * Takes the figures of a report added before back out: for the earlier report of a {@link
     * AddResult.Outcome#CONFLICT}, so that neither of two reports claiming the same name counts.
     * The name stays known, so later copies still count as duplicates or conflicts. Exact unless a
     * sum had saturated.
     *
     * @param report the report, as it was added
     * @return {@code true} when its figures were in and are now out; {@code false} when no report
     *     with this name and content was added, or it was withdrawn already
     */
    public boolean withdraw(TlsRptReport report) {
      Objects.requireNonNull(report, "report");
      return writable().withdraw(report);
    }

    /**
     * Returns the number of policy domains so far.
     *
     * @return the domain count
     */
    public int domainCount() {
      return state.domains().size();
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
      writable().mergeInPlace(summary.state);
      return this;
    }

    /**
     * Returns what {@link ReportSummary#toBytes()} would of a snapshot, without copying the
     * state first.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
      return SummaryCodec.encode(state);
    }

    /**
     * Returns an immutable summary of everything added so far; the accumulator stays usable. The
     * summary takes the accumulator's figures without copying them; the accumulator copies them
     * when it next changes ({@code add}, {@code withdraw}, {@code merge}), so a snapshot after the
     * last report costs no copy and one between reports costs one.
     *
     * @return the snapshot
     */
    public ReportSummary snapshot() {
      // Copy on write: the summary takes the state as it is, and the accumulator copies it
      // before it next changes (never if it does not).
      shared = true;
      return new ReportSummary(state);
    }

    /**
     * Returns an immutable summary of everything added so far without copying it, and leaves
     * this accumulator empty (same limits and instant): what follows starts a new aggregation,
     * where after {@link #snapshot()} it would continue the old one on a copy.
     *
     * @return the summary
     */
    public ReportSummary finish() {
      SummaryState done = state;
      state = new SummaryState(done.limits(), done.now());
      shared = false;
      return new ReportSummary(done);
    }
  }
}
