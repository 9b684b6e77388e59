package dev.mtasts.tlsrpt;

import java.util.Objects;

/**
 * Two reports with the same {@code organization-name} and {@code report-id} but different
 * content: whoever can predict a sender's report-id could otherwise shadow its real report. A
 * summary counts neither once the earlier one is {@link ReportSummary.Accumulator#withdraw
 * withdrawn} (as the CLI does).
 *
 * @param organization the {@code organization-name}
 * @param reportId the {@code report-id}
 * @param firstSource the source number of the report added first
 * @param secondSource the source number of the report that conflicted with it
 */
public record ReportConflict(
    String organization, String reportId, int firstSource, int secondSource) {

  /**
   * Checks the components.
   *
   * @param organization the {@code organization} component
   * @param reportId the {@code reportId} component
   * @param firstSource the {@code firstSource} component
   * @param secondSource the {@code secondSource} component
   */
  public ReportConflict {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(reportId, "reportId");
  }
}
