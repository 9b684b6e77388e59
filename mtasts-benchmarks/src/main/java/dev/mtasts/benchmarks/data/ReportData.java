package dev.mtasts.benchmarks.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Synthetic TLS-RPT reports for the benchmarks: deterministic, the same in every run. */
public final class ReportData {

  /** How many failure details the large report holds. */
  public static final int LARGE_REPORT_DETAILS = 10_000;

  /** How many reports the aggregation benchmark adds. */
  public static final int AGGREGATION_REPORTS = 100_000;

  /** How many distinct aggregation keys those reports spread over. */
  public static final int AGGREGATION_KEYS = 1_000;

  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);

  private static final String[] RESULT_TYPES = {
    "certificate-expired",
    "certificate-host-mismatch",
    "starttls-not-supported",
    "validation-failure",
    "sts-policy-fetch-error",
  };

  private static final String[] ORGANIZATIONS = {
    "Google Inc.", "Microsoft Corporation", "Mail.Ru", "Example Mailer GmbH",
  };

  private static final int DOMAINS = 5;
  private static final int DAYS = 10;
  private static final int FAILURE_KINDS = 20;
  private static final int IPS_PER_KIND = 4;

  private ReportData() {}

  /**
   * Returns the large report: one policy domain, {@value #LARGE_REPORT_DETAILS} failure details
   * spread over 100 sending IPs and 10 MX hosts, about 1.3 MB of compact JSON.
   *
   * @return the report
   */
  public static SyntheticReport largeReport() {
    List<SyntheticReport.Failure> failures = new ArrayList<>(LARGE_REPORT_DETAILS);
    for (int i = 0; i < LARGE_REPORT_DETAILS; i++) {
      String resultType = RESULT_TYPES[i % RESULT_TYPES.length];
      failures.add(
          new SyntheticReport.Failure(
              resultType,
              "198.51." + (i / 100 % 100) + "." + (i % 100 + 1),
              "mx" + (i % 10) + ".example.com",
              "203.0.113." + (i % 10 + 1),
              1 + i % 7,
              i % 50 == 0 ? "X509_V_ERR_CERT_HAS_EXPIRED" : null));
    }
    SyntheticReport.Policy policy =
        new SyntheticReport.Policy(
            "sts",
            "example.com",
            List.of(
                "version: STSv1", "mode: testing", "mx: *.example.com", "max_age: 604800"),
            List.of("*.example.com"),
            125_000,
            failures);
    return new SyntheticReport(
        "Example Mailer GmbH",
        "tlsrpt@mailer.example",
        "2026-11-01T00:00:00Z_example.com_large",
        FIRST_DAY,
        List.of(policy));
  }

  /**
   * Returns report number {@code i} of the aggregation data: one {@code sts} policy result with
   * one failure detail, whose key (policy domain, UTC day, result type, sending IP, MX host) is
   * one of {@code keys}; every report has its own report-id, so none is a duplicate.
   *
   * @param i the report's index
   * @param keys how many distinct keys the indexes cycle through (at most 1,000)
   * @param dayOffset days added to every report's day: two sets 5 days apart share half their
   *     keys
   * @return the report
   */
  public static SyntheticReport aggregationReport(int i, int keys, int dayOffset) {
    int k = i % keys;
    int domain = k % DOMAINS;
    int day = k / DOMAINS % DAYS + dayOffset;
    int kind = k / (DOMAINS * DAYS) % FAILURE_KINDS;
    String domainName = "domain" + domain + ".example";
    String mx = "mx" + (kind % 2 + 1) + "." + domainName;
    SyntheticReport.Failure failure =
        new SyntheticReport.Failure(
            RESULT_TYPES[kind % RESULT_TYPES.length],
            "192.0.2." + (kind / RESULT_TYPES.length % IPS_PER_KIND + 1),
            mx,
            "203.0.113." + (domain + 1),
            1 + i % 5,
            null);
    SyntheticReport.Policy policy =
        new SyntheticReport.Policy(
            "sts",
            domainName,
            List.of("version: STSv1", "mode: testing", "mx: *." + domainName, "max_age: 604800"),
            List.of("*." + domainName),
            10 + i % 90,
            List.of(failure));
    String org = ORGANIZATIONS[i % ORGANIZATIONS.length];
    return new SyntheticReport(
        org, "tlsrpt@reporter.example", "rid-" + i, FIRST_DAY.plusDays(day), List.of(policy));
  }

  /**
   * Returns a report of the end-to-end data set: two policy results ({@code sts} for the
   * domain, {@code no-policy-found} for a sibling) and 25 failure details, about 4.5 KB.
   *
   * @param i the report's index
   * @return the report
   */
  public static SyntheticReport endToEndReport(int i) {
    int domain = i % 20;
    String domainName = "customer" + domain + ".example";
    List<SyntheticReport.Failure> failures = new ArrayList<>();
    for (int j = 0; j < 25; j++) {
      int n = i * 31 + j;
      failures.add(
          new SyntheticReport.Failure(
              RESULT_TYPES[n % RESULT_TYPES.length],
              "198.51.100." + (n % 250 + 1),
              "mx" + (j % 3 + 1) + "." + domainName,
              "203.0.113." + (j % 3 + 1),
              1 + n % 9,
              n % 4 == 0 ? "X509_V_ERR_CERT_HAS_EXPIRED" : null));
    }
    SyntheticReport.Policy sts =
        new SyntheticReport.Policy(
            "sts",
            domainName,
            List.of(
                "version: STSv1",
                "mode: testing",
                "mx: mx1." + domainName,
                "mx: mx2." + domainName,
                "mx: mx3." + domainName,
                "max_age: 604800"),
            List.of("mx1." + domainName, "mx2." + domainName, "mx3." + domainName),
            1000 + i % 5000,
            failures);
    SyntheticReport.Policy none =
        new SyntheticReport.Policy(
            "no-policy-found", "lists." + domainName, List.of(), List.of(), 10 + i % 50, List.of());
    String org = ORGANIZATIONS[i % ORGANIZATIONS.length];
    return new SyntheticReport(
        org,
        "tlsrpt@reporter.example",
        "e2e-" + i,
        FIRST_DAY.plusDays(i / 20 % 14),
        List.of(sts, none));
  }
}
