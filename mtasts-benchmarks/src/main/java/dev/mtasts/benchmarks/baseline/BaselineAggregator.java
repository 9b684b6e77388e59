package dev.mtasts.benchmarks.baseline;

import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Aggregation the obvious way: a {@code HashMap<String, Long>} keyed by the concatenation of
 * policy domain, UTC day, policy type, result type, sending MTA IP and receiving MX host (plus
 * per-policy success and failure totals), and a set of {@code organization|report-id} strings so
 * that a report delivered twice counts once. It reads the SDK's report objects through their
 * accessors, the same objects the SDK's aggregation gets.
 */
public final class BaselineAggregator {

  private final Map<String, Long> counts = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  /** Creates an empty aggregation. */
  public BaselineAggregator() {}

  /**
   * Adds a report unless it was added before.
   *
   * @param report the report
   */
  public void add(TlsRptReport report) {
    if (!firstTime(report.organizationName(), report.reportId())) {
      return;
    }
    String day = day(report.dateRange().start());
    for (PolicyResult p : report.policies()) {
      String domain = String.valueOf(p.policyDomain());
      String type = p.policyTypeText();
      addPolicy(domain, day, type, p.successfulSessionCount(), p.failedSessionCount());
      for (FailureDetail d : p.failureDetails()) {
        addFailure(
            domain,
            day,
            type,
            d.resultType().wireName(),
            String.valueOf(d.sendingMtaIp()),
            String.valueOf(d.receivingMxHostname()),
            d.failedSessionCount());
      }
    }
  }

  /**
   * Starts a report: remembers it and tells whether it is new.
   *
   * @param organization the reporting organization
   * @param reportId the report id
   * @return {@code false} when the same report was added before (skip it)
   */
  public boolean firstTime(String organization, String reportId) {
    return seen.add(organization + "|" + reportId);
  }

  /**
   * Returns the UTC day of an instant as text, the day part of every key.
   *
   * @param start the start of the report's date range
   * @return the day, such as {@code 2026-11-24}
   */
  public static String day(Instant start) {
    return LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
  }

  /**
   * Adds a policy result's totals.
   *
   * @param domain the policy domain
   * @param day the UTC day from {@link #day(Instant)}
   * @param type the policy type
   * @param successes successful sessions
   * @param failures failed sessions
   */
  public void addPolicy(String domain, String day, String type, long successes, long failures) {
    String prefix = domain + "|" + day + "|" + type;
    counts.merge(prefix + "|ok", successes, Long::sum);
    counts.merge(prefix + "|failed", failures, Long::sum);
  }

  /**
   * Adds a failure detail.
   *
   * @param domain the policy domain
   * @param day the UTC day from {@link #day(Instant)}
   * @param type the policy type
   * @param resultType the result type
   * @param sendingIp the sending MTA's IP address
   * @param receivingMx the receiving MX host name
   * @param sessions the failed session count
   */
  public void addFailure(
      String domain,
      String day,
      String type,
      String resultType,
      String sendingIp,
      String receivingMx,
      long sessions) {
    counts.merge(
        domain + "|" + day + "|" + type + "|" + resultType + "|" + sendingIp + "|" + receivingMx,
        sessions,
        Long::sum);
  }

  /**
   * Returns the counters.
   *
   * @return the map from concatenated key to session count (a live view)
   */
  public Map<String, Long> counts() {
    return counts;
  }

  /**
   * Returns how many distinct reports were added.
   *
   * @return the number of reports counted
   */
  public int reports() {
    return seen.size();
  }
}
