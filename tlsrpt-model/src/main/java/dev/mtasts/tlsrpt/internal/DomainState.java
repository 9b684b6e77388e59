package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The aggregated figures of one policy domain, keyed compactly: per UTC day (epoch day), per
 * (day, policy type), and per (day, policy type, result type, sending IP, receiving MX). Memory
 * grows with the number of distinct keys only.
 */
public final class DomainState {

  /** Key of a policy-type figure: (epoch day, policy type text); the hash is computed once. */
  public static final class PolicyKey {
    private final int day;
    private final String policyType;
    private final int hash;

    /**
     * Creates the key.
     *
     * @param day the epoch day
     * @param policyType the policy type text
     */
    public PolicyKey(int day, String policyType) {
      this.day = day;
      this.policyType = policyType;
      this.hash = day * 31 + policyType.hashCode();
    }

    /**
     * Returns the epoch day.
     *
     * @return the day
     */
    public int day() {
      return day;
    }

    /**
     * Returns the policy type text.
     *
     * @return the type
     */
    public String policyType() {
      return policyType;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof PolicyKey)) {
        return false;
      }
      PolicyKey k = (PolicyKey) o;
      return k.hash == hash && k.day == day && k.policyType.equals(policyType);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return day + "/" + policyType;
    }
  }

  /**
   * Key of a failure figure: (epoch day, policy type, result type, sending IP, receiving MX), with
   * {@code ""} for an absent IP or MX; the hash is computed once, so merging copies cheaply.
   */
  public static final class FailureKey {
    private final int day;
    private final String policyType;
    private final String resultType;
    private final String sendingIp;
    private final String receivingMx;
    private final int hash;

    /**
     * Creates the key.
     *
     * @param day the epoch day
     * @param policyType the policy type text
     * @param resultType the result type text
     * @param sendingIp the sending MTA IP or {@code ""}
     * @param receivingMx the receiving MX host (lower case) or {@code ""}
     */
    public FailureKey(
        int day, String policyType, String resultType, String sendingIp, String receivingMx) {
      this.day = day;
      this.policyType = policyType;
      this.resultType = resultType;
      this.sendingIp = sendingIp;
      this.receivingMx = receivingMx;
      int h = day;
      h = h * 31 + policyType.hashCode();
      h = h * 31 + resultType.hashCode();
      h = h * 31 + sendingIp.hashCode();
      this.hash = h * 31 + receivingMx.hashCode();
    }

    /**
     * Returns the epoch day.
     *
     * @return the day
     */
    public int day() {
      return day;
    }

    /**
     * Returns the policy type text.
     *
     * @return the type
     */
    public String policyType() {
      return policyType;
    }

    /**
     * Returns the result type text.
     *
     * @return the result type
     */
    public String resultType() {
      return resultType;
    }

    /**
     * Returns the sending MTA IP, {@code ""} when absent.
     *
     * @return the IP
     */
    public String sendingIp() {
      return sendingIp;
    }

    /**
     * Returns the receiving MX host, {@code ""} when absent.
     *
     * @return the host
     */
    public String receivingMx() {
      return receivingMx;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof FailureKey)) {
        return false;
      }
      FailureKey k = (FailureKey) o;
      return k.hash == hash
          && k.day == day
          && k.resultType.equals(resultType)
          && k.sendingIp.equals(sendingIp)
          && k.receivingMx.equals(receivingMx)
          && k.policyType.equals(policyType);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return day + "/" + policyType + "/" + resultType + "/" + sendingIp + "/" + receivingMx;
    }
  }

  /** The domain, lower case. */
  public final String domain;
  /** Per day: a = reports, b = successful, c = failed (domain level), d = covered. */
  public final Map<Integer, Cell> days;
  /** Per policy key: a = policy results, b = successful, c = failed. */
  public final Map<PolicyKey, Cell> policies;
  /** Per failure key: a = failed sessions. */
  public final Map<FailureKey, Cell> failures;
  /** The MX patterns seen in the domain's policies, lower case. */
  public final Set<String> mxPatterns;

  /** The last policy lines and MX hosts seen, to skip re-extracting unchanged patterns. */
  private List<String> lastPolicyStrings = List.of();

  private List<String> lastMxHosts = List.of();

  private PolicyType lastType = PolicyType.UNKNOWN;

  /**
   * Records the MX patterns of a policy: its {@code mx-host} entries and, for STS, the {@code mx:}
   * lines of its policy string. Unchanged policies (the usual case) cost two list comparisons.
   *
   * @param p the policy result
   */
  public void notePatterns(PolicyResult p) {
    List<String> strings = p.policyStrings();
    List<String> mx = p.mxHosts();
    // mx-host lists the policy's mx patterns (RFC 8460 §4.4); when present, comparing it is enough.
    if (p.policyType() == lastType
        && mx.equals(lastMxHosts)
        && (!mx.isEmpty() || strings.equals(lastPolicyStrings))) {
      return;
    }
    lastType = p.policyType();
    lastPolicyStrings = strings;
    lastMxHosts = mx;
    for (int i = 0; i < mx.size(); i++) {
      mxPatterns.add(MxPatterns.normalize(mx.get(i)));
    }
    if (p.policyType() == PolicyType.STS) {
      for (int i = 0; i < strings.size(); i++) {
        String line = strings.get(i);
        if (line.regionMatches(true, 0, "mx:", 0, 3)) {
          mxPatterns.add(MxPatterns.normalize(line.substring(3)));
        }
      }
    }
  }

  /**
   * Creates an empty state.
   *
   * @param domain the domain
   */
  public DomainState(String domain) {
    this(domain, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>());
  }

  private DomainState(
      String domain,
      Map<Integer, Cell> days,
      Map<PolicyKey, Cell> policies,
      Map<FailureKey, Cell> failures,
      Set<String> mxPatterns) {
    this.domain = domain;
    this.days = days;
    this.policies = policies;
    this.failures = failures;
    this.mxPatterns = mxPatterns;
  }

  /**
   * Returns a copy with new maps that share the cells (for immutable merging).
   *
   * @return the shallow copy
   */
  public DomainState shallowCopy() {
    return new DomainState(
        domain,
        new HashMap<>(days),
        new HashMap<>(policies),
        new HashMap<>(failures),
        new HashSet<>(mxPatterns));
  }

  /**
   * Returns a new state holding the sum of this one and another, sharing the cells that only one
   * side has; neither side is changed. The maps are sized once for both sides.
   *
   * @param other the other state (not changed)
   * @return the merged state
   */
  public DomainState mergedWith(DomainState other) {
    DomainState x =
        new DomainState(
            domain,
            copyFor(days, other.days),
            copyFor(policies, other.policies),
            copyFor(failures, other.failures),
            new HashSet<>(mxPatterns));
    x.mergeFrom(other, false);
    return x;
  }

  private static <K> Map<K, Cell> copyFor(Map<K, Cell> mine, Map<K, Cell> theirs) {
    Map<K, Cell> m = new HashMap<>(capacityFor(mine.size() + theirs.size()));
    m.putAll(mine);
    return m;
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

  /**
   * Returns a copy with copied cells (for handing out from or taking into an accumulator).
   *
   * @return the deep copy
   */
  public DomainState deepCopy() {
    DomainState x = new DomainState(domain);
    x.mergeFrom(this, true);
    return x;
  }

  /**
   * Adds another state's figures to this one.
   *
   * @param other the other state (not changed)
   * @param inPlace {@code true} to add into this state's cells (which this state must own),
   *     {@code false} to replace overlapping cells with new sums so shared cells stay unchanged
   */
  public void mergeFrom(DomainState other, boolean inPlace) {
    mergeMap(days, other.days, inPlace);
    mergeMap(policies, other.policies, inPlace);
    mergeMap(failures, other.failures, inPlace);
    mxPatterns.addAll(other.mxPatterns);
  }

  private static <K> void mergeMap(Map<K, Cell> into, Map<K, Cell> from, boolean inPlace) {
    if (!inPlace) {
      // One hash lookup per key: shared cells stay unchanged, overlapping ones become new sums.
      for (Map.Entry<K, Cell> e : from.entrySet()) {
        into.merge(e.getKey(), e.getValue(), Cell::plus);
      }
      return;
    }
    for (Map.Entry<K, Cell> e : from.entrySet()) {
      Cell mine = into.get(e.getKey());
      if (mine == null) {
        into.put(e.getKey(), inPlace ? e.getValue().copy() : e.getValue());
      } else if (inPlace) {
        mine.addAll(e.getValue());
      } else {
        into.put(e.getKey(), mine.plus(e.getValue()));
      }
    }
  }

  /**
   * Returns the number of keys held.
   *
   * @return days, policy and failure keys together
   */
  public int keyCount() {
    return days.size() + policies.size() + failures.size();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DomainState)) {
      return false;
    }
    DomainState x = (DomainState) o;
    return x.domain.equals(domain)
        && x.days.equals(days)
        && x.policies.equals(policies)
        && x.failures.equals(failures)
        && x.mxPatterns.equals(mxPatterns);
  }

  @Override
  public int hashCode() {
    return domain.hashCode() * 31 + days.hashCode();
  }

  @Override
  public String toString() {
    return "DomainState[" + domain + ", days=" + days + ", policies=" + policies
        + ", failures=" + failures + "]";
  }
}
