package dev.mtasts.tlsrpt.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.AddResult;
import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ReportConflict;
import dev.mtasts.tlsrpt.SummaryLimits;
import dev.mtasts.tlsrpt.SummaryWarning;
import dev.mtasts.tlsrpt.SummaryWarning.Code;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The whole aggregation state: domains, the keys of the reports seen, the conflicts found and the
 * counters. An accumulator owns one and mutates it; a snapshot holds one that is never changed
 * again. Everything is reachable through accessors only, in a shape a serialiser can write field
 * by field: counters, then {@link DomainState}s made of named cells.
 */
public final class SummaryState {

  /** At most this many conflicts are listed (all are counted), the first by name. */
  public static final int MAX_LISTED_CONFLICTS = 1000;

  static final Comparator<ReportConflict> CONFLICT_ORDER =
      Comparator.comparing(ReportConflict::organization)
          .thenComparing(ReportConflict::reportId)
          .thenComparingInt(ReportConflict::firstSource)
          .thenComparingInt(ReportConflict::secondSource);

  private final SummaryLimits limits;
  /** {@code null}: the current instant whenever a report is checked. */
  private final @Nullable Instant now;
  private final Map<String, DomainState> domains;
  private final FingerprintSet reportKeys;
  /** Conflicts by name, sorted, at most {@link #MAX_LISTED_CONFLICTS}. */
  private final List<ReportConflict> conflictList;
  /** Names that conflicted already. */
  private final Set<ReportKey> conflicted;
  /** Names whose figures were withdrawn, so a second withdrawal does nothing. */
  private final Set<ReportKey> withdrawn;
  private long reports;
  private long duplicates;
  private long conflicts;
  private long setAside;
  private long policyResults;
  private long flagged;
  private boolean saturated;
  private int nextSource;

  /** Per-domain scratch of one report: successful, failed per policy type (index 2 * ordinal). */
  private final Map<String, long[]> scratch = new HashMap<>();

  // The scratch is indexed by ordinal, and nothing indexed so outlives one report: the enum's order
  // may change freely (the saved form names types by their wire names).
  @SuppressWarnings("EnumOrdinal")
  private static final int STS_OK = 2 * PolicyType.STS.ordinal();
  @SuppressWarnings("EnumOrdinal")
  private static final int TLSA_OK = 2 * PolicyType.TLSA.ordinal();
  @SuppressWarnings("EnumOrdinal")
  private static final int NPF_OK = 2 * PolicyType.NO_POLICY_FOUND.ordinal();
  @SuppressWarnings("EnumOrdinal")
  private static final int UNKNOWN_OK = 2 * PolicyType.UNKNOWN.ordinal();
  private static final int SCRATCH_SLOTS = 2 * PolicyType.values().length;

  /**
   * Raw name to normalized name: one hash-and-compare instead of a character scan, and the
   * normalized String is then one shared instance. Bounded, so hostile input cannot grow it.
   */
  private final Map<String, String> names = new HashMap<>();

  private static final int MAX_CACHED_NAMES = 4096;

  /** The owner's lookup key for failure cells (an accumulator's state is used by one thread). */
  private final FailureKey.Probe probe = new FailureKey.Probe();

  /** The owner's buffer for fingerprinting reports. */
  private final ReportKey.Scratch keyScratch = new ReportKey.Scratch();

  /** The date bounds of the second {@link #boundsSecond}: see {@link #outOfBounds}. */
  private long boundsSecond = Long.MIN_VALUE;
  private @Nullable Instant oldestStart;
  private @Nullable Instant latestEnd;

  private final List<SummaryWarning> scratchWarnings = new ArrayList<>();

  /** What {@link #add} returns for the usual report: counted, nothing to say. */
  private static final AddResult ADDED =
      new AddResult(AddResult.Outcome.ADDED, List.of(), OptionalInt.empty());

  /**
   * Creates an empty state.
   *
   * @param limits the bounds on what one report may claim
   * @param now the instant the date bounds are measured from, {@code null} for the current
   *     instant at each check
   */
  public SummaryState(SummaryLimits limits, @Nullable Instant now) {
    this(limits, now, new HashMap<>(), new FingerprintSet(), new ArrayList<>(), new HashSet<>(),
        new HashSet<>());
  }

  SummaryState(
      SummaryLimits limits,
      @Nullable Instant now,
      Map<String, DomainState> domains,
      FingerprintSet reportKeys,
      List<ReportConflict> conflictList,
      Set<ReportKey> conflicted,
      Set<ReportKey> withdrawn) {
    this.limits = limits;
    this.now = now;
    this.domains = domains;
    this.reportKeys = reportKeys;
    this.conflictList = conflictList;
    this.conflicted = conflicted;
    this.withdrawn = withdrawn;
  }

  /** Sets the counters (as read back from a serialised form). */
  void restoreCounters(long[] c, boolean isSaturated, int next) {
    reports = c[0];
    duplicates = c[1];
    conflicts = c[2];
    setAside = c[3];
    policyResults = c[4];
    flagged = c[5];
    saturated = isSaturated;
    nextSource = next;
  }

  /**
   * Returns the report fingerprints (owned by this state: callers only read them).
   *
   * @return the set
   */
  FingerprintSet reportKeys() {
    return reportKeys;
  }

  /**
   * Returns the names that conflicted (read-only).
   *
   * @return the names, as keys without content
   */
  Set<ReportKey> conflicted() {
    return Collections.unmodifiableSet(conflicted);
  }

  /**
   * Returns the names whose figures were withdrawn (read-only).
   *
   * @return the names, as keys without content
   */
  Set<ReportKey> withdrawn() {
    return Collections.unmodifiableSet(withdrawn);
  }

  private SummaryState copyCounters(SummaryState from) {
    reports = from.reports;
    duplicates = from.duplicates;
    conflicts = from.conflicts;
    setAside = from.setAside;
    policyResults = from.policyResults;
    flagged = from.flagged;
    saturated = from.saturated;
    nextSource = from.nextSource;
    return this;
  }

  // ---- accessors ----

  /**
   * Returns the limits.
   *
   * @return the limits
   */
  public SummaryLimits limits() {
    return limits;
  }

  /**
   * Returns the instant the date bounds are measured from.
   *
   * @return now, or {@code null} for the current instant at each check
   */
  public @Nullable Instant now() {
    return now;
  }

  /**
   * Returns the domains (a read-only view).
   *
   * @return domain to state
   */
  public Map<String, DomainState> domains() {
    return Collections.unmodifiableMap(domains);
  }

  /**
   * Returns the state of a domain.
   *
   * @param domain the normalized domain
   * @return the state, or {@code null}
   */
  public @Nullable DomainState domain(String domain) {
    return domains.get(domain);
  }

  /**
   * Returns the listed conflicts, sorted by name.
   *
   * @return the conflicts
   */
  public List<ReportConflict> conflictList() {
    return Collections.unmodifiableList(conflictList);
  }

  /**
   * Returns the reports whose figures are counted.
   *
   * @return the count
   */
  public long reports() {
    return reports;
  }

  /**
   * Returns the reports skipped as duplicates.
   *
   * @return the count
   */
  public long duplicates() {
    return duplicates;
  }

  /**
   * Returns the reports that conflicted with an earlier one.
   *
   * @return the count
   */
  public long conflicts() {
    return conflicts;
  }

  /**
   * Returns the reports set aside by a limit.
   *
   * @return the count
   */
  public long setAside() {
    return setAside;
  }

  /**
   * Returns the policy results counted.
   *
   * @return the count
   */
  public long policyResults() {
    return policyResults;
  }

  /**
   * Returns the reports counted with warnings.
   *
   * @return the count
   */
  public long flagged() {
    return flagged;
  }

  /**
   * Tells whether some sum saturated.
   *
   * @return {@code true} when some figure stopped at the largest count
   */
  public boolean saturated() {
    return saturated;
  }

  /**
   * Tells whether this state has seen nothing at all.
   *
   * @return {@code true} for the empty state
   */
  public boolean isEmpty() {
    return domains.isEmpty() && reports == 0 && duplicates == 0 && conflicts == 0
        && setAside == 0 && reportKeys.size() == 0;
  }

  // ---- copies and merges ----

  /**
   * Returns an independent deep copy.
   *
   * @return the copy
   */
  public SummaryState deepCopy() {
    Map<String, DomainState> d = new HashMap<>(DomainState.capacityFor(domains.size()));
    for (Map.Entry<String, DomainState> e : domains.entrySet()) {
      d.put(e.getKey(), e.getValue().deepCopy());
    }
    return new SummaryState(limits, now, d, reportKeys.copy(), new ArrayList<>(conflictList),
        new HashSet<>(conflicted), new HashSet<>(withdrawn)).copyCounters(this);
  }

  /**
   * Returns a new state holding the sum of two states, sharing unchanged parts with them. A report
   * name found on both sides counts as a duplicate (same content) or a conflict (different
   * content); the figures of both sides stay, as a merge cannot separate them.
   *
   * @param a one state (not changed)
   * @param b the other state (not changed)
   * @return the merged state
   */
  public static SummaryState merged(SummaryState a, SummaryState b) {
    boolean aIsBig = a.domains.size() >= b.domains.size();
    SummaryState big = aIsBig ? a : b;
    SummaryState small = aIsBig ? b : a;
    Map<String, DomainState> d =
        new HashMap<>(DomainState.capacityFor(big.domains.size() + small.domains.size()));
    d.putAll(big.domains);
    for (Map.Entry<String, DomainState> e : small.domains.entrySet()) {
      d.merge(e.getKey(), e.getValue(), DomainState::mergedWith);
    }
    long[] overlap = new long[2];
    FingerprintSet keys = FingerprintSet.union(a.reportKeys, b.reportKeys,
        same -> overlap[same ? 0 : 1]++);
    Set<ReportKey> conflicted = new HashSet<>(a.conflicted);
    conflicted.addAll(b.conflicted);
    Set<ReportKey> withdrawn = new HashSet<>(a.withdrawn);
    withdrawn.addAll(b.withdrawn);
    SummaryState x = new SummaryState(a.limits, a.now, d, keys,
        mergedConflicts(a.conflictList, b.conflictList), conflicted, withdrawn);
    x.reports = a.reports + b.reports;
    x.duplicates = a.duplicates + b.duplicates + overlap[0];
    x.conflicts = a.conflicts + b.conflicts + overlap[1];
    x.setAside = a.setAside + b.setAside;
    x.policyResults = a.policyResults + b.policyResults;
    x.flagged = a.flagged + b.flagged;
    x.saturated = a.saturated || b.saturated || x.anySaturatedAfterMerge();
    x.nextSource = Math.max(a.nextSource, b.nextSource);
    return x;
  }

  private boolean anySaturatedAfterMerge() {
    // A merge adds figures with the same saturating sums; a sum at the largest count is a bound.
    for (DomainState ds : domains.values()) {
      for (DayCell c : ds.dayCells()) {
        if (c.successful() == Counts.MAX || c.failed() == Counts.MAX) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<ReportConflict> mergedConflicts(
      List<ReportConflict> a, List<ReportConflict> b) {
    if (b.isEmpty()) {
      return new ArrayList<>(a);
    }
    List<ReportConflict> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    all.sort(CONFLICT_ORDER);
    return new ArrayList<>(all.subList(0, Math.min(MAX_LISTED_CONFLICTS, all.size())));
  }

  /**
   * Adds another state's figures into this (owned, mutable) state.
   *
   * @param other the other state (not changed)
   */
  public void mergeInPlace(SummaryState other) {
    for (Map.Entry<String, DomainState> e : other.domains.entrySet()) {
      DomainState mine = domains.get(e.getKey());
      if (mine == null) {
        domains.put(e.getKey(), e.getValue().deepCopy());
      } else {
        mine.mergeFrom(e.getValue());
      }
    }
    long[] overlap = new long[2];
    reportKeys.addAll(other.reportKeys, same -> overlap[same ? 0 : 1]++);
    duplicates += other.duplicates + overlap[0];
    conflicts += other.conflicts + overlap[1];
    List<ReportConflict> c = mergedConflicts(conflictList, other.conflictList);
    conflictList.clear();
    conflictList.addAll(c);
    conflicted.addAll(other.conflicted);
    withdrawn.addAll(other.withdrawn);
    reports += other.reports;
    setAside += other.setAside;
    policyResults += other.policyResults;
    flagged += other.flagged;
    saturated |= other.saturated || anySaturatedAfterMerge();
    nextSource = Math.max(nextSource, other.nextSource);
  }

  // ---- adding ----

  /**
   * Returns the next source number for a report added without one.
   *
   * @return the number of reports offered so far
   */
  public int nextSource() {
    return nextSource;
  }

  /**
   * Tells what adding a report would do without adding it: {@code null} when it would be
   * added, otherwise the state after skipping it (sharing everything with this one; for immutable
   * snapshots only, which nobody mutates again).
   *
   * @param report the report
   * @return the state after skipping the report, or {@code null}
   */
  public @Nullable SummaryState skipping(TlsRptReport report) {
    List<SummaryWarning> warnings = new ArrayList<>();
    if (outOfBounds(report, warnings) || tooManyDomains(report, warnings)) {
      SummaryState x = shared();
      x.setAside++;
      return x;
    }
    ReportKey key = ReportKey.of(report);
    FingerprintSet.Entry seen = reportKeys.get(key);
    if (seen == null) {
      return null;
    }
    SummaryState x = shared();
    if (seen.content() == key.content()) {
      x.duplicates++;
    } else {
      x.conflicts++;
    }
    return x;
  }

  private SummaryState shared() {
    return new SummaryState(limits, now, domains, reportKeys, conflictList, conflicted, withdrawn)
        .copyCounters(this);
  }

  /**
   * Adds one report's figures unless it is beyond a limit or a report of the same name was added
   * before.
   *
   * @param report the report
   * @param source the caller's number for where the report came from
   * @return what was done, with the warnings
   */
  public AddResult add(TlsRptReport report, int source) {
    nextSource = Math.max(nextSource, source == Integer.MAX_VALUE ? source : source + 1);
    // Most reports raise no warning: one list is reused, and AddResult copies what it holds.
    List<SummaryWarning> warnings = scratchWarnings;
    warnings.clear();
    if (outOfBounds(report, warnings) || tooManyDomains(report, warnings)) {
      setAside++;
      return new AddResult(AddResult.Outcome.SET_ASIDE, warnings, OptionalInt.empty());
    }
    // The key's parts, without a key object: one is made only for a conflict's name.
    ReportKey.Scratch key = keyScratch;
    ReportKey.fill(report, key);
    FingerprintSet.Entry seen = reportKeys.get(key.hash(), key.ext());
    if (seen != null) {
      if (seen.content() == key.content()) {
        duplicates++;
        return new AddResult(AddResult.Outcome.DUPLICATE, warnings, OptionalInt.of(seen.source()));
      }
      conflicts++;
      boolean first = conflicted.add(new ReportKey(key.hash(), key.ext(), 0));
      ReportConflict c = new ReportConflict(
          report.organizationName(), report.reportId(), seen.source(), source);
      if (conflictList.size() < MAX_LISTED_CONFLICTS
          || CONFLICT_ORDER.compare(c, conflictList.get(conflictList.size() - 1)) < 0) {
        conflictList.add(c);
        conflictList.sort(CONFLICT_ORDER);
        if (conflictList.size() > MAX_LISTED_CONFLICTS) {
          conflictList.remove(conflictList.size() - 1);
        }
      }
      warnings.add(new SummaryWarning(Code.CONFLICTING_REPORT_ID, "$.report-id",
          "organization \"" + report.organizationName() + "\" sent report-id \""
              + report.reportId() + "\" before with other content (source " + seen.source()
              + "); neither report can be trusted, so this one is not counted"
              + (first ? " and the earlier one should be withdrawn" : "")));
      return new AddResult(AddResult.Outcome.CONFLICT, warnings,
          first ? OptionalInt.of(seen.source()) : OptionalInt.empty());
    }
    plausibility(report, warnings);
    reportKeys.addMember(key.hash(), key.ext(), key.content(), source);
    reports++;
    policyResults += report.policies().size();
    if (apply(report, 1)) {
      saturated = true;
      warnings.add(new SummaryWarning(Code.SESSION_COUNT_SATURATED, "$.policies",
          "adding this report's sessions reached the largest count, 9007199254740991 (2^53 - 1);"
              + " the sums stop there and are lower bounds from now on"));
    }
    if (warnings.isEmpty()) {
      return ADDED;
    }
    flagged++;
    return new AddResult(AddResult.Outcome.ADDED, warnings, OptionalInt.empty());
  }

  /**
   * Takes the figures of a report added before back out, so that neither report of a conflict
   * counts; its name stays known.
   *
   * @param report the report as it was added
   * @return {@code true} when its figures were in and are now out
   */
  public boolean withdraw(TlsRptReport report) {
    ReportKey key = ReportKey.of(report);
    FingerprintSet.Entry seen = reportKeys.get(key);
    if (seen == null || seen.content() != key.content() || outOfBounds(report, new ArrayList<>())) {
      return false;
    }
    ReportKey name = key.withoutContent();
    if (!withdrawn.add(name)) {
      return false;
    }
    conflicted.add(name);
    reports--;
    policyResults -= report.policies().size();
    apply(report, -1);
    return true;
  }

  private boolean outOfBounds(TlsRptReport report, List<SummaryWarning> warnings) {
    DateRange range = report.dateRange();
    // Whole seconds: messages show times to the second. The bounds are computed once per second
    // of the clock (once for all when now is fixed), not once per report.
    long second = this.now != null ? this.now.getEpochSecond()
        : Math.floorDiv(System.currentTimeMillis(), 1000L);
    if (second != boundsSecond || oldestStart == null || latestEnd == null) {
      Instant at = Instant.ofEpochSecond(second);
      oldestStart = at.minus(limits.maxReportAge());
      latestEnd = at.plus(limits.maxClockSkew());
      boundsSecond = second;
    }
    Instant oldest = Objects.requireNonNull(oldestStart);
    Instant latest = Objects.requireNonNull(latestEnd);
    if (range.start().isBefore(oldest)) {
      Instant now = Instant.ofEpochSecond(second);
      warnings.add(new SummaryWarning(Code.REPORT_TOO_OLD, "$.date-range.start-datetime",
          "the report's period starts " + range.start() + ", more than "
              + limits.maxReportAge().toDays() + " days before " + now
              + "; no TLS-RPT report is that old, so it is set aside"));
      return true;
    }
    if (range.end().isAfter(latest)) {
      Instant now = Instant.ofEpochSecond(second);
      warnings.add(new SummaryWarning(Code.REPORT_IN_FUTURE, "$.date-range.end-datetime",
          "the report's period ends " + range.end() + ", after " + now + " (allowing "
              + limits.maxClockSkew().toHours() + " hours of clock skew); reports are sent after"
              + " their period, so it is set aside"));
      return true;
    }
    long first = Math.floorDiv(range.start().getEpochSecond(), 86_400L);
    long span = lastEpochDay(range) - first + 1;
    if (span > limits.maxReportDays()) {
      warnings.add(new SummaryWarning(Code.REPORT_SPAN_TOO_LONG, "$.date-range",
          "the report's period covers " + span + " UTC days, more than "
              + limits.maxReportDays() + "; it is set aside"));
      return true;
    }
    return false;
  }

  private boolean tooManyDomains(TlsRptReport report, List<SummaryWarning> warnings) {
    int max = limits.maxPolicyDomains();
    List<PolicyResult> policies = report.policies();
    if (domains.size() + policies.size() <= max) {
      return false;
    }
    Set<String> fresh = new HashSet<>();
    for (PolicyResult p : policies) {
      String raw = p.policyDomain();
      String d = raw == null ? "" : normalized(raw);
      if (!domains.containsKey(d)) {
        fresh.add(d);
      }
    }
    if (domains.size() + fresh.size() <= max) {
      return false;
    }
    warnings.add(new SummaryWarning(Code.TOO_MANY_POLICY_DOMAINS, "$.policies",
        "the report would add " + fresh.size() + " policy domains to the " + domains.size()
            + " already summarized, beyond the limit of " + max + "; it is set aside"));
    return true;
  }

  private void plausibility(TlsRptReport report, List<SummaryWarning> warnings) {
    long bound = limits.maxPlausibleSessions();
    List<PolicyResult> policies = report.policies();
    for (int pi = 0; pi < policies.size(); pi++) {
      PolicyResult p = policies.get(pi);
      if (p.successfulSessionCount() > bound || p.failedSessionCount() > bound) {
        warnings.add(new SummaryWarning(Code.IMPLAUSIBLE_SESSION_COUNT,
            "$.policies[" + pi + "].summary",
            "the policy counts " + p.successfulSessionCount() + " successful and "
                + p.failedSessionCount() + " failed sessions, more than the plausible " + bound
                + " for one report; counted, but check the sender"));
      }
      List<FailureDetail> details = p.failureDetails();
      long sum = 0;
      boolean over = false;
      int implausible = 0;
      int firstImplausible = -1;
      for (int i = 0; i < details.size(); i++) {
        long n = details.get(i).failedSessionCount();
        if (n > bound) {
          implausible++;
          firstImplausible = firstImplausible < 0 ? i : firstImplausible;
        }
        over |= Counts.saturates(sum, n);
        sum = Counts.plus(sum, n);
      }
      if (implausible > 0) {
        // One warning per policy, however many details: a report cannot flood the output.
        warnings.add(new SummaryWarning(Code.IMPLAUSIBLE_SESSION_COUNT,
            "$.policies[" + pi + "].failure-details[" + firstImplausible + "].failed-session-count",
            implausible + " failure detail" + (implausible == 1 ? "" : "s") + " count more than"
                + " the plausible " + bound + " sessions for one report; counted, but check the"
                + " sender"));
      }
      if (over || sum > p.failedSessionCount()) {
        warnings.add(new SummaryWarning(Code.FAILURE_DETAILS_ABOVE_TOTAL,
            "$.policies[" + pi + "].failure-details",
            "the failure details count " + (over ? "more than " + Counts.MAX : sum)
                + " failed sessions, more than the policy's total-failure-session-count "
                + p.failedSessionCount() + "; counted as sent, but the report contradicts itself"));
      }
    }
  }

  /** Adds (sign 1) or takes out (sign -1) a report's figures; returns whether a sum saturated. */
  private boolean apply(TlsRptReport report, int sign) {
    DateRange range = report.dateRange();
    // The date bounds hold, so both days fit an int.
    int first = (int) Math.floorDiv(range.start().getEpochSecond(), 86_400L);
    int n = (int) (lastEpochDay(range) - first + 1);
    List<PolicyResult> policies = report.policies();
    boolean sat = false;
    boolean single = policies.size() == 1;
    for (int pi = 0; pi < policies.size(); pi++) {
      PolicyResult p = policies.get(pi);
      String raw = p.policyDomain();
      String domain = raw == null ? "" : normalized(raw);
      DomainState ds = domains.get(domain);
      if (ds == null) {
        if (sign < 0) {
          continue;
        }
        ds = new DomainState(domain);
        domains.put(domain, ds);
      }
      String type = p.policyTypeText();
      long ok = p.successfulSessionCount();
      long failed = p.failedSessionCount();
      sat |= ds.applyPolicy(sign, first, n, type, ok, failed);
      List<FailureDetail> details = p.failureDetails();
      long detailed = 0;
      for (int i = 0; i < details.size(); i++) {
        FailureDetail f = details.get(i);
        String ip = f.sendingMtaIp();
        String mx = f.receivingMxHostname();
        sat |= ds.applyFailure(sign, first, n, type, true, f.resultType().wireName(),
            ip == null ? "" : ip, mx == null ? "" : normalized(mx), f.failedSessionCount(),
            report.organizationName(), probe);
        detailed = Counts.plus(detailed, f.failedSessionCount());
      }
      // Failed sessions the details do not describe are evidence too: their own group.
      long undetailed = Counts.minus(failed, detailed);
      if (undetailed > 0) {
        sat |= ds.applyFailure(sign, first, n, type, false, "", "", "", undetailed,
            report.organizationName(), probe);
      }
      if (sign > 0) {
        ds.notePatterns(p);
      }
      if (single) {
        // The usual report has one policy: no double counting is possible.
        sat |= ds.applyDays(sign, first, n, ok, failed);
        removeIfEmpty(ds);
        return sat;
      }
      long[] per = scratch.get(domain);
      if (per == null) {
        per = new long[SCRATCH_SLOTS];
        scratch.put(domain, per);
      }
      @SuppressWarnings("EnumOrdinal") // the per-report scratch above
      int idx = p.policyType().ordinal() * 2;
      per[idx] = Counts.plus(per[idx], ok);
      per[idx + 1] = Counts.plus(per[idx + 1], failed);
    }
    // Domain level: one report may list the same sessions under an sts and a tlsa policy
    // (Microsoft, RFC 8460 §4 "several policies side by side"), so of those two only the larger
    // figure counts. no-policy-found sessions found no policy at all, so they never overlap an sts
    // or tlsa session; they, and unknown policy types, are added on top.
    for (Map.Entry<String, long[]> e : scratch.entrySet()) {
      long[] per = e.getValue();
      long ok = Counts.plus(Counts.plus(Math.max(per[STS_OK], per[TLSA_OK]), per[NPF_OK]),
          per[UNKNOWN_OK]);
      long failed = Counts.plus(
          Counts.plus(Math.max(per[STS_OK + 1], per[TLSA_OK + 1]), per[NPF_OK + 1]),
          per[UNKNOWN_OK + 1]);
      DomainState ds = domains.get(e.getKey());
      if (ds != null) {
        sat |= ds.applyDays(sign, first, n, ok, failed);
        removeIfEmpty(ds);
      }
    }
    scratch.clear();
    return sat;
  }

  private void removeIfEmpty(DomainState ds) {
    if (ds.keyCount() == 0) {
      domains.remove(ds.domain());
    }
  }

  private String normalized(String raw) {
    String n = names.get(raw);
    if (n == null) {
      if (names.size() >= MAX_CACHED_NAMES) {
        names.clear();
      }
      n = DomainName.comparisonKey(raw);
      names.put(raw, n);
    }
    return n;
  }

  private static long lastEpochDay(DateRange range) {
    Instant start = range.start();
    Instant end = range.end();
    long endDay = Math.floorDiv(end.getEpochSecond(), 86_400L);
    // An end at exactly midnight belongs to the day before (same rule as DateRange.lastDay()).
    if (Math.floorMod(end.getEpochSecond(), 86_400L) == 0 && end.getNano() == 0
        && end.isAfter(start)) {
      endDay--;
    }
    return Math.max(endDay, Math.floorDiv(start.getEpochSecond(), 86_400L));
  }

  /** Equal states hold the same figures and report names; limits and sources are not compared. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SummaryState s
        && s.reports == reports
        && s.duplicates == duplicates
        && s.conflicts == conflicts
        && s.setAside == setAside
        && s.policyResults == policyResults
        && s.flagged == flagged
        && s.saturated == saturated
        && s.domains.equals(domains)
        && s.reportKeys.equals(reportKeys);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(reports) * 31 + domains.hashCode();
  }
}
