package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportCommandTest {
  @TempDir static Path examples;

  @TempDir Path dir;

  @BeforeAll
  static void generateExamples() throws IOException {
    ExampleGenerator.generate(examples);
  }

  private static String reports(String domain) {
    return examples.resolve(domain).resolve("reports").toString();
  }

  @Test
  void summarizesAFolderOfCleanReports() {
    Cli.Result r = Cli.exec("report", "summarize", reports("example.com"));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("Read 42 reports from 42 files: 0 unreadable, 0 duplicates."), r::toString);
    assertTrue(r.out().contains("example.com  2026-10-19 to 2026-11-01, 14 days with reports"), r::toString);
    assertTrue(r.out().contains("validation-failure: 2 sessions, usually safe to ignore"), r::toString);
    assertTrue(r.out().contains("senders:  10.20.30.40 (2)"), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void listsAnUnreadableReportWithItsReasonAndGoesOn() {
    Cli.Result r = Cli.exec("report", "summarize", reports("example.net"));
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("Read 38 reports from 39 files: 1 unreadable"), r::toString);
    assertTrue(r.out().contains("Unreadable (1):"), r::toString);
    assertTrue(r.out().contains("mailer.example.org!example.net!"), r::toString);
    assertTrue(r.out().contains(": malformed-json at $."), r::toString);
    assertTrue(r.out().contains("certificate-host-mismatch: 189 sessions, fix on our side"), r::toString);
    assertTrue(r.out().contains("MX hosts: mx2.example.net (189)"), r::toString);
    assertTrue(r.out().contains("  no report for: 2026-10-23 (1 day)\n"), r::toString);
  }

  @Test
  void jsonHasTheContractedMembers() {
    Cli.Result r = Cli.exec("report", "summarize", "--json", examples.toString());
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(80L, json.get("reports"));
    assertEquals(1L, json.get("unreadable"));
    List<Json> domains = json.objects("domains");
    assertEquals(List.of("example.com", "example.net"),
        domains.stream().map(d -> d.get("policyDomain")).toList());
    Json net = domains.get(1);
    assertEquals(189L, net.get("failedSessions"));
    Json gap = net.objects("missingDays").get(0);
    assertEquals(1, net.objects("missingDays").size(), net::toString);
    assertEquals("2026-10-23", gap.get("first"));
    assertEquals("2026-10-23", gap.get("last"));
    assertEquals(1L, gap.get("days"));
    assertTrue((Long) net.get("successfulSessions") > 10_000, net::toString);
    Json failure = net.objects("failures").get(0);
    assertEquals("certificate-host-mismatch", failure.get("resultType"));
    assertEquals(189L, failure.get("sessions"));
    assertEquals("FIX_OUR_SIDE", net.objects("failureGroups").get(0).get("triage"));
    assertEquals(1, json.objects("unreadableFiles").size());
  }

  @Test
  void filtersByDomainAndDate() {
    Cli.Result r = Cli.exec("report", "summarize", "--json", "--domain", "EXAMPLE.NET",
        "--since", "2026-10-19", "--until", "2026-10-27", examples.toString());
    Json json = Json.parse(r.out());
    List<Json> domains = json.objects("domains");
    assertEquals(1, domains.size(), r::toString);
    assertEquals(0L, domains.get(0).get("failedSessions"), r::toString);
    assertEquals("2026-10-27", domains.get(0).get("lastDay"), r::toString);
    assertTrue((Long) json.get("outsideFilter") > 0, r::toString);
  }

  @Test
  void theSameReportReceivedTwiceCountsOnce() {
    Cli.Result once = Cli.exec("report", "summarize", "--json", reports("example.com"));
    Cli.Result twice = Cli.exec("report", "summarize", "--json", reports("example.com"), reports("example.com"));
    assertEquals(0, twice.status(), twice::toString);
    Json json = Json.parse(twice.out());
    assertEquals(84L, json.get("reports"));
    assertEquals(42L, json.get("duplicates"));
    assertEquals(Json.parse(once.out()).objects("domains").get(0).get("successfulSessions"),
        json.objects("domains").get(0).get("successfulSessions"));
  }

  @Test
  void readsOneReportFromStandardInput() throws IOException {
    Path gz;
    try (Stream<Path> files = Files.list(Path.of(reports("example.com")))) {
      gz = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".gz"))
          .sorted().findFirst().orElseThrow();
    }
    Cli.Result r = new Cli().stdin(Files.readString(gz)).run("report", "summarize", "-");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("Read 1 report from 1 file"), r::toString);
  }

  @Test
  void garbageOnStandardInputIsUnreadable() {
    Cli.Result r = new Cli().stdin("{\"organization-name\": ").run("report", "summarize", "--json", "-");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(0L, json.get("reports"));
    assertEquals("<stdin>", json.objects("unreadableFiles").get(0).get("file"));
  }

  @Test
  void aFolderWithoutReportsIsNegative() {
    Cli.Result r = Cli.exec("report", "summarize", dir.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("No policy domain found in the reports."), r::toString);
  }

  @Test
  void aMissingPathIsExitTwo() {
    Cli.Result r = Cli.exec("report", "summarize", dir.resolve("nope").toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals("mtasts: cannot open " + dir.resolve("nope") + ": no such file or folder\n", r.err());
  }

  @Test
  void untilBeforeSinceIsAUsageError() {
    Cli.Result r = Cli.exec("report", "summarize", "--since", "2026-10-20", "--until", "2026-10-19", dir.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: --until 2026-10-19 is before --since 2026-10-20"), r::toString);
  }

  @Test
  void drawsAProgressBarOnlyWhenStderrIsATerminalAndThereAreManyFiles() {
    Cli.Result piped = new Cli().terminal(false).run("report", "summarize", examples.toString());
    assertEquals("", piped.err(), piped::toString);
    Cli.Result terminal = new Cli().terminal(true).run("report", "summarize", examples.toString());
    assertTrue(terminal.err().contains("\rreading reports ["), terminal::toString);
    assertTrue(terminal.err().contains("] 81/81"), terminal::toString);
    assertEquals(piped.out(), terminal.out());
    Cli.Result few = new Cli().terminal(true).run("report", "summarize", reports("example.com") + "/..", dir.toString());
    assertFalse(few.err().contains("reading reports"), few::toString);
  }
}
