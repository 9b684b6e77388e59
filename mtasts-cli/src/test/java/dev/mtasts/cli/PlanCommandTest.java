package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    Cli.Result r = Cli.exec("plan", "enforce", ready);
    assertEquals(0, r.status(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("Plan: ENFORCE example.com (TESTING -> ENFORCE), planned at 2026-11-02T00:00:00Z"), r::toString);
    int upload = out.indexOf("1. Upload the new policy file so that https://mta-sts.example.com/.well-known/mta-sts.txt serves exactly:");
    int verify = out.indexOf("2. Fetch https://mta-sts.example.com/.well-known/mta-sts.txt");
    int txt = out.indexOf("3. Change the TXT record _mta-sts.example.com to \"v=STSv1; id=20261102000000;\" (it was id=20261012090000)");
    int wait = out.indexOf("4. Wait until 2026-11-02T01:00:00Z");
    assertTrue(upload > 0 && verify > upload && txt > verify && wait > txt, r::toString);
    assertTrue(out.contains("     mode: enforce\n"), r::toString);
  }

  @Test
  void enforceIsRefusedForTheNotReadyExample() {
    Cli.Result r = Cli.exec("plan", "enforce", notReady);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("Refused: example.net TESTING -> ENFORCE"), r::toString);
    assertTrue(r.out().contains("- report-days-missing: "), r::toString);
    assertTrue(r.out().contains("- our-side-failures: "), r::toString);
  }

  @Test
  void noneAndDeleteArePlanned() {
    Cli.Result none = Cli.exec("plan", "none", ready);
    assertEquals(0, none.status(), none::toString);
    assertTrue(none.out().contains("     mode: none\n     max_age: 86400\n"), none::toString);
    Cli.Result delete = Cli.exec("plan", "delete", ready);
    assertEquals(0, delete.status(), delete::toString);
    assertTrue(delete.out().contains("1. Delete the TXT record _mta-sts.example.com"), delete::toString);
    assertTrue(delete.out().contains("Wait until 2026-11-09T00:00:00Z"), delete::toString);
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
    assertTrue(r.out().contains("Publish the TXT record _mta-sts.example.com to \"v=STSv1; id=20261102000000;\""), r::toString);
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
  void jsonOfARefusal() {
    Cli.Result r = Cli.exec("plan", "enforce", "--json", notReady);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("planned"));
    assertEquals(List.of("report-days-missing", "our-side-failures"),
        json.objects("reasons").stream().map(s -> s.get("code")).toList());
  }

  @Test
  void aBrokenHistoryIsNegativeAndAMissingOneIsExitTwo() throws IOException {
    Path history = examples.resolve("history.json");
    Cli.Result missing = Cli.exec("plan", "delete", "--history", history.toString(), ready);
    assertEquals(2, missing.status(), missing::toString);
    assertEquals("mtasts: cannot open " + history + ": no such file\n", missing.err());
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
    assertTrue(r.out().contains("Wait until 2027-10-12T15:00:00Z"), r::toString);
    assertTrue(r.out().contains("cached-policies-far-off"), r::toString);
  }

  @Test
  void aMissingFolderIsExitTwo() {
    Cli.Result r = Cli.exec("plan", "none", examples.resolve("nope").toString());
    assertEquals(2, r.status(), r::toString);
  }
}
