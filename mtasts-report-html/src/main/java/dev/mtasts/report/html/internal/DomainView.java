package dev.mtasts.report.html.internal;

import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.report.html.OrganizationShare;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.FailureEntry;
import dev.mtasts.tlsrpt.FailureObservation;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SessionCounts;
import dev.mtasts.tlsrpt.Triage;
import dev.mtasts.tlsrpt.TriageClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The page model of one policy domain: what its section shows, computed from the summary. All
 * strings are still raw (untrusted); the writer escapes them.
 *
 * @param domain the policy domain, lower case ({@code ""} for results that named none)
 * @param readiness the verdict, or {@code null} when none was given
 * @param days the days of the chart axis, ascending (at most {@link #MAX_DAYS})
 * @param gaps the days of the axis that no report covers
 * @param cutDays how many earlier days were left off the axis to keep it within bounds
 * @param reports the distinct reports that start on a day of the axis
 * @param sessions the domain-level session counts over the axis
 * @param perDay the session counts of the covered days
 * @param failuresByType failed sessions per result type per day, largest type first
 * @param senders failed sessions per sending MTA IP, largest first
 * @param mxHosts failed sessions per receiving MX host, largest first
 * @param organizations who reported, most sessions first
 */
public record DomainView(
    String domain,
    @Nullable Readiness readiness,
    List<LocalDate> days,
    SortedSet<LocalDate> gaps,
    long cutDays,
    long reports,
    SessionCounts sessions,
    Map<LocalDate, SessionCounts> perDay,
    Map<String, Map<LocalDate, Long>> failuresByType,
    List<HostFigure> senders,
    List<HostFigure> mxHosts,
    List<OrganizationShare> organizations) {

  /** The most days on a chart axis: a bit over a year. */
  public static final int MAX_DAYS = 400;

  /**
   * Failed sessions of one sending MTA or one MX host, split by triage class.
   *
   * @param host the IP or host name ({@code ""}: not reported)
   * @param failed the failed sessions
   * @param byTriage failed sessions per triage class, largest first
   * @param resultTypes the result types seen, largest first
   */
  public record HostFigure(
      String host, long failed, Map<TriageClass, Long> byTriage, List<String> resultTypes) {
    /**
     * Copies the collections.
     *
     * @param host the host
     * @param failed the failed sessions
     * @param byTriage per triage class
     * @param resultTypes the result types
     */
    public HostFigure {
      Objects.requireNonNull(host, "host");
      byTriage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTriage));
      resultTypes = List.copyOf(resultTypes);
    }
  }

  /**
   * Copies the collections.
   *
   * @param domain the domain
   * @param readiness the verdict, or {@code null}
   * @param days the axis
   * @param gaps the uncovered days
   * @param cutDays the days left off
   * @param reports the reports
   * @param sessions the sessions
   * @param perDay the sessions per day
   * @param failuresByType the failures per type and day
   * @param senders the sending MTAs
   * @param mxHosts the MX hosts
   * @param organizations the organizations
   */
  public DomainView {
    Objects.requireNonNull(domain, "domain");
    days = List.copyOf(days);
    gaps = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(gaps));
    perDay = java.util.Collections.unmodifiableMap(new TreeMap<>(perDay));
    failuresByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failuresByType));
    senders = List.copyOf(senders);
    mxHosts = List.copyOf(mxHosts);
    organizations = List.copyOf(organizations);
  }

  /**
   * Computes the model of one domain.
   *
   * @param summary the figures
   * @param domain the domain, lower case
   * @param from the first axis day, or {@code null} for the first covered day
   * @param to the last axis day, or {@code null} for the last covered day
   * @param readiness the verdict, or {@code null}
   * @param triage the triage
   * @param organizations who reported on the domain
   * @return the model
   */
  public static DomainView of(
      ReportSummary summary,
      String domain,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable Readiness readiness,
      Triage triage,
      List<OrganizationShare> organizations) {
    DomainSummary all = from == null || to == null ? summary.domain(domain)
        : summary.domain(domain, from, to);
    LocalDate first = from;
    LocalDate last = to;
    if (first == null || last == null) {
      if (all.days().isEmpty()) {
        first = null;
        last = null;
      } else {
        first = all.days().firstKey();
        last = all.days().lastKey();
      }
    }
    List<LocalDate> days = new ArrayList<>();
    long cut = 0;
    DomainSummary d = all;
    if (first != null && last != null) {
      long span = last.toEpochDay() - first.toEpochDay() + 1;
      if (span > MAX_DAYS) {
        cut = span - MAX_DAYS;
        first = last.minusDays(MAX_DAYS - 1L);
        d = summary.domain(domain, first, last);
      }
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        days.add(day);
      }
    }
    SortedSet<LocalDate> covered = d.coveredDays();
    SortedSet<LocalDate> gaps = new TreeSet<>();
    for (LocalDate day : days) {
      if (!covered.contains(day)) {
        gaps.add(day);
      }
    }
    long reports = 0;
    Map<LocalDate, SessionCounts> perDay = new TreeMap<>();
    for (DaySummary day : d.days().values()) {
      reports += day.reports();
      perDay.put(day.day(), day.sessions());
    }
    Map<String, Map<LocalDate, Long>> byType = new HashMap<>();
    Map<String, Long> typeTotals = new HashMap<>();
    Map<String, HostAcc> senders = new HashMap<>();
    Map<String, HostAcc> mxs = new HashMap<>();
    for (FailureEntry f : d.failures()) {
      String type = f.resultType().wireName();
      byType.computeIfAbsent(type, k -> new TreeMap<>()).merge(f.day(), f.failedSessions(), Long::sum);
      typeTotals.merge(type, f.failedSessions(), Long::sum);
      TriageClass cls = triage.classify(new FailureObservation(
          d.policyDomain(),
          f.policyTypeText(),
          f.resultType(),
          f.sendingMtaIp().isEmpty() ? null : f.sendingMtaIp(),
          f.receivingMxHostname().isEmpty() ? null : f.receivingMxHostname(),
          d.mxPatterns()));
      senders.computeIfAbsent(f.sendingMtaIp(), k -> new HostAcc()).add(f, cls);
      mxs.computeIfAbsent(f.receivingMxHostname(), k -> new HostAcc()).add(f, cls);
    }
    List<String> types = new ArrayList<>(typeTotals.keySet());
    types.sort(Comparator.<String>comparingLong(typeTotals::get).reversed()
        .thenComparing(Comparator.naturalOrder()));
    Map<String, Map<LocalDate, Long>> orderedTypes = new LinkedHashMap<>();
    for (String t : types) {
      orderedTypes.put(t, byType.get(t));
    }
    return new DomainView(domain, readiness, days, gaps, cut, reports, d.sessions(), perDay,
        orderedTypes, figures(senders), figures(mxs), organizations);
  }

  private static final class HostAcc {
    long failed;
    final Map<TriageClass, Long> triage = new EnumMap<>(TriageClass.class);
    final Map<String, Long> types = new HashMap<>();

    void add(FailureEntry f, TriageClass cls) {
      failed += f.failedSessions();
      triage.merge(cls, f.failedSessions(), Long::sum);
      types.merge(f.resultType().wireName(), f.failedSessions(), Long::sum);
    }
  }

  private static List<HostFigure> figures(Map<String, HostAcc> accs) {
    List<HostFigure> out = new ArrayList<>(accs.size());
    for (Map.Entry<String, HostAcc> e : accs.entrySet()) {
      HostAcc a = e.getValue();
      out.add(new HostFigure(e.getKey(), a.failed, largestFirst(a.triage), keysLargestFirst(a.types)));
    }
    out.sort(Comparator.comparingLong(HostFigure::failed).reversed()
        .thenComparing(HostFigure::host));
    return out;
  }

  private static Map<TriageClass, Long> largestFirst(Map<TriageClass, Long> m) {
    List<Map.Entry<TriageClass, Long>> list = new ArrayList<>(m.entrySet());
    list.sort(Map.Entry.<TriageClass, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    Map<TriageClass, Long> out = new LinkedHashMap<>();
    for (Map.Entry<TriageClass, Long> e : list) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static List<String> keysLargestFirst(Map<String, Long> m) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(m.entrySet());
    list.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : list) {
      out.add(e.getKey());
    }
    return out;
  }

  /**
   * Returns the failed sessions of the axis per result type, per-policy figures (a session reported
   * under both STS and TLSA counts in both).
   *
   * @return the total
   */
  public long failuresByTypeTotal() {
    long n = 0;
    for (Map<LocalDate, Long> m : failuresByType.values()) {
      for (long v : m.values()) {
        n += v;
      }
    }
    return n;
  }
}
