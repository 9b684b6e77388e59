package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReadinessCommandTest {
  @TempDir Path examples;

  private String ready;
  private String notReady;

  @BeforeEach
  void generateExamples() throws IOException {
    ExampleGenerator.generate(examples);
    ready = examples.resolve("example.com").toString();
    notReady = examples.resolve("example.net").toString();
  }

  @Test
  void theReadyExampleIsReadyWithAWarning() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.com: READY to enforce, with warnings\n"), r::toString);
    assertTrue(r.out().contains("  as of:   2026-11-02 00:00:00 UTC (--as-of 2026-11-01: the end of that UTC day)\n"), r::toString);
    assertTrue(r.out().contains("window:  2026-10-19 to 2026-11-01 (14 UTC days; 14 with sessions, 10 needed)"), r::toString);
    assertTrue(r.out().contains("- ignorable-failures: 2 failed sessions of type validation-failure"), r::toString);
    // The Next: line repeats the flags that produced the verdict.
    assertTrue(r.out().endsWith("Next: mtasts plan enforce " + ready + " --as-of 2026-11-01\n"), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void aStaleFolderIsNotReadyNowAndSaysHowStale() {
    // Regression: the verdict was "as of the newest report day", however old: now it is as of now.
    Cli.Result r = Cli.exec("readiness", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("  as of:   2026-11-24 12:00:00 UTC (now)\n"), r::toString);
    assertTrue(r.out().contains("- no-recent-reports: "), r::toString);
    assertTrue(r.out().contains("the newest report covers 2026-11-01, 22 days before the window's last day 2026-11-23: the evidence is 22 days stale"), r::toString);
    assertTrue(r.out().endsWith("Next: fix the blocking reasons, then run mtasts readiness " + ready + "\n"), r::toString);
  }

  @Test
  void theNextLineRepeatsEveryFlag() {
    Cli.Result r = Cli.exec("readiness", "--domain", "example.com", "--as-of", "2026-11-01",
        "--window", "7", "--min-days", "5", "--known-sender", "Some Partner", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().endsWith("Next: mtasts plan enforce " + ready + " --domain example.com"
        + " --as-of 2026-11-01 --window 7 --min-days 5 --known-sender 'Some Partner'\n"), r::toString);
  }

  @Test
  void reportsForAnotherDomainSuggestTheDomainOption() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", "--domain", "example.org", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("no report is for example.org; they are for example.com: did you mean --domain example.com?"), r::toString);
  }

  @Test
  void failuresWithoutDetailsBlockThroughTheCli() throws IOException {
    // Regression: 500 failed sessions without failure-details gave READY, exit 0.
    Files.writeString(examples.resolve("example.com/reports/undetailed.json"), """
        {"organization-name": "Quiet Sender", "date-range": {"start-datetime": "2026-10-31T00:00:00Z",
         "end-datetime": "2026-10-31T23:59:59Z"}, "contact-info": "tlsrpt@quiet.example",
         "report-id": "undetailed-1", "policies": [{"policy": {"policy-type": "sts",
         "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.example.com", "mx: mx2.example.com",
         "max_age: 604800"], "policy-domain": "example.com", "mx-host": ["mx1.example.com", "mx2.example.com"]},
         "summary": {"total-successful-session-count": 1000, "total-failure-session-count": 500}}]}
        """);
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("- too-many-failures: 500 failed sessions from 2026-10-19 to 2026-11-01 are not classed as safe to ignore (500 reported without failure details)"), r::toString);
    Cli.Result allowed = Cli.exec("readiness", "--as-of", "2026-11-01", "--max-failures", "500", ready);
    assertEquals(0, allowed.status(), allowed::toString);
  }

  @Test
  void aKnownSendersValidationFailuresBlock() throws IOException {
    Files.writeString(examples.resolve("example.com/senders.txt"), "# partners\n10.20.30.0/24\n");
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("- known-sender-failures: 2 failed sessions of type validation-failure (fix with that sender before enforcing"), r::toString);
    Files.delete(examples.resolve("example.com/senders.txt"));
    Cli.Result byName = Cli.exec("readiness", "--as-of", "2026-11-01", "--known-sender", "mailer example", ready);
    assertEquals(1, byName.status(), byName::toString);
    Files.writeString(examples.resolve("example.com/senders.txt"), "Google LLC\n10.0.0.0/33\n");
    Cli.Result bad = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    assertEquals(1, bad.status(), bad::toString);
    assertTrue(bad.err().contains("senders.txt:2:1: error invalid-sender: prefix length \"33\" of 10.0.0.0/33 must be 0 to 32"), bad::toString);
  }

  @Test
  void aReportDatedInTheFutureIsSetAsideAndMovesNothing() throws IOException {
    // Issue 13 item 4: a report dated 9999-12-31 made readiness evaluate as of that day.
    Cli.Result before = Cli.exec("readiness", "--as-of", "2026-11-01", "--json", ready);
    Files.writeString(examples.resolve("example.com/reports/future.json"), """
        {"organization-name": "Time Traveller", "date-range": {"start-datetime": "9999-12-31T00:00:00Z",
         "end-datetime": "9999-12-31T23:59:59Z"}, "contact-info": "tlsrpt@future.example",
         "report-id": "future-1", "policies": [{"policy": {"policy-type": "sts",
         "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.example.com", "max_age: 604800"],
         "policy-domain": "example.com", "mx-host": ["mx1.example.com"]},
         "summary": {"total-successful-session-count": 0, "total-failure-session-count": 100000}}]}
        """);
    Cli.Result after = Cli.exec("readiness", "--as-of", "2026-11-01", "--json", ready);
    assertEquals(0, after.status(), after::toString);
    Json a = Json.parse(after.out());
    Json b = Json.parse(before.out());
    assertEquals(b.get("verdict"), a.get("verdict"));
    assertEquals(b.get("windowEnd"), a.get("windowEnd"));
    assertTrue(a.list("notes").stream().anyMatch(n -> n.toString().startsWith("set aside 1 report dated after now")), after::toString);
  }

  @Test
  void readinessReadsTheHistoryAndAgreesWithPlanEnforce() throws IOException {
    // Regression: readiness had no --history, so it said READY where plan enforce refused
    // with testing-too-short.
    Cli.Result init = Cli.exec("history", "init", ready, "--since", "2026-10-25T09:00:00Z");
    assertEquals(0, init.status(), init::toString);
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("- testing-too-short: mode testing has been published only since 2026-10-25 09:00:00 UTC"), r::toString);
    Cli.Result plan = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", ready);
    assertEquals(1, plan.status(), plan::toString);
    assertTrue(plan.out().contains("- testing-too-short: "), plan::toString);
    Path elsewhere = examples.resolve("elsewhere.json");
    Files.move(examples.resolve("example.com/history.json"), elsewhere);
    Cli.Result explicit = Cli.exec("readiness", "--as-of", "2026-11-01", "--history", elsewhere.toString(), ready);
    assertEquals(1, explicit.status(), explicit::toString);
    assertTrue(explicit.out().contains("- testing-too-short: "), explicit::toString);
  }

  @Test
  void theNotReadyExampleListsEveryBlockingReason() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", notReady);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.net: NOT READY to enforce\n"), r::toString);
    assertTrue(r.out().contains("  warnings (1):\n    - report-days-missing: no TLS-RPT report covers 1 UTC day of the window: 2026-10-23"), r::toString);
    assertTrue(r.out().contains("- our-side-failures: 189 failed sessions of type certificate-host-mismatch"), r::toString);
    assertTrue(r.out().contains("MX hosts: mx2.example.net (189)"), r::toString);
    assertTrue(r.out().contains("- unreadable report "), r::toString);
  }

  @Test
  void asOfMovesTheWindow() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-05", "--json", ready);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("2026-11-05", json.get("windowEnd"));
    assertEquals("2026-11-06T00:00:00Z", json.get("evaluatedAt"));
    assertEquals("as-of", json.get("basis"));
    assertEquals("no-recent-reports", json.objects("blocking").get(0).get("code"));
    Json missing = json.objects("warnings").get(0);
    assertEquals("report-days-missing", missing.get("code"));
    assertEquals(List.of("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"), missing.list("days"));
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void atAndAsOfTogetherAreAUsageErrorAndBadValuesNameNoJavaType() {
    Cli.Result both = Cli.exec("readiness", "--as-of", "2026-11-01", "--at", "2026-11-01T00:00:00Z", ready);
    assertEquals(2, both.status(), both::toString);
    assertTrue(both.err().startsWith("mtasts: give --at or --as-of, not both"), both::toString);
    Cli.Result day = Cli.exec("readiness", "--as-of", "yesterday", ready);
    assertEquals(2, day.status(), day::toString);
    assertTrue(day.err().contains("'yesterday' is not a UTC day in the form yyyy-MM-dd"), day::toString);
    assertTrue(!day.err().contains("java."), day::toString);
    Cli.Result moment = Cli.exec("readiness", "--at", "2026-11-01T00:00:00", ready);
    assertEquals(2, moment.status(), moment::toString);
    assertTrue(moment.err().contains("is not a moment with its zone"), moment::toString);
    assertTrue(!moment.err().contains("java."), moment::toString);
    Cli.Result at = Cli.exec("readiness", "--at", "2026-11-02 00:00:00 UTC", ready);
    assertEquals(0, at.status(), at::toString);
    assertTrue(at.out().contains("  as of:   2026-11-02 00:00:00 UTC (--at)\n"), at::toString);
  }

  @Test
  void aShortWindowBeforeTheProblemsIsReady() {
    Cli.Result r = Cli.exec("readiness", "--window", "3", "--as-of", "2026-10-22", notReady);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.net: READY to enforce\n"), r::toString);
    assertTrue(r.out().contains("window:  2026-10-20 to 2026-10-22 (3 UTC days; 3 with sessions, 3 needed)"), r::toString);
  }

  @Test
  void jsonCarriesVerdictReasonsAndData() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", "--json", notReady);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("example.net", json.get("domain"));
    assertEquals(false, json.get("ready"));
    assertEquals("NOT_READY", json.get("verdict"));
    assertEquals(13L, json.get("daysWithSessions"));
    assertEquals(false, json.object("history").get("kept"));
    assertEquals("mtasts readiness " + notReady + " --as-of 2026-11-01", json.get("next"));
    Json mismatch = json.objects("blocking").get(0);
    assertEquals("our-side-failures", mismatch.get("code"));
    assertEquals("certificate-host-mismatch", mismatch.get("resultType"));
    assertEquals(189L, mismatch.object("receivingMxHosts").get("mx2.example.net"));
    assertEquals(108L, mismatch.object("reportingOrganizations").get("Google LLC"));
    assertEquals(List.of("mx1.example.net", "mx2.example.net"), json.list("mxHosts"));
  }

  @Test
  void withoutATlsRptRecordAndMxFileTheDomainIsNotReady() throws IOException {
    Files.delete(examples.resolve("example.com/_smtp._tls.txt"));
    Files.writeString(examples.resolve("example.com/mx.txt"), "10 mx1.example.com.\n20 mx3.example.org.\n");
    Cli.Result r = Cli.exec("readiness", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("- tlsrpt-record-missing: "), r::toString);
    assertTrue(r.out().contains("- mx-not-covered: MX host mx3.example.org matches no mx pattern"), r::toString);
    assertTrue(r.out().contains("- _smtp._tls.txt is missing"), r::toString);
  }

  @Test
  void anInvalidPolicyFileIsNegativeWithItsPosition() throws IOException {
    Path policy = examples.resolve("example.com/mta-sts.txt");
    Files.writeString(policy, "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 99999999999\n");
    Cli.Result r = Cli.exec("readiness", ready);
    assertEquals(1, r.status(), r::toString);
    assertEquals("mtasts: " + policy + ":4:10: error max-age-too-long: ", r.err().substring(0, r.err().indexOf("max-age-too-long: ") + 18), r::toString);
  }

  @Test
  void aMissingFolderOrPolicyIsExitTwo() throws IOException {
    Cli.Result r = Cli.exec("readiness", examples.resolve("nope").toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals("mtasts: cannot open " + examples.resolve("nope") + ": no such folder\n", r.err());
    Files.delete(examples.resolve("example.com/mta-sts.txt"));
    Cli.Result r2 = Cli.exec("readiness", ready);
    assertEquals(2, r2.status(), r2::toString);
    assertTrue(r2.err().contains("mta-sts.txt: no such file"), r2::toString);
  }

  @Test
  void aWindowOfZeroDaysIsAUsageError() {
    Cli.Result r = Cli.exec("readiness", "--window", "0", ready);
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: --window must be 1 to 366 days"), r::toString);
  }
}
