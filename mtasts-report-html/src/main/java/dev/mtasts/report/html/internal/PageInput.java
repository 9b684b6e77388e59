package dev.mtasts.report.html.internal;

import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.report.html.ReportingOrganizations;
import dev.mtasts.report.html.UnreadableReport;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.Triage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the page shows, as given to {@code HtmlReport}'s builder.
 *
 * @param title the page title (trusted text from the caller, still escaped)
 * @param generatedAt when the page was made
 * @param generator what made it, such as {@code mtasts 0.1.0}
 * @param summary the reports' figures
 * @param organizations who reported
 * @param unreadable the reports that could not be read
 * @param readiness the readiness verdict per policy domain (lower case)
 * @param from the first day of the chart axis, or {@code null} for the first covered day
 * @param to the last day of the chart axis, or {@code null} for the last covered day
 * @param domains the policy domains to show (lower case), or {@code null} for all
 * @param triage how failures are classified
 * @param notes notes about the input for the reader (untrusted text)
 */
public record PageInput(
    String title,
    Instant generatedAt,
    String generator,
    ReportSummary summary,
    ReportingOrganizations organizations,
    List<UnreadableReport> unreadable,
    Map<String, Readiness> readiness,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable Set<String> domains,
    Triage triage,
    List<String> notes) {

  /**
   * Checks and copies the components.
   *
   * @param title the title
   * @param generatedAt when
   * @param generator by what
   * @param summary the figures
   * @param organizations who reported
   * @param unreadable the unreadable reports
   * @param readiness the verdicts
   * @param from the first axis day, or {@code null}
   * @param to the last axis day, or {@code null}
   * @param domains the domains, or {@code null}
   * @param triage the triage
   * @param notes the notes
   */
  public PageInput {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(organizations, "organizations");
    unreadable = List.copyOf(unreadable);
    readiness = Map.copyOf(readiness);
    domains = domains == null ? null : Set.copyOf(domains);
    Objects.requireNonNull(triage, "triage");
    notes = List.copyOf(notes);
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("give both ends of the day window or neither");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("the day window ends " + to + " before it starts " + from);
    }
  }
}
