package dev.mtasts.tlsrpt.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The aggregated figures of one policy domain: {@link DayCell}s sorted by day, {@link
 * PolicyCell}s sorted by (day, policy type), {@link FailureCell}s by {@link FailureKey}, and the
 * MX patterns seen. Most domains have a few days and no failures, so days and policy types sit in
 * small sorted arrays (no map entry, no boxed key) and the failure map exists only once a domain
 * has failures. State owned by an accumulator is changed in place; state reachable from a
 * snapshot is never changed again (a merge builds new arrays and new cells where both sides have
 * a key, and shares the others).
 */
public final class DomainState {
  private static final DayCell[] NO_DAYS = new DayCell[0];
  private static final PolicyCell[] NO_POLICIES = new PolicyCell[0];
  private static final String[] NO_PATTERNS = new String[0];

  private final String domain;
  private DayCell[] days;
  private int dayCount;
  private PolicyCell[] policies;
  private int policyCount;
  private @Nullable Map<FailureKey, FailureCell> failures;
  /** Sorted, distinct, lower case. */
  private String[] mxPatterns;
  /** Hash of the last policy's type, mx-host and policy-string, to skip unchanged patterns. */
  private int lastPatternStamp;

  /**
   * Creates an empty state.
   *
   * @param domain the domain, lower case
   */
  public DomainState(String domain) {
    this(domain, NO_DAYS, 0, NO_POLICIES, 0, null, NO_PATTERNS);
  }

  DomainState(
      String domain,
      DayCell[] days,
      int dayCount,
      PolicyCell[] policies,
      int policyCount,
      @Nullable Map<FailureKey, FailureCell> failures,
      String[] mxPatterns) {
    this.domain = domain;
    this.days = days;
    this.dayCount = dayCount;
    this.policies = policies;
    this.policyCount = policyCount;
    this.failures = failures;
    this.mxPatterns = mxPatterns;
  }

  /**
   * Returns the domain, lower case.
   *
   * @return the domain
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the day cells, sorted by day (a read-only view).
   *
   * @return the cells
   */
  public List<DayCell> dayCells() {
    return new View<>(days, dayCount);
  }

  /**
   * Returns the policy cells, sorted by day and policy type (a read-only view).
   *
   * @return the cells
   */
  public List<PolicyCell> policyCells() {
    return new View<>(policies, policyCount);
  }

  /**
   * Returns the failure cells (a read-only view).
   *
   * @return key to cell
   */
  public Map<FailureKey, FailureCell> failureCells() {
    Map<FailureKey, FailureCell> f = failures;
    return f == null ? Map.of() : Collections.unmodifiableMap(f);
  }

  /**
   * Returns the MX patterns seen in the domain's policies, sorted, lower case.
   *
   * @return the patterns
   */
  public List<String> mxPatterns() {
    return List.of(mxPatterns);
  }

  /**
   * Returns the number of keys held.
   *
   * @return days, policy and failure keys together
   */
  public int keyCount() {
    Map<FailureKey, FailureCell> f = failures;
    return dayCount + policyCount + (f == null ? 0 : f.size());
  }

  /** A read-only list over the first {@code size} elements of an array. */
  private static final class View<T> extends AbstractList<T> implements RandomAccess {
    private final T[] items;
    private final int size;

    View(T[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public T get(int index) {
      Objects.checkIndex(index, size);
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  // ---- changes (accumulator-owned state only) ----

  /**
   * Adds ({@code sign} 1) or takes out ({@code sign} -1) one report's domain-level sessions,
   * spread evenly over the {@code n} days from {@code firstDay}.
   *
   * @param sign 1 or -1
   * @param firstDay the first epoch day
   * @param n the number of days, 1 to 1024
   * @param ok the successful sessions
   * @param failed the failed sessions
   * @return {@code true} when a sum saturated
   */
  boolean applyDays(int sign, int firstDay, int n, long ok, long failed) {
    boolean sat = false;
    for (int i = 0; i < n; i++) {
      int day = firstDay + i;
      int at = findDay(day);
      if (at < 0) {
        if (sign < 0) {
          continue;
        }
        at = -at - 1;
        insertDay(at, new DayCell(day, 0, 0, 0, 0));
      }
      DayCell c = days[at];
      sat |= c.apply(sign, Counts.share(ok, i, n), Counts.share(failed, i, n), n > 1);
      if (c.isEmpty()) {
        removeDay(at);
      }
    }
    return sat;
  }

  /**
   * Adds or takes out one policy result's per-type sessions, spread over its days.
   *
   * @param sign 1 or -1
   * @param firstDay the first epoch day
   * @param n the number of days
   * @param type the policy type text
   * @param ok the successful sessions
   * @param failed the failed sessions
   * @return {@code true} when a sum saturated
   */
  boolean applyPolicy(int sign, int firstDay, int n, String type, long ok, long failed) {
    boolean sat = false;
    for (int i = 0; i < n; i++) {
      int day = firstDay + i;
      int at = findPolicy(day, type);
      if (at < 0) {
        if (sign < 0) {
          continue;
        }
        at = -at - 1;
        insertPolicy(at, new PolicyCell(day, type, 0, 0, 0));
      }
      PolicyCell c = policies[at];
      sat |= c.apply(sign, Counts.share(ok, i, n), Counts.share(failed, i, n));
      if (c.isEmpty()) {
        removePolicy(at);
      }
    }
    return sat;
  }

  /**
   * Adds or takes out one failure figure, spread over its days.
   *
   * @param sign 1 or -1
   * @param firstDay the first epoch day
   * @param n the number of days
   * @param type the policy type text
   * @param detailed {@code false} for failed sessions without failure details
   * @param resultType the result type text
   * @param ip the sending IP or {@code ""}
   * @param mx the receiving MX or {@code ""}
   * @param count the failed sessions
   * @param organization the reporting organization
   * @param probe the owner's reusable lookup key
   * @return {@code true} when a sum saturated
   */
  boolean applyFailure(
      int sign,
      int firstDay,
      int n,
      String type,
      boolean detailed,
      String resultType,
      String ip,
      String mx,
      long count,
      String organization,
      FailureKey.Probe probe) {
    Map<FailureKey, FailureCell> f = failures;
    if (f == null) {
      if (sign < 0) {
        return false;
      }
      f = new HashMap<>(4);
      failures = f;
    }
    boolean sat = false;
    for (int i = 0; i < n; i++) {
      FailureKey.Probe k = probe.set(firstDay + i, type, detailed, resultType, ip, mx, organization);
      // The probe finds the cell without allocating a key; a key is made only for a new cell.
      @SuppressWarnings("CollectionIncompatibleType") // a Probe equals the FailureKey it stands for
      FailureCell c = f.get(k);
      if (c == null) {
        if (sign < 0) {
          continue;
        }
        c = new FailureCell(0, 0);
        f.put(k.toKey(), c);
      }
      sat |= c.apply(sign, Counts.share(count, i, n));
      if (c.isEmpty()) {
        @SuppressWarnings("CollectionIncompatibleType") // as above
        FailureCell removed = f.remove(k);
        assert removed != null && removed.equals(c);
      }
    }
    return sat;
  }

  /**
   * Records the MX patterns of a policy: its {@code mx-host} entries and, for STS, the {@code mx:}
   * lines of its policy string. A policy equal to the last one seen (the usual case) costs two
   * list hashes.
   *
   * @param p the policy result
   */
  void notePatterns(PolicyResult p) {
    List<String> strings = p.policyStrings();
    List<String> mx = p.mxHosts();
    int stamp = (p.policyType().hashCode() * 31 + mx.hashCode()) * 31 + strings.hashCode();
    if (stamp == lastPatternStamp && stamp != 0) {
      return;
    }
    lastPatternStamp = stamp;
    for (int i = 0; i < mx.size(); i++) {
      addPattern(mx.get(i));
    }
    if (p.policyType() == PolicyType.STS) {
      for (int i = 0; i < strings.size(); i++) {
        String line = strings.get(i);
        if (line.regionMatches(true, 0, "mx:", 0, 3)) {
          addPattern(line.substring(3));
        }
      }
    }
  }

  private void addPattern(String raw) {
    String n = DomainName.comparisonKey(raw);
    int at = Arrays.binarySearch(mxPatterns, n);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    String[] x = new String[mxPatterns.length + 1];
    System.arraycopy(mxPatterns, 0, x, 0, at);
    x[at] = n;
    System.arraycopy(mxPatterns, at, x, at + 1, mxPatterns.length - at);
    mxPatterns = x;
  }

  private int findDay(int day) {
    int lo = 0;
    int hi = dayCount - 1;
    // Reports mostly arrive in day order: check the last day first.
    if (hi >= 0 && days[hi].epochDay() < day) {
      return -(hi + 2);
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = days[mid].epochDay();
      if (d < day) {
        lo = mid + 1;
      } else if (d > day) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private int findPolicy(int day, String type) {
    int lo = 0;
    int hi = policyCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = policies[mid].compareKey(day, type);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private void insertDay(int at, DayCell c) {
    if (dayCount == days.length) {
      days = Arrays.copyOf(days, grown(dayCount));
    }
    System.arraycopy(days, at, days, at + 1, dayCount - at);
    days[at] = c;
    dayCount++;
  }

  private void removeDay(int at) {
    System.arraycopy(days, at + 1, days, at, dayCount - at - 1);
    days[--dayCount] = null;
  }

  private void insertPolicy(int at, PolicyCell c) {
    if (policyCount == policies.length) {
      policies = Arrays.copyOf(policies, grown(policyCount));
    }
    System.arraycopy(policies, at, policies, at + 1, policyCount - at);
    policies[at] = c;
    policyCount++;
  }

  private void removePolicy(int at) {
    System.arraycopy(policies, at + 1, policies, at, policyCount - at - 1);
    policies[--policyCount] = null;
  }

  /** One slot for the usual single day, then growth by half. */
  private static int grown(int n) {
    return n < 2 ? n + 1 : n + (n >>> 1);
  }

  // ---- copies and merges ----

  /**
   * Returns a copy with copied cells (for handing out from or taking into an accumulator), sized
   * exactly.
   *
   * @return the deep copy
   */
  public DomainState deepCopy() {
    DayCell[] d = new DayCell[dayCount];
    for (int i = 0; i < dayCount; i++) {
      d[i] = days[i].copy();
    }
    PolicyCell[] p = new PolicyCell[policyCount];
    for (int i = 0; i < policyCount; i++) {
      p[i] = policies[i].copy();
    }
    DomainState x = new DomainState(
        domain, d, dayCount, p, policyCount, copyFailures(failures, 0), mxPatterns);
    x.lastPatternStamp = lastPatternStamp;
    return x;
  }

  private static @Nullable Map<FailureKey, FailureCell> copyFailures(
      @Nullable Map<FailureKey, FailureCell> f, int extra) {
    if (f == null || f.isEmpty()) {
      return null;
    }
    Map<FailureKey, FailureCell> m = new HashMap<>(capacityFor(f.size() + extra));
    for (Map.Entry<FailureKey, FailureCell> e : f.entrySet()) {
      m.put(e.getKey(), e.getValue().copy());
    }
    return m;
  }

  /**
   * Returns a new state holding the sum of this one and another, sharing the cells only one side
   * has; neither side is changed.
   *
   * @param other the other state (not changed)
   * @return the merged state
   */
  public DomainState mergedWith(DomainState other) {
    DayCell[] d = new DayCell[dayCount + other.dayCount];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < dayCount || j < other.dayCount) {
      if (j == other.dayCount
          || (i < dayCount && days[i].epochDay() < other.days[j].epochDay())) {
        d[n++] = days[i++];
      } else if (i == dayCount || other.days[j].epochDay() < days[i].epochDay()) {
        d[n++] = other.days[j++];
      } else {
        DayCell sum = days[i++].copy();
        sum.addAll(other.days[j++]);
        d[n++] = sum;
      }
    }
    PolicyCell[] p = new PolicyCell[policyCount + other.policyCount];
    i = 0;
    j = 0;
    int m = 0;
    while (i < policyCount || j < other.policyCount) {
      int c = i == policyCount ? 1 : j == other.policyCount ? -1
          : policies[i].compareKey(other.policies[j].epochDay(), other.policies[j].policyType());
      if (c < 0) {
        p[m++] = policies[i++];
      } else if (c > 0) {
        p[m++] = other.policies[j++];
      } else {
        PolicyCell sum = policies[i++].copy();
        sum.addAll(other.policies[j++]);
        p[m++] = sum;
      }
    }
    Map<FailureKey, FailureCell> f = null;
    if (failures != null || other.failures != null) {
      Map<FailureKey, FailureCell> mine = failures == null ? Map.of() : failures;
      Map<FailureKey, FailureCell> theirs = other.failures == null ? Map.of() : other.failures;
      f = new HashMap<>(capacityFor(mine.size() + theirs.size()));
      f.putAll(mine);
      for (Map.Entry<FailureKey, FailureCell> e : theirs.entrySet()) {
        f.merge(e.getKey(), e.getValue(), (x, y) -> {
          FailureCell sum = x.copy();
          sum.addAll(y);
          return sum;
        });
      }
    }
    return new DomainState(
        domain,
        n == d.length ? d : Arrays.copyOf(d, n),
        n,
        m == p.length ? p : Arrays.copyOf(p, m),
        m,
        f,
        mergedPatterns(mxPatterns, other.mxPatterns));
  }

  /**
   * Adds another state's figures into this (accumulator-owned) state, copying its cells.
   *
   * @param other the other state (not changed)
   */
  public void mergeFrom(DomainState other) {
    DomainState merged = mergedWith(other);
    // mergedWith shares cells of both sides; this state must own every cell it holds.
    DomainState owned = merged.deepCopy();
    days = owned.days;
    dayCount = owned.dayCount;
    policies = owned.policies;
    policyCount = owned.policyCount;
    failures = owned.failures;
    mxPatterns = owned.mxPatterns;
  }

  private static String[] mergedPatterns(String[] a, String[] b) {
    if (b.length == 0 || Arrays.equals(a, b)) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    String[] x = new String[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int c = i == a.length ? 1 : j == b.length ? -1 : a[i].compareTo(b[j]);
      if (c < 0) {
        x[n++] = a[i++];
      } else if (c > 0) {
        x[n++] = b[j++];
      } else {
        x[n++] = a[i++];
        j++;
      }
    }
    return Arrays.copyOf(x, n);
  }

  /**
   * Returns a {@code HashMap} initial capacity that holds {@code n} entries without rehashing.
   *
   * @param n the number of entries
   * @return the capacity
   */
  public static int capacityFor(int n) {
    return (int) Math.min(Integer.MAX_VALUE - 8, (long) n * 4 / 3 + 1);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DomainState x
        && x.domain.equals(domain)
        && x.dayCells().equals(dayCells())
        && x.policyCells().equals(policyCells())
        && x.failureCells().equals(failureCells())
        && Arrays.equals(x.mxPatterns, mxPatterns);
  }

  @Override
  public int hashCode() {
    return domain.hashCode() * 31 + dayCells().hashCode();
  }

  @Override
  public String toString() {
    return "DomainState[" + domain + ", days=" + dayCells() + ", policies=" + policyCells()
        + ", failures=" + failureCells() + "]";
  }
}
