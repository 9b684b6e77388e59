package dev.mtasts.testkit;

import java.util.Objects;
import java.util.Set;

/**
 * A TLS-RPT report as JSON with deviations real senders make, and which ones it carries.
 *
 * @param json the report text
 * @param quirks the deviations applied, at least one
 */
public record QuirkyReportJson(String json, Set<ReportQuirk> quirks) {
  /**
   * Validates and copies the components.
   *
   * @param json the report text
   * @param quirks the deviations applied
   */
  public QuirkyReportJson {
    Objects.requireNonNull(json, "json");
    quirks = Set.copyOf(quirks);
  }
}
