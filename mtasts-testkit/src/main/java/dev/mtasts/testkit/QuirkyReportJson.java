package dev.mtasts.testkit;

import java.util.Objects;
import java.util.Set;

/**
 * A TLS-RPT report as JSON with deviations real senders make, and which ones it carries.
 *
 * <p>{@code quirks} names the deviations the text actually carries. A quirk the generator was
 * asked for but found nothing to act on is left out: {@link ReportQuirk#EMPTY_SENDING_MTA_IP},
 * for example, on a report whose only failure detail lost its addresses to {@link
 * ReportQuirk#FETCH_ERROR_WITHOUT_ADDRESSES}.
 *
 * @param json the report text
 * @param quirks the deviations the text carries, at least one
 */
public record QuirkyReportJson(String json, Set<ReportQuirk> quirks) {
  /**
   * Validates and copies the components.
   *
   * @param json the report text
   * @param quirks the deviations the text carries
   */
  public QuirkyReportJson {
    Objects.requireNonNull(json, "json");
    quirks = Set.copyOf(quirks);
  }
}
