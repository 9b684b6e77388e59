package dev.mtasts.testkit;

import java.util.Objects;
import java.util.Set;

/**
 * A TLS-RPT report as JSON with deviations real senders make, and which ones it carries.
 *
 * <p>{@code quirks} names the deviations the generator was asked to apply. A quirk that finds
 * nothing to act on leaves the text unchanged: {@link ReportQuirk#EMPTY_SENDING_MTA_IP}, for
 * example, on a report whose only failure detail lost its addresses to {@link
 * ReportQuirk#FETCH_ERROR_WITHOUT_ADDRESSES}. A property that needs a quirk to be visible checks
 * the JSON for it.
 *
 * @param json the report text
 * @param quirks the deviations asked for, at least one
 */
public record QuirkyReportJson(String json, Set<ReportQuirk> quirks) {
  /**
   * Validates and copies the components.
   *
   * @param json the report text
   * @param quirks the deviations asked for
   */
  public QuirkyReportJson {
    Objects.requireNonNull(json, "json");
    quirks = Set.copyOf(quirks);
  }
}
