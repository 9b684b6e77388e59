package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

final class HtmlReportExamplesTest {
  private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

  static String examplePage(String domain) {
    Fixtures.Loaded l = Fixtures.load(Fixtures.examples().resolve(domain).resolve("reports"));
    return HtmlReport.newBuilder(l.summary())
        .title("TLS-RPT report: " + domain)
        .generatedAt(AT)
        .organizations(l.organizations())
        .unreadable(l.unreadable())
        .build()
        .render();
  }

  @Test
  void exampleNetShowsItsGapItsFailuresAndItsUnreadableReport() throws Exception {
    String html = examplePage("example.net");
    Path out = Path.of("target", "html", "example.net.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    Document doc = PageChecks.check(html);
    Element section = doc.selectFirst("section.domain[data-domain=example.net]");
    assertNotNull(section);
    Element sessions = section.selectFirst("figure[data-chart=sessions]");
    assertNotNull(sessions);
    // 2026-10-19 to 2026-11-01 (14 days); no report covers 2026-10-23.
    assertEquals("14", sessions.attr("data-days"));
    assertEquals("2", sessions.attr("data-series"));
    assertEquals("1", sessions.attr("data-gaps"));
    assertEquals(2, sessions.select("svg").size(), "a wide and a narrow drawing");
    assertTrue(section.text().contains("Fri 23 Oct 2026"), section.text());
    Element mx = section.selectFirst("table#d0-mx");
    assertNotNull(mx);
    assertEquals("mx2.example.net", mx.selectFirst("tbody tr td").text());
    assertTrue(mx.text().contains("fix on our side"), mx.text());
    assertFalse(doc.select("section#unreadable tbody tr").isEmpty(), "the truncated report is listed");
  }

  @Test
  void exampleComIsSelfContainedToo() throws Exception {
    Document doc = PageChecks.check(examplePage("example.com"));
    assertEquals("14", doc.selectFirst("figure[data-chart=sessions]").attr("data-days"));
    assertEquals("0", doc.selectFirst("figure[data-chart=sessions]").attr("data-gaps"));
  }

  @Test
  void theCorpusMakesASelfContainedPage() throws Exception {
    Fixtures.Loaded l = Fixtures.load(Fixtures.corpusTlsrpt());
    String html = HtmlReport.newBuilder(l.summary()).generatedAt(AT).organizations(l.organizations())
        .unreadable(l.unreadable()).build().render();
    Path out = Path.of("target", "html", "corpus.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    Document doc = PageChecks.check(html);
    assertEquals(Math.min(l.summary().domains().size(), 50), doc.select("section.domain").size());
    for (Element fig : doc.select("figure[data-chart=sessions]")) {
      int days = Integer.parseInt(fig.attr("data-days"));
      assertTrue(days >= 1 && days <= 400, "bounded axis: " + days);
      assertEquals(days, fig.select("details tbody tr").size());
    }
  }
}
