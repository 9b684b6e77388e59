package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlanCommandTest {
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
  void enforceUploadsVerifiesThenChangesTheIdThenWaits() {
    Cli.Result r = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", ready);
    assertEquals(0, r.status(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("Plan: ENFORCE example.com (TESTING -> ENFORCE), planned at 2026-11-02 00:00:00 UTC (--as-of 2026-11-01: the end of that UTC day)\n"), r::toString);
    int upload = out.indexOf("1. Upload the new policy file so that https://mta-sts.example.com/.well-known/mta-sts.txt serves exactly:");
    int verify = out.indexOf("2. Fetch https://mta-sts.example.com/.well-known/mta-sts.txt");
    int txt = out.indexOf("3. Change the TXT record _mta-sts.example.com to \"v=STSv1; id=20261102000000;\" (it was id=20261012090000)");
    int wait = out.indexOf("4. Wait until 2026-11-02 01:00:00 UTC");
    assertTrue(upload > 0 && verify > upload && txt > verify && wait > txt, r::toString);
    assertTrue(out.contains("     mode: enforce\n"), r::toString);
    assertTrue(out.contains("Next: keep a history first, before any step: mtasts history init " + ready + " --since INSTANT"), r::toString);
  }

  @Test
  void maxAgeAndMxShapeTheEnforcePolicy() {
    Cli.Result r = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", "--max-age", "1209600",
        "--mx", "mx1.example.com,mx2.example.com", "--mx", "*.mail.example.com", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("     mx: *.mail.example.com\n     max_age: 1209600\n"), r::toString);
    Cli.Result none = Cli.exec("plan", "none", "--max-age", "5", ready);
    assertEquals(2, none.status(), none::toString);
    Cli.Result bad = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", "--max-age", "99999999999", ready);
    assertEquals(2, bad.status(), bad::toString);
    assertFalse(bad.err().contains("Exception"), bad::toString);
  }

  @Test
  void enforceIsRefusedForTheNotReadyExample() {
    Cli.Result r = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", notReady);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("Refused: example.net TESTING -> ENFORCE, evaluated at 2026-11-02 00:00:00 UTC"), r::toString);
    assertTrue(r.out().contains("- our-side-failures: "), r::toString);
    assertTrue(r.out().contains("- report-days-missing: "), r::toString);
    assertTrue(r.out().endsWith("Next: fix the reasons, then run mtasts readiness " + notReady + " --as-of 2026-11-01\n"), r::toString);
  }

  @Test
  void noneAndDeleteWithoutHistoryWarnLoudly() {
    Cli.Result none = Cli.exec("plan", "none", ready);
    assertEquals(0, none.status(), none::toString);
    assertTrue(none.out().contains("     mode: none\n     max_age: 86400\n"), none::toString);
    assertTrue(none.out().contains("- history-unknown: no publication history was kept"), none::toString);
    assertTrue(none.err().startsWith("mtasts: warning: no publication history is kept for example.com"), none::toString);
    Cli.Result delete = Cli.exec("plan", "delete", ready);
    assertEquals(0, delete.status(), delete::toString);
    assertTrue(delete.out().contains("1. Delete the TXT record _mta-sts.example.com"), delete::toString);
    // Now (the tests' clock) plus the folder policy's max_age: a week.
    assertTrue(delete.out().contains("Wait until 2026-12-01 12:00:00 UTC"), delete::toString);
    assertTrue(delete.out().contains("keep mode none and the TXT record published until 2027-11-24 18:00:00 UTC (now + 31557600 s"), delete::toString);
  }

  @Test
  void deleteWaitsFromNowNotFromTheNewestReport() throws IOException {
    // Regression: an enforce folder with max_age 2592000 and reports that ended a month ago was
    // told to wait until "newest report day + 30 days", a month too early.
    Files.writeString(examples.resolve("example.com/mta-sts.txt"),
        "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.example.com\nmax_age: 2592000\n");
    Cli.Result r = Cli.exec("plan", "delete", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("planned at 2026-11-24 12:00:00 UTC (now)"), r::toString);
    assertTrue(r.out().contains("Wait until 2026-12-24 12:00:00 UTC"), r::toString);
    assertFalse(r.out().contains("2026-12-02"), r::toString);
  }

  @Test
  void deleteWithAHistoryAndNoAsOfIsPlanned() throws IOException {
    // Regression: plan delete DIR --history h.json without --as-of ended in "internal error:
    // java.lang.IllegalArgumentException" (the plan was dated before the history's last event).
    Path history = examples.resolve("h.json");
    MtaStsPolicy testing = MtaStsPolicy.parse(Files.readString(examples.resolve("example.com/mta-sts.txt")));
    PublicationHistory.empty("example.com")
        .served(PolicyId.of("20261012090000"), testing, Instant.parse("2026-11-20T09:00:00Z"))
        .write(history);
    Cli.Result r = Cli.exec("plan", "delete", "--history", history.toString(), ready);
    assertEquals(0, r.status(), r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
    assertFalse(r.out().contains("history-unknown"), r::toString);
    Cli.Result early = Cli.exec("plan", "delete", "--history", history.toString(), "--as-of", "2026-11-01", ready);
    assertEquals(2, early.status(), early::toString);
    assertTrue(early.err().startsWith("mtasts: " + history + " records an event at 2026-11-20 09:00:00 UTC, after the moment of this evaluation (2026-11-02 00:00:00 UTC)"), early::toString);
  }

  @Test
  void rollbackFromTestingIsNotATransition() {
    Cli.Result r = Cli.exec("plan", "rollback", ready);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("Refused: example.com TESTING -> TESTING"), r::toString);
  }

  @Test
  void deployWithoutARecordPublishesTheFolderPolicyInTesting() throws IOException {
    Files.delete(examples.resolve("example.com/_mta-sts.txt"));
    Cli.Result r = Cli.exec("plan", "deploy", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("Plan: DEPLOY example.com (ABSENT -> TESTING)"), r::toString);
    assertTrue(r.out().contains("1. Upload the new policy file"), r::toString);
    assertTrue(r.out().contains("Publish the TXT record _mta-sts.example.com to \"v=STSv1; id=20261124120000;\""), r::toString);
  }

  @Test
  void deployWithoutTlsRptPublishesTheRecordFirst() throws IOException {
    Files.delete(examples.resolve("example.com/_mta-sts.txt"));
    Files.delete(examples.resolve("example.com/_smtp._tls.txt"));
    Cli.Result r = Cli.exec("plan", "deploy", "--json", ready);
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    Json first = json.objects("steps").get(0);
    assertEquals("publish-tlsrpt", first.get("kind"));
    assertEquals("_smtp._tls.example.com", first.get("name"));
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", first.get("value"));
  }

  @Test
  void deployFromTheMxFileWhenThereIsNoPolicy() throws IOException {
    Files.delete(examples.resolve("example.com/_mta-sts.txt"));
    Files.delete(examples.resolve("example.com/mta-sts.txt"));
    Cli.Result r = Cli.exec("plan", "deploy", "--json", ready);
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(true, json.get("planned"));
    assertEquals("version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: mx2.example.com\r\nmax_age: 604800\r\n",
        json.get("policyText"));
    assertEquals(List.of("upload-policy", "verify-served", "publish-txt", "wait"),
        json.objects("steps").stream().map(s -> s.get("kind")).toList());
  }

  @Test
  void aBadHostInMxTxtWasAnInternalError_nowALocatedErrorWithExitOne() throws IOException {
    // Regression (issue 14): "mtasts plan deploy" built MxPattern.of from each mx.txt line and a
    // bad host escaped as "internal error ... please report it"; it is the user's input.
    Files.writeString(examples.resolve("example.com/mx.txt"), "10 mx1.example.com.\n20 mx_2.example.com.\n");
    Cli.Result readiness = Cli.exec("readiness", "--as-of", "2026-11-01", ready);
    Files.delete(examples.resolve("example.com/_mta-sts.txt"));
    Files.delete(examples.resolve("example.com/mta-sts.txt"));
    Cli.Result deploy = Cli.exec("plan", "deploy", ready);
    for (Cli.Result r : List.of(readiness, deploy)) {
      assertEquals(1, r.status(), r::toString);
      assertTrue(r.err().contains("mx.txt:2:6: error invalid-mx: MX host mx_2.example.com is not a host name"),
          r::toString);
      assertFalse(r.err().contains("internal error"), r::toString);
    }
  }

  @Test
  void jsonOfARefusal() {
    Cli.Result r = Cli.exec("plan", "enforce", "--as-of", "2026-11-01", "--json", notReady);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("planned"));
    assertEquals(List.of("our-side-failures"),
        json.objects("reasons").stream().map(s -> s.get("code")).toList());
    assertEquals("2026-11-02T00:00:00Z", json.get("evaluatedAt"));
  }

  @Test
  void aBrokenHistoryIsNegativeAndAMissingOneIsExitTwo() throws IOException {
    Path history = examples.resolve("history.json");
    Cli.Result missing = Cli.exec("plan", "delete", "--history", history.toString(), ready);
    assertEquals(2, missing.status(), missing::toString);
    assertEquals("mtasts: cannot open " + history + ": no such file (mtasts history init DIR starts one)\n", missing.err());
    Files.writeString(history, "{\"domain\": ");
    Cli.Result broken = Cli.exec("plan", "delete", "--history", history.toString(), ready);
    assertEquals(1, broken.status(), broken::toString);
    assertTrue(broken.err().startsWith("mtasts: "), broken::toString);
    assertTrue(!broken.err().contains("\tat "), broken::toString);
  }

  @Test
  void deleteWaitsForTheLongestCachedPolicyOfTheHistory() throws IOException {
    MtaStsPolicy yearLongEnforce = MtaStsPolicy.of(Mode.ENFORCE, MtaStsPolicy.MAX_MAX_AGE,
        List.of(MxPattern.of("mx1.example.com"), MxPattern.of("mx2.example.com")));
    MtaStsPolicy testing = MtaStsPolicy.parse(Files.readString(examples.resolve("example.com/mta-sts.txt")));
    Path history = examples.resolve("history.json");
    PublicationHistory.empty("example.com")
        .served(PolicyId.of("20250101000000"), yearLongEnforce, Instant.parse("2025-01-01T00:00:00Z"))
        .stopped(Instant.parse("2026-10-12T09:00:00Z"))
        .served(PolicyId.of("20261012090000"), testing, Instant.parse("2026-10-12T09:00:00Z"))
        .write(history);
    Cli.Result r = Cli.exec("plan", "delete", "--history", history.toString(), ready);
    assertEquals(0, r.status(), r::toString);
    // The enforce policy stopped being served on 2026-10-12 and may be cached for a year after.
    assertTrue(r.out().contains("Wait until 2027-10-12 15:00:00 UTC"), r::toString);
    assertTrue(r.out().contains("cached-policies-far-off"), r::toString);
  }

  @Test
  void noJavaNamesOrNanosecondsInPlans() {
    for (String goal : List.of("none", "delete", "enforce", "deploy")) {
      Cli.Result r = Cli.exec("plan", goal, ready);
      assertFalse(r.out().contains("Target.") || r.out().contains("java.") || r.err().contains("java."), r::toString);
      assertFalse(r.out().matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"), r::toString);
    }
  }

  @Test
  void aMissingFolderIsExitTwo() {
    Cli.Result r = Cli.exec("plan", "none", examples.resolve("nope").toString());
    assertEquals(2, r.status(), r::toString);
  }
}
