package dev.mtasts.tlsrpt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A TLS-RPT aggregate report (RFC 8460 §4): who reports, for which period, and one
 * {@link PolicyResult} per policy applied.
 *
 * <p>Read one with {@link TlsRptReader}, write one with {@link TlsRptWriter}, generate them as a
 * sender with {@link TlsRptReportBuilder}, and aggregate many with {@link ReportSummary}. Members
 * this library does not know are kept in {@code unknownFields} (compact JSON text) so a round
 * trip loses nothing.
 *
 * @param organizationName the {@code organization-name}
 * @param dateRange the {@code date-range}
 * @param contactInfo the {@code contact-info}, or {@code null} when a lenient reader found it
 *     missing or {@code null}
 * @param reportId the {@code report-id}, any shape
 * @param policies the {@code policies}
 * @param unknownFields unknown top-level members: name to compact JSON text
 * @param unknownDateRangeFields unknown members of the {@code date-range} object
 */
public record TlsRptReport(
    String organizationName,
    DateRange dateRange,
    @Nullable String contactInfo,
    String reportId,
    List<PolicyResult> policies,
    Map<String, String> unknownFields,
    Map<String, String> unknownDateRangeFields) {

  /**
   * Validates the report and copies the collections.
   *
   * @param organizationName the {@code organizationName} component
   * @param dateRange the {@code dateRange} component
   * @param contactInfo the {@code contactInfo} component
   * @param reportId the {@code reportId} component
   * @param policies the {@code policies} component
   * @param unknownFields the {@code unknownFields} component
   * @param unknownDateRangeFields the {@code unknownDateRangeFields} component
   */
  public TlsRptReport {
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(dateRange, "dateRange");
    Objects.requireNonNull(reportId, "reportId");
    policies = List.copyOf(policies);
    unknownFields = Map.copyOf(unknownFields);
    unknownDateRangeFields = Map.copyOf(unknownDateRangeFields);
  }

  /**
   * Returns a report without unknown members.
   *
   * @param organizationName the organization name
   * @param dateRange the reporting period
   * @param contactInfo the contact address, or {@code null}
   * @param reportId the report id
   * @param policies the policy results
   * @return the report
   */
  public static TlsRptReport of(
      String organizationName,
      DateRange dateRange,
      @Nullable String contactInfo,
      String reportId,
      List<PolicyResult> policies) {
    return new TlsRptReport(
        organizationName, dateRange, contactInfo, reportId, policies, Map.of(), Map.of());
  }
}
