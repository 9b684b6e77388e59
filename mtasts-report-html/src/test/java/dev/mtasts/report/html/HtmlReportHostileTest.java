package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Report content is attacker-controlled: it is shown as text and never runs. */
final class HtmlReportHostileTest {
  static final String SCRIPT_ORG = "<script>alert(1)</script>";
  static final String IMG_HOST = "\"><img src=x onerror=window.__xss=1>";
  static final String SVG_TYPE = "<svg onload=window.__xss=1>";
  static final String QUOTE_MX = "mx'\"><script>window.__xss=1</script>.example.com";
  static final String RLO_ORG = "Evil \u202Emoc.elgoog\u202C Corp";
  static final String HUGE = "A".repeat(1_000_000);

  /** The hostile page, also loaded by the browser test. */
  static String hostilePage() {
    Fixtures.Loaded l = Fixtures.reports(
        Fixtures.report(SCRIPT_ORG, "r1", "2026-11-01", "example.com", 100, 5,
            "certificate-expired", IMG_HOST, QUOTE_MX),
        Fixtures.report(RLO_ORG, "r2", "2026-11-02", "example.com", 50, 7, SVG_TYPE,
            "192.0.2.1", "mx1.example.com"),
        Fixtures.report(HUGE, "r3", "2026-11-04", "example.com", 10, 3, "validation-failure",
            HUGE, "mx1.example.com"));
    return HtmlReport.newBuilder(l.summary())
        .title("Hostile <b>title</b>")
        .generatedAt(Instant.parse("2026-11-05T00:00:00Z"))
        .organizations(l.organizations())
        .unreadable(List.of(new UnreadableReport(IMG_HOST + ".json", SCRIPT_ORG + " " + HUGE)))
        .notes(List.of(SVG_TYPE))
        .build()
        .render();
  }

  @Test
  void hostileStringsAreTextNotMarkup() throws Exception {
    String html = hostilePage();
    write(html);
    Document doc = PageChecks.check(html);
    Element orgs = doc.selectFirst("table#d0-orgs");
    assertNotNull(orgs);
    assertTrue(orgs.text().contains(SCRIPT_ORG), orgs.text());
    Element senders = doc.selectFirst("table#d0-senders");
    assertNotNull(senders);
    assertTrue(senders.text().contains(IMG_HOST), senders.text());
    assertTrue(doc.selectFirst("table#d0-mx").text().contains(QUOTE_MX));
    assertTrue(doc.selectFirst("figure[data-chart=failures] details").text().contains(SVG_TYPE));
    assertEquals("Hostile <b>title</b>", doc.title());
    assertTrue(doc.select("b").isEmpty());
  }

  @Test
  void chartLabelsFromReportsAreEscapedInsideTheSvg() throws Exception {
    Document doc = PageChecks.check(hostilePage());
    Element failures = doc.selectFirst("figure[data-chart=failures] .wide svg");
    assertNotNull(failures);
    assertTrue(failures.text().contains(SVG_TYPE), "the legend shows the result type as text");
    assertEquals(2, doc.select("svg").size() - doc.select("svg svg").size() - 2,
        "no svg element besides the four drawings");
  }

  @Test
  void rightToLeftOverridesAreShownNotApplied() throws Exception {
    String html = hostilePage();
    assertFalse(html.contains("\u202E"), "no raw RIGHT-TO-LEFT OVERRIDE in the page");
    Document doc = PageChecks.check(html);
    String text = doc.selectFirst("table#d0-orgs").text();
    assertTrue(text.contains("Evil <U+202E>moc.elgoog<U+202C> Corp"), text);
    for (Element td : doc.select("table#d0-orgs tbody td:first-child")) {
      assertNotNull(td.selectFirst("bdi"), "untrusted text is isolated in <bdi>");
    }
  }

  @Test
  void aMegabyteStringIsCutVisiblyAndThePageStaysSmall() throws Exception {
    String html = hostilePage();
    assertTrue(html.length() < 400_000, "page of " + html.length() + " characters");
    Document doc = PageChecks.check(html);
    String orgs = doc.selectFirst("table#d0-orgs").text();
    assertTrue(orgs.contains("A".repeat(256) + "\u2026 (999,744 more characters)"), "cut with a count");
    assertFalse(orgs.contains("A".repeat(257)));
    String unreadable = doc.selectFirst("section#unreadable").text();
    assertTrue(unreadable.contains("more characters)"), "the reason is cut too");
  }

  private static void write(String html) throws IOException {
    Path out = Path.of("target", "html", "hostile.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
  }
}
