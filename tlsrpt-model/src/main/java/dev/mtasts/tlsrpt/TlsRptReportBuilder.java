package dev.mtasts.tlsrpt;

import dev.mtasts.policy.DomainName;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sending side: records the outcome of each delivery session per policy domain and policy,
 * and emits one report per policy domain per UTC day (RFC 8460 §4.1) with correct counts, a
 * unique report-id and the §5.1 file name.
 *
 * <pre>{@code
 * TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder(
 *     "Example Sender", "tlsrpt@sender.example", "sender.example");
 * AppliedPolicy sts = AppliedPolicy.sts("example.com",
 *     List.of("version: STSv1", "mode: enforce", "mx: mx.example.com", "max_age: 604800"),
 *     List.of("mx.example.com"));
 * b.recordSuccess(sts, Instant.now());
 * b.recordFailure(sts, Instant.now(), FailureDetail.of(
 *     ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 1));
 * for (GeneratedReport r : b.drainDaysBefore(LocalDate.now(ZoneOffset.UTC))) {
 *   send(r.fileName().fileName(), TlsRptWriter.compact().writeGzip(r.report()));
 * }
 * }</pre>
 *
 * <p>Identical failures (same detail apart from the count) are added up into one failure-details
 * entry. Thread-safe: every method synchronizes on the builder.
 */
public final class TlsRptReportBuilder {

  private static final HexFormat HEX = HexFormat.of();

  /** The largest integer an I-JSON number carries exactly (RFC 7493 §2.2). */
  private static final long MAX_COUNT = (1L << 53) - 1;

  private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final String organizationName;
  private final String contactInfo;
  private final String senderDomain;
  private final SecureRandom random = new SecureRandom();
  /** Day to domain (lower case) to policy to tally; days and domains in order. */
  private final TreeMap<LocalDate, TreeMap<String, Map<AppliedPolicy, Tally>>> days = new TreeMap<>();

  private static final class Tally {
    long successful;
    long failed;
    final Map<FailureDetail, Long> failures = new LinkedHashMap<>();
  }

  private TlsRptReportBuilder(String organizationName, String contactInfo, String senderDomain) {
    this.organizationName = organizationName;
    this.contactInfo = contactInfo;
    this.senderDomain = senderDomain;
  }

  /**
   * Returns a builder for one reporting organization.
   *
   * @param organizationName the {@code organization-name}
   * @param contactInfo the {@code contact-info} address; RFC 8460 §5.3 wants its domain to be the
   *     submitter domain
   * @param senderDomain the sending domain used in file names (A-labels)
   * @return the builder
   * @throws IllegalArgumentException when a value is empty or the domain cannot be a file name part
   */
  public static TlsRptReportBuilder newBuilder(
      String organizationName, String contactInfo, String senderDomain) {
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(contactInfo, "contactInfo");
    Objects.requireNonNull(senderDomain, "senderDomain");
    if (organizationName.isEmpty() || contactInfo.indexOf('@') <= 0) {
      throw new IllegalArgumentException(
          "organizationName must not be empty and contactInfo must be an e-mail address: \""
              + organizationName + "\", \"" + contactInfo + "\"");
    }
    // Fails fast on a sender that cannot appear in a file name.
    new ReportFileName(senderDomain, "x", Instant.EPOCH, Instant.EPOCH, null, false);
    return new TlsRptReportBuilder(organizationName, contactInfo, senderDomain);
  }

  /**
   * Records one session that negotiated policy-compliant TLS.
   *
   * @param policy the policy applied
   * @param when when the session took place, between 1970 and the end of 9999 (UTC)
   * @throws IllegalArgumentException when {@code when} is outside that period or the day's total
   *     would exceed 2^53-1
   */
  public void recordSuccess(AppliedPolicy policy, Instant when) {
    recordSuccesses(policy, when, 1);
  }

  /**
   * Records successful sessions.
   *
   * @param policy the policy applied
   * @param when when the sessions took place, between 1970 and the end of 9999 (UTC)
   * @param count how many, at least 0
   * @throws IllegalArgumentException when the count is negative, {@code when} is outside that
   *     period, or the day's total would exceed 2^53-1
   */
  public synchronized void recordSuccesses(AppliedPolicy policy, Instant when, long count) {
    if (count < 0 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count " + count + " is not between 0 and 2^53-1");
    }
    Tally t = tally(policy, when);
    t.successful = add(t.successful, count);
  }

  /**
   * Records failed sessions described by a failure detail; its {@code failedSessionCount} is the
   * number of sessions (usually 1).
   *
   * @param policy the policy applied
   * @param when when the sessions took place, between 1970 and the end of 9999 (UTC)
   * @param failure what failed
   * @throws IllegalArgumentException when the detail counts no session, {@code when} is outside
   *     that period, or the day's total would exceed 2^53-1
   */
  public synchronized void recordFailure(AppliedPolicy policy, Instant when, FailureDetail failure) {
    Objects.requireNonNull(failure, "failure");
    long n = failure.failedSessionCount();
    if (n < 1 || n > MAX_COUNT) {
      throw new IllegalArgumentException(
          "a failure detail must count 1 to 2^53-1 sessions, not " + n);
    }
    Tally t = tally(policy, when);
    long failed = add(t.failed, n);
    FailureDetail key = failure.withFailedSessionCount(0);
    long same = add(t.failures.getOrDefault(key, 0L), n);
    t.failed = failed;
    t.failures.put(key, same);
  }

  /** Adds counts, refusing a sum that a report could not carry (RFC 7493: at most 2^53-1). */
  private static long add(long a, long b) {
    long sum = a + b;
    if (sum > MAX_COUNT || sum < a) {
      throw new IllegalArgumentException(
          "session count " + a + " + " + b + " exceeds 2^53-1, the largest count a report can carry");
    }
    return sum;
  }

  private Tally tally(AppliedPolicy policy, Instant when) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(when, "when");
    // Checked now rather than when the day is drained: file names carry non-negative Unix seconds
    // (RFC 8460 §5.1) and RFC 3339 date-times four-digit years.
    if (when.isBefore(Instant.EPOCH) || when.isAfter(LAST_INSTANT)) {
      throw new IllegalArgumentException(
          "session time " + when + " is outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z,"
              + " the period a report and its file name can describe");
    }
    LocalDate day = LocalDate.ofInstant(when, ZoneOffset.UTC);
    return days.computeIfAbsent(day, k -> new TreeMap<>())
        .computeIfAbsent(DomainName.comparisonKey(policy.policyDomain()), k -> new LinkedHashMap<>())
        .computeIfAbsent(policy, k -> new Tally());
  }

  /**
   * Removes and returns the reports of every UTC day before {@code day} (typically today, so that
   * only complete days are reported).
   *
   * @param day the first day to keep
   * @return one report per policy domain per day, by day and domain
   */
  public synchronized List<GeneratedReport> drainDaysBefore(LocalDate day) {
    return drain(days.headMap(Objects.requireNonNull(day, "day")));
  }

  /**
   * Removes and returns the reports of every recorded day.
   *
   * @return one report per policy domain per day, by day and domain
   */
  public synchronized List<GeneratedReport> drainAll() {
    return drain(days);
  }

  private List<GeneratedReport> drain(
      SortedMap<LocalDate, ? extends SortedMap<String, Map<AppliedPolicy, Tally>>> done) {
    List<GeneratedReport> out = new ArrayList<>();
    for (Map.Entry<LocalDate, ? extends SortedMap<String, Map<AppliedPolicy, Tally>>> e : done.entrySet()) {
      for (Map.Entry<String, Map<AppliedPolicy, Tally>> d : e.getValue().entrySet()) {
        out.add(report(e.getKey(), d.getKey(), d.getValue()));
      }
    }
    // Only now that every report was built: should building one ever fail, no tally is lost.
    done.clear();
    return out;
  }

  private GeneratedReport report(LocalDate day, String domain, Map<AppliedPolicy, Tally> policies) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    String unique = HEX.formatHex(bytes);
    List<PolicyResult> results = new ArrayList<>(policies.size());
    for (Map.Entry<AppliedPolicy, Tally> e : policies.entrySet()) {
      AppliedPolicy p = e.getKey();
      Tally t = e.getValue();
      List<FailureDetail> details = new ArrayList<>(t.failures.size());
      t.failures.forEach((detail, n) -> details.add(detail.withFailedSessionCount(n)));
      results.add(
          PolicyResult.of(
              p.policyType(), p.policyStrings(), p.policyDomain(), p.mxHosts(), t.successful,
              t.failed, details));
    }
    DateRange range = DateRange.ofUtcDay(day);
    String reportId = day + "T00:00:00Z_" + domain + "_" + unique;
    TlsRptReport report = TlsRptReport.of(organizationName, range, contactInfo, reportId, results);
    return new GeneratedReport(report, ReportFileName.of(senderDomain, domain, range, unique, true));
  }
}
