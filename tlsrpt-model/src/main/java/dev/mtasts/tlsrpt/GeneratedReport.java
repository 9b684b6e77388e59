package dev.mtasts.tlsrpt;

import java.util.Objects;

/**
 * A report made by {@link TlsRptReportBuilder}, with its RFC 8460 §5.1 file name.
 *
 * @param report the report
 * @param fileName the file name to attach or post it under
 */
public record GeneratedReport(TlsRptReport report, ReportFileName fileName) {

  /**
   * Checks the components.
   *
   * @param report the {@code report} component
   * @param fileName the {@code fileName} component
   */
  public GeneratedReport {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(fileName, "fileName");
  }
}
