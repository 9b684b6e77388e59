package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 items 3 and 5, issue 13 items 2, 3, 5 and 9, through {@code report summarize}. */
final class ReportSummarizeEvidenceTest {
  private static final long MAX = (1L << 53) - 1;

  @TempDir Path dir;

  private static String policy(String domain, long ok, long failed, String details) {
    return "{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\",\"mode: testing\","
        + "\"mx: mx." + domain + "\",\"max_age: 86400\"],\"policy-domain\":\"" + domain + "\","
        + "\"mx-host\":[\"mx." + domain + "\"]},\"summary\":{\"total-successful-session-count\":" + ok
        + ",\"total-failure-session-count\":" + failed + "}" + details + "}";
  }

  private Path report(String file, String id, String start, String end, String... policies)
      throws IOException {
    Path p = dir.resolve(file);
    Files.writeString(p, "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":\"" + start
        + "\",\"end-datetime\":\"" + end + "\"},\"contact-info\":\"r@example.org\",\"report-id\":\"" + id
        + "\",\"policies\":[" + String.join(",", policies) + "]}");
    return p;
  }

  @Test
  void failedSessionsWithoutDetailsAreNeverPrintedAsNoFailures() throws IOException {
    report("a.json", "1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z", policy("example.com", 898, 102, ""));
    Cli.Result r = Cli.exec("report", "summarize", dir.toString());
    assertTrue(r.out().contains("sessions: 898 successful, 102 failed"), r::toString);
    assertFalse(r.out().contains("no failures"), r::toString);
    assertTrue(r.out().contains("failures without details: 102 sessions, investigate"), r::toString);
    Json group = Json.parse(Cli.exec("report", "summarize", "--json", dir.toString()).out())
        .objects("domains").get(0).objects("failureGroups").get(0);
    assertEquals("failures-without-details", group.get("resultType"));
    assertEquals("INVESTIGATE", group.get("triage"));
    assertEquals(102L, group.get("sessions"));
  }

  @Test
  void weeklyReportCountsForSinceInsideItsPeriodAsAnEstimate() throws IOException {
    report("w.json", "w", "2026-11-09T00:00:00Z", "2026-11-19T23:59:59Z", policy("example.com", 77, 0, ""));
    Cli.Result r = Cli.exec("report", "summarize", "--since", "2026-11-10", dir.toString());
    assertEquals(0, r.status(), r::toString);
    assertFalse(r.out().contains("outside --since"), r::toString);
    assertTrue(r.out().contains("sessions: 70 successful, 0 failed"), r::toString);
    assertTrue(r.out().contains("estimated: 10 days with sessions of reports covering several days"), r::toString);
    Json day = Json.parse(Cli.exec("report", "summarize", "--json", dir.toString()).out())
        .objects("domains").get(0).objects("days").get(0);
    assertEquals("2026-11-09", day.get("day"));
    assertEquals(7L, day.get("successfulSessions"));
    assertEquals(true, day.get("estimated"));
  }

  @Test
  void sessionSumsNeverPrintANegativeCount() throws IOException {
    List<String> details = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      details.add("{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.2." + (i % 250)
          + "\",\"receiving-mx-hostname\":\"mx.example.com\",\"failed-session-count\":" + MAX + "}");
    }
    report("big.json", "1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z",
        policy("example.com", 0, MAX, ",\"failure-details\":[" + String.join(",", details) + "]"));
    Cli.Result text = Cli.exec("report", "summarize", dir.toString());
    assertTrue(text.out().contains("certificate-expired: " + MAX + " sessions"), text::toString);
    assertFalse(text.out().contains(": -"), text::toString);
    assertTrue(text.out().contains("failure-details-above-total"), text::toString);
    Cli.Result json = Cli.exec("report", "summarize", "--json", dir.toString());
    assertFalse(json.out().matches("(?s).*: -\\d.*"), json::toString);
    assertEquals(MAX, Json.parse(json.out()).objects("domains").get(0).objects("failures").get(0).get("sessions"));
  }

  @Test
  void yearsZeroAndNineThousandNineHundredNinetyNineAreSetAsideSmallAndFast() throws IOException {
    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(policy("y" + i + ".example", 5, 0, ""));
    }
    report("old.json", "old", "0000-01-01T00:00:00Z", "0000-01-01T23:59:59Z", twenty.toArray(String[]::new));
    report("new.json", "new", "9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z", twenty.toArray(String[]::new));
    Cli.Result r = Cli.exec("report", "summarize", "--json", dir.toString());
    assertEquals(2L, Json.parse(r.out()).get("setAside"), r::toString);
    assertTrue(r.out().length() < 4_000, "output of " + r.out().length() + " chars");
    Cli.Result text = Cli.exec("report", "summarize", dir.toString());
    assertTrue(text.out().contains("2 set aside"), text::toString);
    assertTrue(text.out().contains("report-too-old"), text::toString);
    assertTrue(text.out().contains("report-in-future"), text::toString);
  }

  @Test
  void sameReportIdWithOtherContentIsAConflictNamingBothFiles() throws IOException {
    report("real.json", "id-1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z", policy("example.com", 100, 0, ""));
    report("shadow.json", "id-1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z", policy("example.com", 0, 100, ""));
    report("other.json", "id-2", "2026-11-21T00:00:00Z", "2026-11-21T23:59:59Z", policy("example.com", 5, 0, ""));
    Cli.Result r = Cli.exec("report", "summarize", dir.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("0 duplicates, 1 conflicting"), r::toString);
    assertTrue(r.out().contains("Conflicting report-ids (1)"), r::toString);
    assertTrue(r.out().contains("real.json and "), r::toString);
    assertTrue(r.out().contains("shadow.json"), r::toString);
    // Neither figure counts.
    assertTrue(r.out().contains("sessions: 5 successful, 0 failed"), r::toString);
    Json c = Json.parse(Cli.exec("report", "summarize", "--json", dir.toString()).out()).objects("conflicts").get(0);
    assertEquals("id-1", c.get("reportId"));
    assertTrue(((String) c.get("firstFile")).endsWith("real.json"), c::toString);
    assertTrue(((String) c.get("secondFile")).endsWith("shadow.json"), c::toString);
  }

  @Test
  void sameReportIdWithSameContentStaysAPlainDuplicate() throws IOException {
    report("a.json", "id-1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z", policy("example.com", 100, 0, ""));
    report("b.json", "id-1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z", policy("example.com", 100, 0, ""));
    Cli.Result r = Cli.exec("report", "summarize", dir.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("1 duplicate."), r::toString);
    assertTrue(r.out().contains("sessions: 100 successful"), r::toString);
  }

  @Test
  void maxDomainsStopsWithAClearMessage() throws IOException {
    report("a.json", "1", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z",
        policy("a.example", 1, 0, ""), policy("b.example", 1, 0, ""), policy("c.example", 1, 0, ""));
    Cli.Result r = Cli.exec("report", "summarize", "--max-domains", "2", dir.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains("more than 2 policy domains (--max-domains 2)"), r::toString);
    assertEquals(0, Cli.exec("report", "summarize", "--max-domains", "3", dir.toString()).status());
    assertEquals(2, Cli.exec("report", "summarize", "--max-domains", "0", dir.toString()).status());
  }
}
