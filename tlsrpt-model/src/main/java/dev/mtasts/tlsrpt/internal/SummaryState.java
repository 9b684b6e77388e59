package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole aggregation state: domains, the fingerprints of the reports seen, and counters. An
 * accumulator owns one and mutates it; a snapshot holds one that is never changed again.
 */
public final class SummaryState {

  /** A report's date range covers at most this many days in the coverage figures. */
  public static final int MAX_COVERED_DAYS = 31;

  /** Domain (lower case) to state. */
  public final Map<String, DomainState> domains;
  /** Fingerprints of (organization, report-id) of every report added. */
  public final FingerprintSet reportKeys;
  /** Reports whose figures were added. */
  public long reports;
  /** Reports skipped as duplicates, plus reports found in both sides of a merge. */
  public long duplicates;
  /** Policy results whose figures were added. */
  public long policyResults;

  /** Per-domain scratch of one report: successful, failed per policy type (index 2 * ordinal). */
  private final Map<String, long[]> scratch = new HashMap<>();

  private static final int STS_OK = 2 * PolicyType.STS.ordinal();
  private static final int TLSA_OK = 2 * PolicyType.TLSA.ordinal();
  private static final int NPF_OK = 2 * PolicyType.NO_POLICY_FOUND.ordinal();
  private static final int UNKNOWN_OK = 2 * PolicyType.UNKNOWN.ordinal();
  private static final int SCRATCH_SLOTS = 2 * PolicyType.values().length;

  /**
   * Raw name to normalized name: one vectorized hash-and-compare instead of a character scan, and
   * the normalized String is then one shared instance whose hash is cached for every later lookup.
   * Bounded, so hostile input cannot grow it without limit.
   */
  private final Map<String, String> names = new HashMap<>();

  private static final int MAX_CACHED_NAMES = 4096;

  private String normalized(String raw) {
    String n = names.get(raw);
    if (n == null) {
      if (names.size() >= MAX_CACHED_NAMES) {
        names.clear();
      }
      n = MxPatterns.normalize(raw);
      names.put(raw, n);
    }
    return n;
  }

  /** Creates an empty state. */
  public SummaryState() {
    this(new HashMap<>(), new FingerprintSet(), 0, 0, 0);
  }

  private SummaryState(
      Map<String, DomainState> domains,
      FingerprintSet reportKeys,
      long reports,
      long duplicates,
      long policyResults) {
    this.domains = domains;
    this.reportKeys = reportKeys;
    this.reports = reports;
    this.duplicates = duplicates;
    this.policyResults = policyResults;
  }

  /**
   * Returns an independent deep copy.
   *
   * @return the copy
   */
  public SummaryState deepCopy() {
    Map<String, DomainState> d = new HashMap<>(Math.max(16, domains.size() * 2));
    for (Map.Entry<String, DomainState> e : domains.entrySet()) {
      d.put(e.getKey(), e.getValue().deepCopy());
    }
    return new SummaryState(d, reportKeys.copy(), reports, duplicates, policyResults);
  }

  /**
   * Tells whether a report with the same organization and report-id was added.
   *
   * @param report the report
   * @return {@code true} when adding it would skip it as a duplicate
   */
  public boolean hasReport(TlsRptReport report) {
    return reportKeys.contains(report.organizationName(), report.reportId());
  }

  /**
   * Returns a new state equal to this one with one more skipped duplicate, sharing the domains and
   * fingerprints; for immutable snapshots only, which nobody mutates again.
   *
   * @return the state after skipping one duplicate report
   */
  public SummaryState withOneMoreDuplicate() {
    return new SummaryState(domains, reportKeys, reports, duplicates + 1, policyResults);
  }

  /**
   * Returns a new state holding the sum of two states, sharing unchanged parts with them.
   *
   * @param a one state (not changed)
   * @param b the other state (not changed)
   * @return the merged state
   */
  public static SummaryState merged(SummaryState a, SummaryState b) {
    SummaryState big = a.domains.size() >= b.domains.size() ? a : b;
    SummaryState small = big == a ? b : a;
    // Sized once for both sides, so the copy never rehashes while the smaller side goes in.
    Map<String, DomainState> d =
        new HashMap<>(DomainState.capacityFor(big.domains.size() + small.domains.size()));
    d.putAll(big.domains);
    for (Map.Entry<String, DomainState> e : small.domains.entrySet()) {
      DomainState theirs = e.getValue();
      d.merge(e.getKey(), theirs, (mine, t) -> mine.mergedWith(t));
    }
    FingerprintSet keys = FingerprintSet.union(a.reportKeys, b.reportKeys);
    long overlap = (long) a.reportKeys.size() + b.reportKeys.size() - keys.size();
    return new SummaryState(
        d,
        keys,
        a.reports + b.reports,
        a.duplicates + b.duplicates + overlap,
        a.policyResults + b.policyResults);
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
        mine.mergeFrom(e.getValue(), true);
      }
    }
    duplicates += other.duplicates + reportKeys.addAll(other.reportKeys);
    reports += other.reports;
    policyResults += other.policyResults;
  }

  /**
   * Adds one report's figures unless a report with the same organization and report-id was added
   * before.
   *
   * @param report the report
   * @return {@code true} when added, {@code false} for a duplicate
   */
  public boolean add(TlsRptReport report) {
    if (!reportKeys.add(report.organizationName(), report.reportId())) {
      duplicates++;
      return false;
    }
    reports++;
    DateRange range = report.dateRange();
    long first = Math.floorDiv(range.start().getEpochSecond(), 86_400L);
    long last = Math.min(lastEpochDay(range), first + MAX_COVERED_DAYS - 1);
    int day = (int) first;
    Map<String, long[]> perDomain = scratch;
    List<PolicyResult> policies = report.policies();
    boolean single = policies.size() == 1;
    if (policies.isEmpty()) {
      return true;
    }
    for (int pi = 0; pi < policies.size(); pi++) {
      PolicyResult p = policies.get(pi);
      policyResults++;
      String raw = p.policyDomain();
      String domain = raw == null ? "" : normalized(raw);
      DomainState ds = domains.get(domain);
      if (ds == null) {
        ds = new DomainState(domain);
        domains.put(domain, ds);
      }
      String type = p.policyTypeText();
      Cell pc = ds.policies.get(new DomainState.PolicyKey(day, type));
      if (pc == null) {
        pc = new Cell();
        ds.policies.put(new DomainState.PolicyKey(day, type), pc);
      }
      pc.a++;
      pc.b += p.successfulSessionCount();
      pc.c += p.failedSessionCount();
      List<FailureDetail> details = p.failureDetails();
      for (int i = 0; i < details.size(); i++) {
        FailureDetail f = details.get(i);
        String ip = f.sendingMtaIp();
        String mx = f.receivingMxHostname();
        DomainState.FailureKey fk =
            new DomainState.FailureKey(
                day,
                type,
                f.resultType().value(),
                ip == null ? "" : ip,
                mx == null ? "" : normalized(mx));
        Cell fc = ds.failures.get(fk);
        if (fc == null) {
          fc = new Cell();
          ds.failures.put(fk, fc);
        }
        fc.a += f.failedSessionCount();
      }
      ds.notePatterns(p);
      if (single) {
        // The usual report has one policy: no double counting is possible.
        addDay(ds, day, first, last, p.successfulSessionCount(), p.failedSessionCount());
        return true;
      }
      long[] per = perDomain.get(domain);
      if (per == null) {
        per = new long[SCRATCH_SLOTS];
        perDomain.put(domain, per);
      }
      int idx = p.policyType().ordinal() * 2;
      per[idx] += p.successfulSessionCount();
      per[idx + 1] += p.failedSessionCount();
    }
    // Domain level: one report may list the same sessions under an sts and a tlsa policy
    // (Microsoft, RFC 8460 §4 "several policies side by side"), so of those two only the larger
    // figure counts. no-policy-found sessions found no policy at all, so they never overlap an sts
    // or tlsa session; they, and unknown policy types, are added on top.
    for (Map.Entry<String, long[]> e : perDomain.entrySet()) {
      long[] per = e.getValue();
      long ok = Math.max(per[STS_OK], per[TLSA_OK]) + per[NPF_OK] + per[UNKNOWN_OK];
      long failed =
          Math.max(per[STS_OK + 1], per[TLSA_OK + 1]) + per[NPF_OK + 1] + per[UNKNOWN_OK + 1];
      addDay(domains.get(e.getKey()), day, first, last, ok, failed);
    }
    perDomain.clear();
    return true;
  }

  private static void addDay(DomainState ds, int day, long first, long last, long ok, long failed) {
    Integer dayKey = day;
    Cell dc = ds.days.get(dayKey);
    if (dc == null) {
      dc = new Cell();
      ds.days.put(dayKey, dc);
    }
    dc.a++;
    dc.b += ok;
    dc.c += failed;
    dc.d = 1;
    for (long d = first + 1; d <= last; d++) {
      ds.days.computeIfAbsent((int) d, k -> new Cell()).d = 1;
    }
  }

  private static long lastEpochDay(DateRange range) {
    Instant start = range.start();
    Instant end = range.end();
    long endDay = Math.floorDiv(end.getEpochSecond(), 86_400L);
    // An end at exactly midnight belongs to the day before (same rule as DateRange.lastDay()).
    if (Math.floorMod(end.getEpochSecond(), 86_400L) == 0 && end.getNano() == 0 && end.isAfter(start)) {
      endDay--;
    }
    return Math.max(endDay, Math.floorDiv(start.getEpochSecond(), 86_400L));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SummaryState)) {
      return false;
    }
    SummaryState s = (SummaryState) o;
    return s.reports == reports
        && s.duplicates == duplicates
        && s.policyResults == policyResults
        && s.domains.equals(domains)
        && s.reportKeys.equals(reportKeys);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(reports) * 31 + domains.hashCode();
  }
}
