package dev.mtasts.report.html;

import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.policy.DomainName;
import dev.mtasts.report.html.internal.PageInput;
import dev.mtasts.report.html.internal.PageWriter;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.Triage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One self-contained HTML page of TLS-RPT figures: per policy domain the readiness verdict (when
 * given) with its blocking reasons and warnings, a summary table, sessions per UTC day (successful
 * and failed stacked; days without a report drawn as grey gaps, not as zeros), failed sessions per
 * result type per day, the sending MTAs and receiving MX hosts with the most failed sessions and
 * their triage class, the reporting organizations and their share, and the unreadable reports.
 *
 * <pre>{@code
 * String html = HtmlReport.newBuilder(summary)
 *     .organizations(organizations)
 *     .unreadable(List.of(new UnreadableReport("bad.json", "not JSON")))
 *     .readiness("example.com", readiness)
 *     .days(readiness.windowStart(), readiness.windowEnd())
 *     .build()
 *     .render();
 * }</pre>
 *
 * <h2>What the page is safe for</h2>
 *
 * <ul>
 *   <li>It never makes a request: style, charts (inline SVG drawn by JFreeChart) and the one
 *       script are inside the file, and a Content-Security-Policy {@code <meta>} allows no other
 *       source, no other script (the sorting script is allowed by its SHA-256 hash), no form and
 *       no base URL. It sets no cookie and works without JavaScript except for sorting the tables.
 *   <li>Every string that came from a report (organization names, host names, IPs, result types,
 *       reasons) is escaped for its HTML context, wrapped in {@code <bdi>} so that right-to-left
 *       text cannot reorder the page, shows control and bidirectional formatting characters as
 *       {@code <U+202E>}, and is cut after a bound ({@value
 *       dev.mtasts.report.html.internal.HtmlText#CELL_CHARS} characters in tables) with the number
 *       of characters left out.
 *   <li>Sizes are bounded: at most {@value dev.mtasts.report.html.internal.DomainView#MAX_DAYS}
 *       days per chart (the latest), {@value
 *       dev.mtasts.report.html.internal.PageWriter#MAX_DOMAINS_CHARTED} domains with charts,
 *       {@value dev.mtasts.report.html.internal.PageWriter#MAX_ROWS} rows per host table and
 *       {@value dev.mtasts.report.html.internal.PageWriter#MAX_UNREADABLE} unreadable reports.
 * </ul>
 *
 * <p>Instances are immutable; {@link #render()} draws the page each time it is called.
 */
public final class HtmlReport {
  private final PageInput input;

  private HtmlReport(PageInput input) {
    this.input = input;
  }

  /**
   * Returns a builder of the page of a summary.
   *
   * @param summary the reports' figures
   * @return the builder
   */
  public static Builder newBuilder(ReportSummary summary) {
    return new Builder(summary);
  }

  /**
   * Returns the page.
   *
   * @return the HTML document
   */
  public String render() {
    return PageWriter.write(input);
  }

  /**
   * Writes the page in UTF-8.
   *
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    out.write(render().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public String toString() {
    return "HtmlReport[" + input.summary() + "]";
  }

  /** Collects what the page shows; not thread-safe. */
  public static final class Builder {
    private final ReportSummary summary;
    private String title = "TLS-RPT report";
    private Instant generatedAt = Instant.now();
    private String generator = "mtasts";
    private ReportingOrganizations organizations = ReportingOrganizations.empty();
    private List<UnreadableReport> unreadable = List.of();
    private final Map<String, Readiness> readiness = new HashMap<>();
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private @Nullable Set<String> domains;
    private Triage triage = Triage.playbook();
    private List<String> notes = List.of();

    private Builder(ReportSummary summary) {
      this.summary = Objects.requireNonNull(summary, "summary");
    }

    /**
     * Sets the page's title (default {@code TLS-RPT report}).
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets when the page was made (default: when the builder was created); pass a fixed instant
     * for a reproducible page.
     *
     * @param at the instant
     * @return this builder
     */
    public Builder generatedAt(Instant at) {
      this.generatedAt = Objects.requireNonNull(at, "at");
      return this;
    }

    /**
     * Sets the name of what made the page, such as {@code mtasts 0.1.0} (default {@code mtasts}).
     *
     * @param generator the name
     * @return this builder
     */
    public Builder generator(String generator) {
      this.generator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * Sets who reported (default: not known, and the page says so).
     *
     * @param organizations the organizations
     * @return this builder
     */
    public Builder organizations(ReportingOrganizations organizations) {
      this.organizations = Objects.requireNonNull(organizations, "organizations");
      return this;
    }

    /**
     * Sets the reports that could not be read.
     *
     * @param unreadable the reports, in the order they were met
     * @return this builder
     */
    public Builder unreadable(List<UnreadableReport> unreadable) {
      this.unreadable = List.copyOf(unreadable);
      return this;
    }

    /**
     * Adds the readiness verdict of a domain; the domain gets a section even without reports.
     *
     * @param policyDomain the domain, any case
     * @param verdict the verdict
     * @return this builder
     */
    public Builder readiness(String policyDomain, Readiness verdict) {
      readiness.put(DomainName.comparisonKey(policyDomain), Objects.requireNonNull(verdict, "verdict"));
      return this;
    }

    /**
     * Restricts the figures and the chart axis to a window of UTC days (default: from the first to
     * the last day any report covers, per domain). Days of the window without a report show as
     * gaps.
     *
     * @param first the first day, inclusive
     * @param last the last day, inclusive
     * @return this builder
     * @throws IllegalArgumentException when {@code last} is before {@code first}
     */
    public Builder days(LocalDate first, LocalDate last) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("the window ends " + last + " before it starts " + first);
      }
      this.from = first;
      this.to = last;
      return this;
    }

    /**
     * Shows only these policy domains (default: every domain in the summary).
     *
     * @param policyDomains the domains, any case
     * @return this builder
     */
    public Builder domains(Collection<String> policyDomains) {
      Set<String> set = new HashSet<>();
      for (String d : policyDomains) {
        set.add(DomainName.comparisonKey(d));
      }
      this.domains = set;
      return this;
    }

    /**
     * Sets how failures are classified (default {@link Triage#playbook()}).
     *
     * @param triage the strategy
     * @return this builder
     */
    public Builder triage(Triage triage) {
      this.triage = Objects.requireNonNull(triage, "triage");
      return this;
    }

    /**
     * Sets notes for the reader shown under the title, such as what is missing in a domain folder.
     *
     * @param notes the notes (treated as untrusted text)
     * @return this builder
     */
    public Builder notes(List<String> notes) {
      this.notes = new ArrayList<>(notes);
      return this;
    }

    /**
     * Returns the page.
     *
     * @return the page, ready to {@link HtmlReport#render()}
     */
    public HtmlReport build() {
      return new HtmlReport(new PageInput(title, generatedAt, generator, summary, organizations,
          unreadable, readiness, from, to, domains, triage, notes));
    }
  }
}
