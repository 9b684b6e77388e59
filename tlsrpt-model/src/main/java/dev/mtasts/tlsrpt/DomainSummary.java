package dev.mtasts.tlsrpt;

import dev.mtasts.tlsrpt.internal.Counts;
import dev.mtasts.tlsrpt.internal.IpAddresses;
import dev.mtasts.tlsrpt.internal.DayCell;
import dev.mtasts.tlsrpt.internal.DomainState;
import dev.mtasts.tlsrpt.internal.FailureCell;
import dev.mtasts.tlsrpt.internal.FailureKey;
import dev.mtasts.tlsrpt.internal.PolicyCell;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one policy domain, optionally restricted to a window of UTC days: what the
 * lifecycle's enforce-readiness guard reads.
 *
 * <pre>{@code
 * DomainSummary d = summary.domain("example.com", LocalDate.parse("2026-05-01"),
 *     LocalDate.parse("2026-05-14"));
 * boolean enoughDays = d.daysWithSessions().size() >= 10;
 * boolean stillArriving = d.lastCoveredDay().map(day -> !day.isBefore(end.minusDays(2))).orElse(false);
 * List<DayRange> gaps = d.daysWithoutSessions();     // ranges, never one entry per day
 * long failed = d.sessions().failed();
 * for (FailureGroup g : d.failureGroups()) {
 *   if (g.triage() == TriageClass.FIX_OUR_SIDE) { ... }
 * }
 * }</pre>
 *
 * <p>A report counts in every window it overlaps, with the share of its sessions that falls on
 * the days of the window (see {@link ReportSummary}). Instances are immutable; they are computed
 * when asked for, in time proportional to the domain's number of distinct keys in the window.
 */
public final class DomainSummary {

  private final String policyDomain;
  private final SortedMap<LocalDate, DaySummary> days;
  private final SessionCounts sessions;
  private final Map<String, SessionCounts> byPolicyType;
  /** The failure figures in no particular order; {@link #failures()} sorts them once, on demand. */
  private final FailureEntry[] failureFigures;
  private volatile @Nullable List<FailureEntry> sortedFailures;
  private final Set<String> mxPatterns;
  private final @Nullable LocalDate windowFrom;
  private final @Nullable LocalDate windowTo;

  DomainSummary(String policyDomain, @Nullable DomainState state, long fromDay, long toDay) {
    this.policyDomain = policyDomain;
    this.windowFrom = fromDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(fromDay);
    this.windowTo = toDay == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(toDay);
    TreeMap<LocalDate, DaySummary> dayMap = new TreeMap<>();
    Map<Integer, Map<String, SessionCounts>> perDayType = new HashMap<>();
    Map<String, SessionCounts> types = new HashMap<>();
    if (state != null) {
      for (PolicyCell c : state.policyCells()) {
        int day = c.epochDay();
        if (day < fromDay || day > toDay) {
          continue;
        }
        SessionCounts counts = new SessionCounts(c.successful(), c.failed());
        perDayType
            .computeIfAbsent(day, k -> new HashMap<>())
            .merge(c.policyType(), counts, SessionCounts::plus);
        types.merge(c.policyType(), counts, SessionCounts::plus);
      }
      long ok = 0;
      long failed = 0;
      for (DayCell c : state.dayCells()) {
        int day = c.epochDay();
        if (day < fromDay || day > toDay) {
          continue;
        }
        ok = Counts.plus(ok, c.successful());
        failed = Counts.plus(failed, c.failed());
        LocalDate date = LocalDate.ofEpochDay(day);
        dayMap.put(
            date,
            new DaySummary(
                date,
                c.reports() > 0,
                c.reports(),
                new SessionCounts(c.successful(), c.failed()),
                perDayType.getOrDefault(day, Map.of()),
                c.multiDayReports() > 0));
      }
      this.sessions = new SessionCounts(ok, failed);
      Map<FailureKey, FailureCell> cells = state.failureCells();
      List<FailureEntry> list = new ArrayList<>(cells.size());
      for (Map.Entry<FailureKey, FailureCell> e : cells.entrySet()) {
        FailureKey k = e.getKey();
        if (k.epochDay() < fromDay || k.epochDay() > toDay) {
          continue;
        }
        list.add(
            new FailureEntry(
                policyDomain,
                LocalDate.ofEpochDay(k.epochDay()),
                k.policyType(),
                k.detailed() ? ResultType.of(k.resultType()) : ResultType.FAILURES_WITHOUT_DETAILS,
                k.sendingIp(),
                k.receivingMx(),
                e.getValue().failedSessions(),
                k.organization()));
      }
      this.failureFigures = list.toArray(new FailureEntry[0]);
      this.mxPatterns = Set.copyOf(state.mxPatterns());
    } else {
      this.sessions = SessionCounts.ZERO;
      this.failureFigures = new FailureEntry[0];
      this.mxPatterns = Set.of();
    }
    this.days = Collections.unmodifiableSortedMap(dayMap);
    this.byPolicyType = Map.copyOf(types);
  }

  /**
   * Largest figure first, then by domain, day, result type, policy type, IP, MX and organization:
   * a total order, so the list is the same however the cells were stored. Written out rather than
   * chained from key extractors: a summary sorts tens of thousands of figures, often in a JVM that
   * has not compiled the comparator chain yet.
   */
  static final Comparator<FailureEntry> BY_COUNT_THEN_FIELDS = DomainSummary::compareFigures;

  private static int compareFigures(FailureEntry a, FailureEntry b) {
    int c = Long.compare(b.failedSessions(), a.failedSessions());
    if (c != 0) {
      return c;
    }
    c = a.policyDomain().compareTo(b.policyDomain());
    if (c != 0) {
      return c;
    }
    c = a.day().compareTo(b.day());
    if (c != 0) {
      return c;
    }
    c = a.resultType().wireName().compareTo(b.resultType().wireName());
    if (c != 0) {
      return c;
    }
    c = a.policyTypeText().compareTo(b.policyTypeText());
    if (c != 0) {
      return c;
    }
    c = a.sendingMtaIp().compareTo(b.sendingMtaIp());
    if (c != 0) {
      return c;
    }
    c = a.receivingMxHostname().compareTo(b.receivingMxHostname());
    return c != 0 ? c : a.reportingOrganization().compareTo(b.reportingOrganization());
  }

  /**
   * Returns the policy domain, lower case.
   *
   * @return the domain ({@code ""} for policy results that named none)
   */
  public String policyDomain() {
    return policyDomain;
  }

  /**
   * Returns the days some report covers, in order, with their figures.
   *
   * @return day to figures
   */
  public SortedMap<LocalDate, DaySummary> days() {
    return days;
  }

  /**
   * Returns the days that at least one report's date range covers.
   *
   * @return the covered days, in order
   */
  public SortedSet<LocalDate> coveredDays() {
    TreeSet<LocalDate> covered = new TreeSet<>();
    for (DaySummary d : days.values()) {
      if (d.covered()) {
        covered.add(d.day());
      }
    }
    return Collections.unmodifiableSortedSet(covered);
  }

  /**
   * Returns the days that count at least one session (a share of a multi-day report included):
   * the evidence a readiness rule such as "10 of 14 days with sessions" counts.
   *
   * @return the days with sessions, in order
   */
  public SortedSet<LocalDate> daysWithSessions() {
    TreeSet<LocalDate> with = new TreeSet<>();
    for (DaySummary d : days.values()) {
      if (d.hasSessions()) {
        with.add(d.day());
      }
    }
    return Collections.unmodifiableSortedSet(with);
  }

  /**
   * Returns the last day some report covers, as in "a report in the last 3 days".
   *
   * @return the last covered day, empty when no report covers a day of the window
   */
  public Optional<LocalDate> lastCoveredDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
  }

  /**
   * Returns the span this summary describes: the window it was asked for, or, for a summary over
   * all days, the first to the last covered day.
   *
   * @return the span, empty for a summary over all days with no covered day
   */
  public Optional<DayRange> span() {
    LocalDate from = windowFrom != null ? windowFrom : days.isEmpty() ? null : days.firstKey();
    LocalDate to = windowTo != null ? windowTo : days.isEmpty() ? null : days.lastKey();
    return from == null || to == null ? Optional.empty() : Optional.of(new DayRange(from, to));
  }

  /**
   * Returns the days of {@link #span()} that no report covers, as ranges: a gap of years costs one
   * range.
   *
   * @return the uncovered ranges, in order
   */
  public List<DayRange> uncoveredDays() {
    return gaps(false);
  }

  /**
   * Returns the days of {@link #span()} that count no session (uncovered days, and covered days
   * whose reports counted none), as ranges.
   *
   * @return the ranges without sessions, in order
   */
  public List<DayRange> daysWithoutSessions() {
    return gaps(true);
  }

  private List<DayRange> gaps(boolean needSessions) {
    Optional<DayRange> span = span();
    if (span.isEmpty()) {
      return List.of();
    }
    List<DayRange> out = new ArrayList<>();
    LocalDate next = span.get().first();
    LocalDate end = span.get().last();
    for (DaySummary d : days.values()) {
      if (needSessions ? !d.hasSessions() : !d.covered()) {
        continue;
      }
      if (d.day().isAfter(next)) {
        out.add(new DayRange(next, d.day().minusDays(1)));
      }
      next = d.day().plusDays(1);
    }
    if (!next.isAfter(end)) {
      out.add(new DayRange(next, end));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the domain-level session counts: the STS and TLSA figures of one report are not added
   * up (the larger counts), {@code no-policy-found} and unknown policy types are; see {@link
   * ReportSummary}.
   *
   * @return the counts
   */
  public SessionCounts sessions() {
    return sessions;
  }

  /**
   * Returns the share of successful sessions, empty without sessions.
   *
   * @return the success rate
   */
  public OptionalDouble successRate() {
    return sessions.successRate();
  }

  /**
   * Returns the counts per {@code policy-type} text; these keep both STS and TLSA figures.
   *
   * @return policy type to counts
   */
  public Map<String, SessionCounts> byPolicyType() {
    return byPolicyType;
  }

  /**
   * Returns the failed sessions per result type.
   *
   * @return result type to failed sessions
   */
  public Map<ResultType, Long> byResultType() {
    Map<ResultType, Long> m = new HashMap<>();
    for (FailureEntry f : failureFigures) {
      m.merge(f.resultType(), f.failedSessions(), Counts::plus);
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the failed sessions per sending MTA IP ({@code ""}: not reported).
   *
   * @return IP to failed sessions
   */
  public Map<String, Long> bySendingMtaIp() {
    Map<String, Long> m = new HashMap<>();
    for (FailureEntry f : failureFigures) {
      m.merge(f.sendingMtaIp(), f.failedSessions(), Counts::plus);
    }
    return Map.copyOf(m);
  }

  /**
   * Returns the failed sessions per receiving MX host ({@code ""}: not reported).
   *
   * @return MX host to failed sessions
   */
  public Map<String, Long> byReceivingMxHost() {
    Map<String, Long> m = new HashMap<>();
    for (FailureEntry f : failureFigures) {
      m.merge(f.receivingMxHostname(), f.failedSessions(), Counts::plus);
    }
    return Map.copyOf(m);
  }

  /**
   * Returns every failure figure, largest first.
   *
   * @return the failures
   */
  public List<FailureEntry> failures() {
    List<FailureEntry> sorted = sortedFailures;
    if (sorted == null) {
      // Racing threads sort equal copies; either may be kept.
      FailureEntry[] copy = failureFigures.clone();
      Arrays.sort(copy, BY_COUNT_THEN_FIELDS);
      sorted = Collections.unmodifiableList(Arrays.asList(copy));
      sortedFailures = sorted;
    }
    return sorted;
  }

  /**
   * Returns the {@code limit} largest failure figures.
   *
   * @param limit how many at most
   * @return the top failures, largest first
   */
  public List<FailureEntry> topFailures(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " < 0");
    }
    List<FailureEntry> sorted = failures();
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  /**
   * Returns the MX patterns seen in the domain's policies, lower case.
   *
   * @return the patterns
   */
  public Set<String> mxPatterns() {
    return mxPatterns;
  }

  /**
   * Returns the failure groups classified by the playbook ({@link Triage#playbook()}).
   *
   * @return groups by result type and triage class, largest first
   */
  public List<FailureGroup> failureGroups() {
    return failureGroups(Triage.playbook());
  }

  /**
   * Returns the failures grouped by result type and triage class. The triage is asked once per
   * distinct observation (the figures of several days that differ only by day share one).
   *
   * @param triage the strategy that classifies each failure figure
   * @return the groups, largest first
   */
  public List<FailureGroup> failureGroups(Triage triage) {
    Objects.requireNonNull(triage, "triage");
    final class Acc {
      long count;
      final Map<String, Long> ips = new HashMap<>();
      final Map<String, Long> mxs = new HashMap<>();
      final Map<String, Long> orgs = new HashMap<>();
      final Set<Long> days = new HashSet<>();
    }
    final class FigureAcc {
      long count;
      final List<Long> days = new ArrayList<>(2);
    }
    // Who saw each (result type, MX): the triage tells a failure seen by several reporters or
    // networks (our MX) from one seen by a single sender (maybe its own path).
    Map<Figure, Set<String>> orgsSeeing = new HashMap<>();
    Map<Figure, Set<String>> networksSeeing = new HashMap<>();
    Map<String, String> networks = new HashMap<>();
    // The figures that differ only by day make one observation: nothing the triage is shown
    // depends on the day or the count.
    Map<Figure, FigureAcc> figures = new LinkedHashMap<>();
    for (FailureEntry f : failureFigures) {
      Figure seen = new Figure("", f.resultType(), "", f.receivingMxHostname(), "");
      orgsSeeing.computeIfAbsent(seen, k -> new HashSet<>()).add(f.reportingOrganization());
      networksSeeing.computeIfAbsent(seen, k -> new HashSet<>())
          .add(networks.computeIfAbsent(f.sendingMtaIp(), IpAddresses::network));
      FigureAcc fa = figures.computeIfAbsent(
          new Figure(f.policyTypeText(), f.resultType(), f.sendingMtaIp(),
              f.receivingMxHostname(), f.reportingOrganization()),
          k -> new FigureAcc());
      fa.count = Counts.plus(fa.count, f.failedSessions());
      fa.days.add(f.day().toEpochDay());
    }
    Map<ResultType, Map<TriageClass, Acc>> groups = new LinkedHashMap<>();
    for (Map.Entry<Figure, FigureAcc> e : figures.entrySet()) {
      Figure f = e.getKey();
      long count = e.getValue().count;
      Figure seen = new Figure("", f.resultType, "", f.mx, "");
      FailureObservation o =
          new FailureObservation(
              policyDomain,
              f.policyType,
              f.resultType,
              f.ip.isEmpty() ? null : f.ip,
              f.mx.isEmpty() ? null : f.mx,
              mxPatterns,
              f.org.isEmpty() ? null : f.org,
              Math.max(1, orgsSeeing.getOrDefault(seen, Set.of()).size()),
              Math.max(1, networksSeeing.getOrDefault(seen, Set.of()).size()));
      TriageClass cls = Objects.requireNonNull(triage.classify(o), "triage returned null");
      Acc acc =
          groups
              .computeIfAbsent(f.resultType, k -> new LinkedHashMap<>())
              .computeIfAbsent(cls, k -> new Acc());
      acc.count = Counts.plus(acc.count, count);
      acc.ips.merge(f.ip, count, Counts::plus);
      acc.mxs.merge(f.mx, count, Counts::plus);
      acc.orgs.merge(f.org, count, Counts::plus);
      acc.days.addAll(e.getValue().days);
    }
    List<FailureGroup> out = new ArrayList<>();
    for (Map.Entry<ResultType, Map<TriageClass, Acc>> e : groups.entrySet()) {
      for (Map.Entry<TriageClass, Acc> g : e.getValue().entrySet()) {
        Acc a = g.getValue();
        SortedSet<LocalDate> groupDays = new TreeSet<>();
        for (long day : a.days) {
          groupDays.add(LocalDate.ofEpochDay(day));
        }
        out.add(new FailureGroup(e.getKey(), g.getKey(), a.count, a.ips, a.mxs, groupDays, a.orgs));
      }
    }
    out.sort(
        Comparator.comparingLong(FailureGroup::failedSessions)
            .reversed()
            .thenComparing(g -> g.resultType().wireName())
            .thenComparing(FailureGroup::triage));
    return Collections.unmodifiableList(out);
  }

  /**
   * The fields of a failure figure the triage looks at (policy type, result type, IP, MX,
   * organization), or with blanks, a (result type, MX): a key with its hash computed once.
   */
  private static final class Figure {
    final String policyType;
    final ResultType resultType;
    final String ip;
    final String mx;
    final String org;
    private final int hash;

    Figure(String policyType, ResultType resultType, String ip, String mx, String org) {
      this.policyType = policyType;
      this.resultType = resultType;
      this.ip = ip;
      this.mx = mx;
      this.org = org;
      this.hash = (((policyType.hashCode() * 31 + resultType.wireName().hashCode()) * 31
          + ip.hashCode()) * 31 + mx.hashCode()) * 31 + org.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Figure f && f.hash == hash && f.resultType.equals(resultType)
          && f.mx.equals(mx) && f.ip.equals(ip) && f.org.equals(org)
          && f.policyType.equals(policyType);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Override
  public String toString() {
    return "DomainSummary[" + policyDomain + ", days=" + days.size() + ", sessions=" + sessions
        + ", failures=" + failureFigures.length + "]";
  }
}
