package dev.mtasts.report.html;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which organizations reported on each policy domain, and how much: the "who reports" part of the
 * page, which {@link dev.mtasts.tlsrpt.ReportSummary} does not keep.
 *
 * <pre>{@code
 * ReportingOrganizations.Accumulator orgs = ReportingOrganizations.newAccumulator();
 * for (TlsRptReport r : reports) {
 *   orgs.add(r);
 * }
 * List<OrganizationShare> shares = orgs.snapshot().of("example.com");
 * }</pre>
 *
 * <p>Like the summary, a report with the same {@code organization-name} and {@code report-id} as
 * one already added counts once; domains are compared lower case.
 */
public final class ReportingOrganizations {
  private static final ReportingOrganizations EMPTY = new ReportingOrganizations(Map.of());

  private final Map<String, List<OrganizationShare>> byDomain;

  private ReportingOrganizations(Map<String, List<OrganizationShare>> byDomain) {
    this.byDomain = byDomain;
  }

  /**
   * Returns the figures of no report.
   *
   * @return the empty figures
   */
  public static ReportingOrganizations empty() {
    return EMPTY;
  }

  /**
   * Returns a new, empty accumulator (mutable, not thread-safe).
   *
   * @return the accumulator
   */
  public static Accumulator newAccumulator() {
    return new Accumulator();
  }

  /**
   * Returns the organizations that reported on a domain, most sessions first (then most reports,
   * then by name).
   *
   * @param policyDomain the domain, any case
   * @return the shares, empty for a domain no report named
   */
  public List<OrganizationShare> of(String policyDomain) {
    return byDomain.getOrDefault(DomainName.comparisonKey(policyDomain), List.of());
  }

  @Override
  public String toString() {
    return "ReportingOrganizations[domains=" + byDomain.size() + "]";
  }

  /** A mutable builder of {@link ReportingOrganizations}; not thread-safe. */
  public static final class Accumulator {
    private final Set<List<String>> seen = new HashSet<>();
    private final Map<String, Map<String, long[]>> counts = new HashMap<>();

    private Accumulator() {}

    /**
     * Counts a report unless one with the same organization and report-id was added before.
     *
     * @param report the report
     * @return {@code true} when counted, {@code false} for a duplicate
     */
    public boolean add(TlsRptReport report) {
      Objects.requireNonNull(report, "report");
      if (!seen.add(List.of(report.organizationName(), report.reportId()))) {
        return false;
      }
      // Per domain: the larger of the sts and tlsa sums, plus no-policy-found and unknown types,
      // as ReportSummary counts domain-level sessions.
      Map<String, long[]> perDomain = new HashMap<>();
      for (PolicyResult p : report.policies()) {
        String domain = p.policyDomain() == null ? "" : DomainName.comparisonKey(p.policyDomain());
        long[] c = perDomain.computeIfAbsent(domain, k -> new long[3]);
        long n = p.successfulSessionCount() + p.failedSessionCount();
        if (p.policyType() == PolicyType.STS) {
          c[0] += n;
        } else if (p.policyType() == PolicyType.TLSA) {
          c[1] += n;
        } else {
          c[2] += n;
        }
      }
      for (Map.Entry<String, long[]> e : perDomain.entrySet()) {
        long[] c = e.getValue();
        long[] acc = counts.computeIfAbsent(e.getKey(), k -> new HashMap<>())
            .computeIfAbsent(report.organizationName(), k -> new long[2]);
        acc[0]++;
        acc[1] += Math.max(c[0], c[1]) + c[2];
      }
      return true;
    }

    /**
     * Returns the figures of everything added so far; the accumulator stays usable.
     *
     * @return the snapshot
     */
    public ReportingOrganizations snapshot() {
      Map<String, List<OrganizationShare>> out = new HashMap<>();
      for (Map.Entry<String, Map<String, long[]>> d : counts.entrySet()) {
        List<OrganizationShare> list = new ArrayList<>();
        for (Map.Entry<String, long[]> o : d.getValue().entrySet()) {
          list.add(new OrganizationShare(o.getKey(), o.getValue()[0], o.getValue()[1]));
        }
        list.sort(Comparator.comparingLong(OrganizationShare::sessions).reversed()
            .thenComparing(Comparator.comparingLong(OrganizationShare::reports).reversed())
            .thenComparing(OrganizationShare::organization));
        out.put(d.getKey(), List.copyOf(list));
      }
      return new ReportingOrganizations(Map.copyOf(out));
    }
  }
}
