package dev.mtasts.report.html.internal;

import static dev.mtasts.report.html.internal.HtmlText.escape;
import static dev.mtasts.report.html.internal.HtmlText.safe;

import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.report.html.OrganizationShare;
import dev.mtasts.report.html.UnreadableReport;
import dev.mtasts.tlsrpt.SessionCounts;
import dev.mtasts.tlsrpt.TriageClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the page: one HTML document with everything inline (style, charts as SVG, one hashed
 * script) and a Content-Security-Policy that allows nothing else, so the file can be opened offline
 * or attached to an e-mail and never makes a request.
 */
public final class PageWriter {
  /** The Content-Security-Policy of the page. */
  public static final String CSP = "default-src 'none'; script-src " + PageScript.HASH_SOURCE
      + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

  /** The most domains that get charts and tables; the others are only in the overview table. */
  public static final int MAX_DOMAINS_CHARTED = 50;

  /** The most rows of a table of hosts or organizations. */
  public static final int MAX_ROWS = 15;

  /** The most unreadable reports listed. */
  public static final int MAX_UNREADABLE = 200;

  /** The most result types with their own colour in the failures chart; the rest are "other". */
  public static final int MAX_TYPES_CHARTED = 7;

  /** The most characters of a reason message (which quotes hosts and IPs from reports). */
  public static final int REASON_CHARS = 2_000;

  private final StringBuilder out = new StringBuilder(256 * 1024);
  private final PageInput in;

  private PageWriter(PageInput in) {
    this.in = in;
  }

  /**
   * Returns the page.
   *
   * @param in what to show
   * @return the HTML document
   */
  public static String write(PageInput in) {
    return new PageWriter(in).page();
  }

  private String page() {
    List<DomainView> views = new ArrayList<>();
    for (String d : in.summary().domains()) {
      if (in.domains() == null || in.domains().contains(d)) {
        views.add(DomainView.of(in.summary(), d, in.from(), in.to(), in.readiness().get(d),
            in.triage(), in.organizations().of(d)));
      }
    }
    // A verdict for a domain without any report still gets its section.
    for (Map.Entry<String, Readiness> e : new java.util.TreeMap<>(in.readiness()).entrySet()) {
      if (!in.summary().domains().contains(e.getKey())) {
        views.add(DomainView.of(in.summary(), e.getKey(), in.from(), in.to(), e.getValue(),
            in.triage(), in.organizations().of(e.getKey())));
      }
    }
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(escape(CSP))
        .append("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"").append(safe(in.generator(), 200)).append("\">\n")
        .append("<title>").append(safe(in.title(), 200)).append("</title>\n<style>\n")
        .append(PageStyle.CSS).append("</style>\n</head>\n<body>\n");
    header();
    out.append("<main>\n");
    overview(views);
    for (int i = 0; i < views.size() && i < MAX_DOMAINS_CHARTED; i++) {
      domain(views.get(i), i);
    }
    if (views.size() > MAX_DOMAINS_CHARTED) {
      out.append("<p class=\"muted\">Charts and tables are shown for the first ")
          .append(MAX_DOMAINS_CHARTED).append(" domains only; give one domain to see another.</p>\n");
    }
    unreadable();
    out.append("</main>\n");
    footer();
    out.append("<script>").append(PageScript.TEXT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private void header() {
    long reports = in.summary().reportCount();
    out.append("<header>\n<h1>").append(safe(in.title(), 200)).append("</h1>\n<p class=\"muted\">")
        .append(Formats.count(reports)).append(reports == 1 ? " report" : " reports");
    if (in.summary().duplicateReports() > 0) {
      out.append(", ").append(Formats.count(in.summary().duplicateReports()))
          .append(" duplicates counted once");
    }
    out.append(", ").append(Formats.count(in.unreadable().size())).append(" unreadable");
    if (in.from() != null && in.to() != null) {
      out.append("; UTC days ").append(Formats.day(in.from())).append(" to ")
          .append(Formats.day(in.to()));
    }
    out.append(". Made ").append(Formats.instant(in.generatedAt())).append(" by ")
        .append(safe(in.generator(), 200)).append(".</p>\n");
    if (!in.notes().isEmpty()) {
      out.append("<ul class=\"notes\">\n");
      for (String n : in.notes()) {
        out.append("<li><bdi>").append(safe(n, REASON_CHARS)).append("</bdi></li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</header>\n");
  }

  private void overview(List<DomainView> views) {
    out.append("<section id=\"overview\">\n<h2>Policy domains</h2>\n");
    if (views.isEmpty()) {
      out.append("<p>No policy domain in the reports.</p>\n</section>\n");
      return;
    }
    boolean verdicts = !in.readiness().isEmpty();
    out.append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"summary\">\n<thead><tr>")
        .append("<th>Domain</th>");
    if (verdicts) {
      out.append("<th>Verdict</th>");
    }
    out.append("<th data-type=\"number\">First day</th><th data-type=\"number\">Last day</th>")
        .append("<th class=\"n\" data-type=\"number\">Days with reports</th>")
        .append("<th class=\"n\" data-type=\"number\">Days without</th>")
        .append("<th class=\"n\" data-type=\"number\">Reports</th>")
        .append("<th class=\"n\" data-type=\"number\">Successful sessions</th>")
        .append("<th class=\"n\" data-type=\"number\">Failed sessions</th>")
        .append("<th class=\"n\" data-type=\"number\">Success rate</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < views.size(); i++) {
      DomainView v = views.get(i);
      out.append("<tr><td data-sort=\"").append(safe(v.domain(), HtmlText.CELL_CHARS)).append("\">");
      if (i < MAX_DOMAINS_CHARTED) {
        out.append("<a href=\"#d").append(i).append("\">").append(domainName(v.domain())).append("</a>");
      } else {
        out.append(domainName(v.domain()));
      }
      out.append("</td>");
      if (verdicts) {
        Readiness r = v.readiness();
        out.append("<td>").append(r == null ? "<span class=\"muted\">not assessed</span>" : verdictText(r))
            .append("</td>");
      }
      int covered = v.days().size() - v.gaps().size();
      dayCell(v.days().isEmpty() ? null : v.days().get(0));
      dayCell(v.days().isEmpty() ? null : v.days().get(v.days().size() - 1));
      numCell(covered);
      numCell(v.gaps().size());
      numCell(v.reports());
      numCell(v.sessions().successful());
      numCell(v.sessions().failed());
      rateCell(v.sessions());
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n</section>\n");
  }

  private void domain(DomainView v, int index) {
    String id = "d" + index;
    out.append("<section class=\"domain\" id=\"").append(id).append("\" data-domain=\"")
        .append(safe(v.domain(), HtmlText.CELL_CHARS)).append("\">\n<h2>")
        .append(domainName(v.domain())).append("</h2>\n");
    Readiness r = v.readiness();
    if (r != null) {
      verdict(r);
    }
    out.append("<dl class=\"facts\">");
    if (!v.days().isEmpty()) {
      out.append("<dt>UTC days</dt><dd>").append(Formats.day(v.days().get(0))).append(" to ")
          .append(Formats.day(v.days().get(v.days().size() - 1))).append(" (")
          .append(Formats.count(v.days().size())).append(v.days().size() == 1 ? " day" : " days");
      if (!v.gaps().isEmpty()) {
        out.append(", ").append(Formats.count(v.gaps().size())).append(" without a report");
      }
      out.append(")</dd>");
    }
    out.append("<dt>Sessions</dt><dd>").append(Formats.count(v.sessions().successful()))
        .append(" successful, ").append(Formats.count(v.sessions().failed())).append(" failed");
    if (v.sessions().total() > 0) {
      out.append(" (").append(Formats.percent(v.sessions().successful(), v.sessions().total()))
          .append(" successful)");
    }
    out.append("</dd><dt>Reports</dt><dd>").append(Formats.count(v.reports())).append("</dd>");
    if (!v.gaps().isEmpty()) {
      out.append("<dt>No report for</dt><dd>").append(dayRanges(v.gaps())).append("</dd>");
    }
    out.append("</dl>\n");
    if (v.cutDays() > 0) {
      out.append("<p class=\"muted\">The charts show the last ").append(DomainView.MAX_DAYS)
          .append(" days; ").append(Formats.count(v.cutDays())).append(" earlier days are left out.</p>\n");
    }
    if (v.days().isEmpty()) {
      out.append("<p>No report for this domain.</p>\n</section>\n");
      return;
    }
    out.append("<div class=\"charts\">\n");
    sessionsChart(v, id);
    failuresChart(v, id);
    out.append("</div>\n<div class=\"tables\">\n");
    hosts(v.senders(), id + "-senders", "Sending MTAs by failed sessions", "Sending MTA IP");
    hosts(v.mxHosts(), id + "-mx", "Receiving MX hosts by failed sessions", "MX host");
    organizations(v, id + "-orgs");
    out.append("</div>\n</section>\n");
  }

  private void verdict(Readiness r) {
    String cls = switch (r.verdict()) {
      case READY -> "ready";
      case READY_WITH_WARNINGS -> "warnings";
      case NOT_READY -> "not-ready";
    };
    out.append("<div class=\"verdict ").append(cls).append("\" data-verdict=\"")
        .append(r.verdict().name()).append("\">\n<h3>").append(verdictText(r)).append("</h3>\n<p>")
        .append("Readiness window: ").append(Formats.day(r.windowStart())).append(" to ")
        .append(Formats.day(r.windowEnd())).append(" (UTC).</p>\n");
    reasons("Blocking", "blocking", r.blocking());
    reasons("Warnings", "warnings", r.warnings());
    out.append("</div>\n");
  }

  private void reasons(String title, String cls, List<Reason> reasons) {
    if (reasons.isEmpty()) {
      return;
    }
    out.append("<h4>").append(title).append(" (").append(reasons.size()).append(")</h4>\n<ul class=\"")
        .append(cls).append("\">\n");
    for (Reason reason : reasons) {
      out.append("<li><code>").append(escape(reason.code().id())).append("</code>: <bdi>")
          .append(safe(reason.message(), REASON_CHARS)).append("</bdi></li>\n");
    }
    out.append("</ul>\n");
  }

  private static String verdictText(Readiness r) {
    return switch (r.verdict()) {
      case READY -> "Ready to enforce";
      case READY_WITH_WARNINGS -> "Ready to enforce, with warnings";
      case NOT_READY -> "Not ready to enforce";
    };
  }

  private void sessionsChart(DomainView v, String id) {
    Map<LocalDate, Long> ok = new HashMap<>();
    Map<LocalDate, Long> failed = new HashMap<>();
    for (Map.Entry<LocalDate, SessionCounts> e : v.perDay().entrySet()) {
      ok.put(e.getKey(), e.getValue().successful());
      failed.put(e.getKey(), e.getValue().failed());
    }
    List<SvgChart.Series> series = List.of(
        new SvgChart.Series("Successful", Palette.BLUE, ok),
        new SvgChart.Series("Failed", Palette.VERMILLION, failed));
    figure(v, id + "-sessions", "sessions", "Sessions per UTC day", series, "sessions",
        "Successful sessions stacked under failed ones; grey days had no report.");
  }

  private void failuresChart(DomainView v, String id) {
    if (v.failuresByType().isEmpty()) {
      out.append("<figure data-chart=\"failures\" data-series=\"0\"><figcaption>Failed sessions per result type")
          .append("</figcaption><p>No failed session on these days.</p></figure>\n");
      return;
    }
    List<SvgChart.Series> series = new ArrayList<>();
    Map<LocalDate, Long> other = new HashMap<>();
    int i = 0;
    for (Map.Entry<String, Map<LocalDate, Long>> e : v.failuresByType().entrySet()) {
      if (i < MAX_TYPES_CHARTED || v.failuresByType().size() == MAX_TYPES_CHARTED + 1) {
        series.add(new SvgChart.Series(HtmlText.display(e.getKey(), HtmlText.LABEL_CHARS),
            Palette.SERIES.get(i), e.getValue()));
      } else {
        e.getValue().forEach((day, n) -> other.merge(day, n, Long::sum));
      }
      i++;
    }
    if (!other.isEmpty()) {
      series.add(new SvgChart.Series("other types", Palette.BLACK, other));
    }
    figure(v, id + "-failures", "failures", "Failed sessions per result type and UTC day", series,
        "failed sessions", "Per-policy figures: a session reported under both STS and TLSA counts"
            + " in both.");
  }

  private void figure(DomainView v, String id, String kind, String caption,
      List<SvgChart.Series> series, String yLabel, String note) {
    out.append("<figure id=\"").append(id).append("\" data-chart=\"").append(kind)
        .append("\" data-days=\"").append(v.days().size()).append("\" data-series=\"")
        .append(series.size()).append("\" data-gaps=\"").append(v.gaps().size()).append("\">\n")
        .append("<figcaption>").append(caption).append("</figcaption>\n<div class=\"wide\">")
        .append(SvgChart.draw(id + "-w", v.days(), v.gaps(), series, yLabel, SvgChart.Size.WIDE))
        .append("</div>\n<div class=\"narrow\">")
        .append(SvgChart.draw(id + "-n", v.days(), v.gaps(), series, yLabel, SvgChart.Size.NARROW))
        .append("</div>\n<p class=\"muted\">").append(note).append("</p>\n")
        .append("<details><summary>Figures</summary><div class=\"table-wrap\"><table class=\"figures\">")
        .append("<thead><tr><th>UTC day</th>");
    for (SvgChart.Series s : series) {
      out.append("<th class=\"n\"><bdi>").append(escape(s.name())).append("</bdi></th>");
    }
    out.append("</tr></thead><tbody>\n");
    for (LocalDate day : v.days()) {
      boolean gap = v.gaps().contains(day);
      out.append("<tr").append(gap ? " class=\"gap\"" : "").append("><td>").append(Formats.day(day))
          .append("</td>");
      for (SvgChart.Series s : series) {
        Long n = s.values().get(day);
        out.append("<td class=\"n\">").append(gap ? "no report" : Formats.count(n == null ? 0 : n))
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div></details>\n</figure>\n");
  }

  private void hosts(List<DomainView.HostFigure> hosts, String id, String caption, String what) {
    out.append("<div><h3>").append(caption).append("</h3>\n");
    if (hosts.isEmpty()) {
      out.append("<p>No failed session.</p></div>\n");
      return;
    }
    out.append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"").append(id)
        .append("\">\n<thead><tr><th>").append(what)
        .append("</th><th class=\"n\" data-type=\"number\">Failed sessions</th><th>Triage</th>")
        .append("<th>Result types</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < hosts.size() && i < MAX_ROWS; i++) {
      DomainView.HostFigure h = hosts.get(i);
      out.append("<tr><td>").append(hostName(h.host())).append("</td>");
      numCell(h.failed());
      // The sort key is the worst class's position in TriageClass, worst first, as the page lists them.
      @SuppressWarnings("EnumOrdinal")
      int worst = h.byTriage().keySet().iterator().next().ordinal();
      out.append("<td data-sort=\"").append(worst)
          .append("\">");
      for (Map.Entry<TriageClass, Long> t : h.byTriage().entrySet()) {
        out.append("<span class=\"badge t-").append(t.getKey().name().toLowerCase(Locale.ROOT))
            .append("\">").append(triageText(t.getKey()));
        if (h.byTriage().size() > 1) {
          out.append(" (").append(Formats.count(t.getValue())).append(')');
        }
        out.append("</span>");
      }
      out.append("</td><td>");
      List<String> types = h.resultTypes();
      for (int j = 0; j < types.size() && j < 5; j++) {
        out.append(j == 0 ? "" : ", ").append("<code><bdi>")
            .append(safe(types.get(j), HtmlText.LABEL_CHARS * 2)).append("</bdi></code>");
      }
      if (types.size() > 5) {
        out.append(" and ").append(types.size() - 5).append(" more");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table></div>\n");
    more(hosts.size());
    out.append("</div>\n");
  }

  private void organizations(DomainView v, String id) {
    out.append("<div><h3>Reporting organizations</h3>\n");
    List<OrganizationShare> orgs = v.organizations();
    if (orgs.isEmpty()) {
      out.append("<p class=\"muted\">Not known for these reports.</p></div>\n");
      return;
    }
    long sessions = 0;
    long reports = 0;
    for (OrganizationShare o : orgs) {
      sessions += o.sessions();
      reports += o.reports();
    }
    out.append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"").append(id)
        .append("\">\n<thead><tr><th>Organization</th><th class=\"n\" data-type=\"number\">Reports</th>")
        .append("<th class=\"n\" data-type=\"number\">Sessions</th>")
        .append("<th class=\"n\" data-type=\"number\">Share of sessions</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < orgs.size() && i < MAX_ROWS; i++) {
      OrganizationShare o = orgs.get(i);
      out.append("<tr><td><bdi>").append(HtmlText.breakable(o.organization(), HtmlText.CELL_CHARS))
          .append("</bdi></td>");
      numCell(o.reports());
      numCell(o.sessions());
      if (sessions > 0) {
        out.append("<td class=\"n\" data-sort=\"").append((double) o.sessions() / sessions)
            .append("\">").append(Formats.percent(o.sessions(), sessions)).append("</td>");
      } else {
        out.append("<td class=\"n\" data-sort=\"").append((double) o.reports() / reports)
            .append("\">").append(Formats.percent(o.reports(), reports)).append(" of reports</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n");
    more(orgs.size());
    out.append("</div>\n");
  }

  private void more(int size) {
    if (size > MAX_ROWS) {
      out.append("<p class=\"muted\">and ").append(Formats.count(size - MAX_ROWS))
          .append(" more not shown.</p>\n");
    }
  }

  private void unreadable() {
    List<UnreadableReport> list = in.unreadable();
    if (list.isEmpty()) {
      return;
    }
    out.append("<section id=\"unreadable\">\n<h2>Unreadable reports (").append(Formats.count(list.size()))
        .append(")</h2>\n<p>These files were not counted.</p>\n<div class=\"table-wrap\"><table class=\"sortable\">\n")
        .append("<thead><tr><th>Report</th><th>Reason</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < list.size() && i < MAX_UNREADABLE; i++) {
      UnreadableReport u = list.get(i);
      out.append("<tr><td><bdi>").append(HtmlText.breakable(u.source(), HtmlText.CELL_CHARS))
          .append("</bdi></td><td><bdi>").append(HtmlText.breakable(u.reason(), REASON_CHARS))
          .append("</bdi></td></tr>\n");
    }
    out.append("</tbody></table></div>\n");
    if (list.size() > MAX_UNREADABLE) {
      out.append("<p class=\"muted\">and ").append(Formats.count(list.size() - MAX_UNREADABLE))
          .append(" more not shown.</p>\n");
    }
    out.append("</section>\n");
  }

  private void footer() {
    out.append("<footer>\n<p>Figures from TLS-RPT reports (RFC 8460): each report counts on the UTC")
        .append(" day its date range starts; a report received twice counts once. Triage classes")
        .append(" follow the deployment playbook. Colours: the Okabe&ndash;Ito palette, readable")
        .append(" with common colour-vision deficiencies; every colour also has a text label.</p>\n")
        .append("<p>This page is self-contained: it loads nothing from the network and sets no")
        .append(" cookie. Sorting the tables is the only part that needs JavaScript.</p>\n</footer>\n");
  }

  private void numCell(long n) {
    out.append("<td class=\"n\" data-sort=\"").append(n).append("\">").append(Formats.count(n))
        .append("</td>");
  }

  private void rateCell(SessionCounts s) {
    if (s.total() == 0) {
      out.append("<td class=\"n\" data-sort=\"-1\">&ndash;</td>");
    } else {
      out.append("<td class=\"n\" data-sort=\"").append((double) s.successful() / s.total())
          .append("\">").append(Formats.percent(s.successful(), s.total())).append("</td>");
    }
  }

  private void dayCell(@org.jspecify.annotations.Nullable LocalDate day) {
    if (day == null) {
      out.append("<td data-sort=\"0\">&ndash;</td>");
    } else {
      out.append("<td data-sort=\"").append(day.toEpochDay()).append("\">")
          .append(Formats.day(day)).append("</td>");
    }
  }

  private static String domainName(String domain) {
    return domain.isEmpty() ? "(no policy domain)"
        : "<bdi>" + HtmlText.breakable(domain, HtmlText.CELL_CHARS) + "</bdi>";
  }

  private static String hostName(String host) {
    return host.isEmpty() ? "<span class=\"muted\">(not reported)</span>"
        : "<bdi>" + HtmlText.breakable(host, HtmlText.CELL_CHARS) + "</bdi>";
  }

  static String triageText(TriageClass t) {
    return switch (t) {
      case FIX_OUR_SIDE -> "fix on our side";
      case FIX_POLICY_HOSTING -> "fix the policy hosting";
      case FIX_WITH_SENDER -> "fix with that sender";
      case USUALLY_SAFE_TO_IGNORE -> "usually safe to ignore";
      case INVESTIGATE -> "investigate";
    };
  }

  /** Returns "1 Dec 2026, 3 Dec 2026 to 5 Dec 2026": runs of consecutive days. */
  private static String dayRanges(java.util.SortedSet<LocalDate> days) {
    List<String> parts = new ArrayList<>();
    LocalDate start = null;
    LocalDate prev = null;
    for (LocalDate d : new TreeSet<>(days)) {
      if (prev != null && d.equals(prev.plusDays(1))) {
        prev = d;
        continue;
      }
      if (start != null && prev != null) {
        parts.add(range(start, prev));
      }
      start = d;
      prev = d;
    }
    if (start != null && prev != null) {
      parts.add(range(start, prev));
    }
    return String.join(", ", parts);
  }

  private static String range(LocalDate a, LocalDate b) {
    return a.equals(b) ? Formats.day(a) : Formats.day(a) + " to " + Formats.day(b);
  }
}
