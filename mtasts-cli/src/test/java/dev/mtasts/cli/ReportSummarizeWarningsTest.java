package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 6: the tolerated deviations can be listed, in text and in {@code --json}; and the
 * {@code --domain} argument is normalised (issue 14).
 */
final class ReportSummarizeWarningsTest {
  @TempDir Path dir;

  // contact-info null and a date-time without offset: two deviations the lenient reader tolerates.
  private Path sloppyReport() throws IOException {
    Path p = dir.resolve("sloppy.json");
    Files.writeString(p, "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":"
        + "\"2026-11-20T00:00:00\",\"end-datetime\":\"2026-11-20T23:59:59Z\"},\"contact-info\":null,"
        + "\"report-id\":\"w-1\",\"policies\":[{\"policy\":{\"policy-type\":\"no-policy-found\","
        + "\"policy-domain\":\"example.com\"},\"summary\":{\"total-successful-session-count\":5,"
        + "\"total-failure-session-count\":0}}]}");
    return p;
  }

  @Test
  void deviationsAreListedWithFileJsonPathAndCodeOnlyWhenAskedFor() throws IOException {
    Path report = sloppyReport();
    Cli.Result plain = Cli.exec("report", "summarize", report.toString());
    assertEquals(0, plain.status(), plain::toString);
    assertFalse(plain.out().contains("Tolerated deviations ("), plain::toString);

    Cli.Result listed = Cli.exec("report", "summarize", "--warnings", report.toString());
    assertEquals(0, listed.status(), listed::toString);
    assertTrue(listed.out().contains("Tolerated deviations (2):"), listed::toString);
    assertTrue(listed.out().contains("sloppy.json: ") && listed.out().contains(" at $.contact-info: "),
        listed::toString);
    assertTrue(listed.out().contains("sloppy.json: date-time-without-offset at $.date-range.start-datetime: "),
        listed::toString);
  }

  @Test
  void deviationsAreAJsonListWithFileJsonPathAndCode() throws IOException {
    Path report = sloppyReport();
    Cli.Result r = Cli.exec("report", "summarize", "--json", "--warnings", report.toString());
    assertEquals(0, r.status(), r::toString);
    List<Json> deviations = Json.parse(r.out()).objects("deviations");
    assertEquals(2, deviations.size(), r::toString);
    for (Json d : deviations) {
      assertTrue(d.get("file").toString().endsWith("sloppy.json"), r::toString);
      assertTrue(d.get("jsonPath").toString().startsWith("$."), r::toString);
      assertFalse(d.get("code").toString().isEmpty(), r::toString);
      assertFalse(d.get("message").toString().isEmpty(), r::toString);
    }
  }

  // Issue 14: --domain example.com. (trailing dot, upper case, blanks) found nothing.
  @Test
  void domainArgumentIsNormalisedAsTheSummaryNormalisesKeys() throws IOException {
    Path report = sloppyReport();
    Cli.Result r = Cli.exec("report", "summarize", "--json", "--domain", " EXAMPLE.com. ",
        report.toString());
    assertEquals(0, r.status(), r::toString);
    List<Json> domains = Json.parse(r.out()).objects("domains");
    assertEquals(1, domains.size(), r::toString);
    assertEquals("example.com", domains.get(0).get("policyDomain"), r::toString);
  }
}
