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
    Cli.Result r = Cli.exec("readiness", ready);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.com: READY to enforce, with warnings\n"), r::toString);
    assertTrue(r.out().contains("window:  2026-10-19 to 2026-11-01 (14 UTC days, as of the newest report day 2026-11-01)"), r::toString);
    assertTrue(r.out().contains("- ignorable-failures: 2 failed sessions of type certificate-host-mismatch"), r::toString);
    assertTrue(r.out().contains("Next: mtasts plan enforce " + ready), r::toString);
    // The tests' clock stands at 2026-11-24: the newest report is 23 days old.
    assertTrue(r.err().startsWith("mtasts: note: evaluated as of 2026-11-01, the newest report day, 23 days ago;"), r::toString);
  }

  @Test
  void theNotReadyExampleListsEveryBlockingReason() {
    Cli.Result r = Cli.exec("readiness", notReady);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.net: NOT READY to enforce\n"), r::toString);
    assertTrue(r.out().contains("- report-days-missing: no TLS-RPT report covers 1 UTC day of the window: 2026-10-23"), r::toString);
    assertTrue(r.out().contains("- our-side-failures: 189 failed sessions of type certificate-host-mismatch"), r::toString);
    assertTrue(r.out().contains("MX hosts: mx2.example.net (189)"), r::toString);
    assertTrue(r.out().contains("- unreadable report "), r::toString);
  }

  @Test
  void asOfMovesTheWindow() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-03", "--json", ready);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("2026-11-03", json.get("windowEnd"));
    assertEquals("2026-11-04T00:00:00Z", json.get("evaluatedAt"));
    assertEquals("as-of", json.get("basis"));
    Json missing = json.objects("blocking").get(0);
    assertEquals("report-days-missing", missing.get("code"));
    assertEquals(List.of("2026-11-02", "2026-11-03"), missing.list("days"));
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void aShortWindowBeforeTheProblemsIsReady() {
    Cli.Result r = Cli.exec("readiness", "--window", "3", "--as-of", "2026-10-22", notReady);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.net: READY to enforce\n"), r::toString);
    assertTrue(r.out().contains("window:  2026-10-20 to 2026-10-22 (3 UTC days, as of --as-of 2026-10-22)"), r::toString);
  }

  @Test
  void jsonCarriesVerdictReasonsAndData() {
    Cli.Result r = Cli.exec("readiness", "--json", notReady);
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("example.net", json.get("domain"));
    assertEquals(false, json.get("ready"));
    assertEquals("NOT_READY", json.get("verdict"));
    Json mismatch = json.objects("blocking").get(1);
    assertEquals("our-side-failures", mismatch.get("code"));
    assertEquals("certificate-host-mismatch", mismatch.get("resultType"));
    assertEquals(189L, mismatch.object("receivingMxHosts").get("mx2.example.net"));
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
    assertEquals("mtasts: " + policy + ":4:10: error MAX_AGE_TOO_LONG: ", r.err().substring(0, r.err().indexOf("MAX_AGE_TOO_LONG: ") + 18), r::toString);
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
