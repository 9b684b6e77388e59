package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TriageClass;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

final class HtmlReportTest {
  private static final Instant AT = Instant.parse("2026-11-10T12:00:00Z");

  private static Fixtures.Loaded twoDomains() {
    return Fixtures.reports(
        Fixtures.report("Org A", "a1", "2026-11-01", "example.com", 100, 4, "certificate-expired",
            "192.0.2.1", "mx1.example.com"),
        Fixtures.report("Org A", "a2", "2026-11-03", "example.com", 80, 0, "", "", ""),
        Fixtures.report("Org B", "b1", "2026-11-02", "example.org", 7, 1, "starttls-not-supported",
            "198.51.100.7", "mx.example.org"));
  }

  @Test
  void theVerdictComesFirstWithItsBlockingReasonsAndWarnings() throws Exception {
    Fixtures.Loaded l = twoDomains();
    Readiness r = Readiness.of(
        List.of(new Reason.MissingDays(List.of(LocalDate.of(2026, 11, 2))),
            new Reason.General(Reason.Code.NO_STS_SESSIONS, "no <b>STS</b> session")),
        List.of(new Reason.General(Reason.Code.SHORT_MAX_AGE, "max_age is short")),
        LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 3));
    String html = HtmlReport.newBuilder(l.summary()).generatedAt(AT).readiness("Example.com", r)
        .days(r.windowStart(), r.windowEnd()).build().render();
    Document doc = PageChecks.check(html);
    Element section = doc.selectFirst("section[data-domain=example.com]");
    assertNotNull(section);
    Element verdict = section.selectFirst(".verdict");
    assertNotNull(verdict);
    assertEquals("NOT_READY", verdict.attr("data-verdict"));
    assertTrue(verdict.text().startsWith("Not ready to enforce"), verdict.text());
    assertEquals(2, verdict.select("ul.blocking li").size());
    assertTrue(verdict.selectFirst("ul.blocking li").text().startsWith("report-days-missing: "));
    assertTrue(verdict.text().contains("no <b>STS</b> session"), "reason messages are text");
    assertEquals(1, verdict.select("ul.warnings li").size());
    assertTrue(section.child(1) == verdict, "the verdict is right under the domain's heading");
    // The window 28 Oct to 3 Nov is the axis: 7 days, reports on 1 and 3 Nov only.
    Element sessions = section.selectFirst("figure[data-chart=sessions]");
    assertEquals("7", sessions.attr("data-days"));
    assertEquals("5", sessions.attr("data-gaps"));
    assertEquals("Not ready to enforce", doc.selectFirst("table#summary tbody tr td:nth-child(2)").text());
    assertEquals("not assessed", doc.select("table#summary tbody tr").get(1).child(1).text());
  }

  @Test
  void theSummaryTableHasOneSortableRowPerDomainAboveTheCharts() throws Exception {
    Fixtures.Loaded l = twoDomains();
    Document doc = PageChecks.check(HtmlReport.newBuilder(l.summary()).generatedAt(AT)
        .organizations(l.organizations()).build().render());
    Element table = doc.selectFirst("table#summary");
    assertNotNull(table);
    assertTrue(table.hasClass("sortable"));
    assertEquals(2, table.select("tbody tr").size());
    Element first = table.selectFirst("tbody tr");
    assertEquals("example.com", first.child(0).text());
    assertEquals("Sun 1 Nov 2026", first.child(1).text());
    assertEquals(String.valueOf(LocalDate.of(2026, 11, 1).toEpochDay()), first.child(1).attr("data-sort"));
    assertEquals("180", first.child(6).attr("data-sort"), "successful sessions");
    assertEquals("4", first.child(7).attr("data-sort"), "failed sessions");
    assertEquals("97.8%", first.child(8).text());
    assertNull(doc.selectFirst("#d0 .verdict"), "no verdict section without a verdict");
    assertTrue(table.elementSiblingIndex() < doc.selectFirst("figure").elementSiblingIndex()
        || doc.selectFirst("section#overview").elementSiblingIndex()
            < doc.selectFirst("section.domain").elementSiblingIndex());
    for (Element th : table.select("thead th.n")) {
      assertEquals("number", th.attr("data-type"), th.text());
    }
  }

  @Test
  void theHostTablesCarryTheTriageClass() throws Exception {
    Fixtures.Loaded l = twoDomains();
    Document doc = PageChecks.check(HtmlReport.newBuilder(l.summary()).generatedAt(AT).build().render());
    Element mx = doc.selectFirst("table#d0-mx tbody tr");
    assertEquals("mx1.example.com", mx.child(0).text());
    assertEquals("4", mx.child(1).attr("data-sort"));
    assertNotNull(mx.selectFirst(".badge.t-" + TriageClass.FIX_OUR_SIDE.name().toLowerCase(java.util.Locale.ROOT)));
    Element sender = doc.selectFirst("table#d1-senders tbody tr");
    assertEquals("198.51.100.7", sender.child(0).text());
    // starttls-not-supported from a single sender: investigate, never "safe to ignore" (issue 12).
    assertEquals("investigate", sender.child(2).text());
    assertEquals("Not known for these reports.", doc.selectFirst("#d0 .tables > div:nth-child(3) p").text());
  }

  @Test
  void domainsCanBeLeftOutAndAnEmptySummaryStillMakesAPage() throws Exception {
    Fixtures.Loaded l = twoDomains();
    Document one = PageChecks.check(HtmlReport.newBuilder(l.summary()).generatedAt(AT)
        .domains(List.of("EXAMPLE.ORG")).build().render());
    assertEquals(1, one.select("section.domain").size());
    assertEquals("example.org", one.selectFirst("section.domain").attr("data-domain"));
    Document none = PageChecks.check(HtmlReport.newBuilder(ReportSummary.empty()).generatedAt(AT)
        .build().render());
    assertTrue(none.text().contains("No policy domain in the reports."));
    assertTrue(none.select("svg").isEmpty());
  }

  @Test
  void failuresPerResultTypeHaveOneSeriesPerType() throws Exception {
    Fixtures.Loaded l = Fixtures.reports(
        Fixtures.report("A", "1", "2026-11-01", "example.com", 1, 2, "certificate-expired", "192.0.2.1", "mx1.example.com"),
        Fixtures.report("A", "2", "2026-11-02", "example.com", 1, 3, "sts-policy-fetch-error", "192.0.2.1", "mx1.example.com"),
        Fixtures.report("A", "3", "2026-11-02", "example.com", 1, 1, "validation-failure", "192.0.2.2", "mx1.example.com"));
    Document doc = PageChecks.check(HtmlReport.newBuilder(l.summary()).generatedAt(AT).build().render());
    Element f = doc.selectFirst("figure[data-chart=failures]");
    assertEquals("3", f.attr("data-series"));
    assertEquals("2", f.attr("data-days"));
    // The largest type first in the figures table.
    assertEquals("sts-policy-fetch-error", f.select("details thead th").get(1).text());
  }

  @Test
  void pageIsTheSameBytesForTheSameInput() throws Exception {
    Fixtures.Loaded l = twoDomains();
    HtmlReport page = HtmlReport.newBuilder(l.summary()).generatedAt(AT).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.writeTo(out);
    assertEquals(page.render(), out.toString(StandardCharsets.UTF_8));
    assertEquals(page.render(), HtmlReport.newBuilder(l.summary()).generatedAt(AT).build().render());
  }

  @Test
  void builderRejectsABackwardWindow() {
    HtmlReport.Builder b = HtmlReport.newBuilder(ReportSummary.empty());
    assertThrows(IllegalArgumentException.class,
        () -> b.days(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)));
    assertFalse(b.build().toString().isEmpty());
  }
}
