package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.internal.DomainSummaryJson;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The figures of one policy domain on one UTC day, as one window emits them.
 *
 * @param policyDomain the policy domain, normalized (lower case, no root dot)
 * @param day the UTC day
 * @param summary the window's summary: the reports covering the day (a report covering several
 *     days brings its other days too; {@link #figures()} keeps only this one)
 */
public record DailySummary(String policyDomain, LocalDate day, ReportSummary summary) {

  /**
   * Checks the components.
   *
   * @param policyDomain the {@code policyDomain} component
   * @param day the {@code day} component
   * @param summary the {@code summary} component
   */
  public DailySummary {
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * Returns the domain's figures on the day: a multi-day report's share of it, as {@link
   * ReportSummary#domain(String, LocalDate, LocalDate)} gives them on one machine.
   *
   * @return the figures
   */
  public DomainSummary figures() {
    return summary.domain(policyDomain, day, day);
  }

  /**
   * Returns the figures as one line of JSON, the object {@code mtasts report summarize --json}
   * prints for a domain.
   *
   * @return the JSON object
   */
  public String toJson() {
    return DomainSummaryJson.toJson(figures());
  }
}
