package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' story end to end, through the CLI only, on a fake clock: deploy in testing with
 * TLS-RPT, two weeks of reports with one fixable certificate problem, not ready, fixed, ready,
 * enforce with an id bump, later mode none, and delete only after every cached policy expired,
 * with the history file the CLI keeps between the steps.
 */
final class LifecycleScenarioCliTest {
  @TempDir Path root;

  /** A clock the test moves forward. */
  private static final class FakeClock extends Clock {
    private Instant now;

    FakeClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));

  private Cli.Result run(String... args) {
    return new Cli().clock(clock).run(args);
  }

  private static final String TESTING = "version: STSv1\nmode: testing\nmx: mx1.example.com\n"
      + "mx: mx2.example.com\nmax_age: 604800\n";

  @Test
  void deployTestEnforceTurnOffAndDeleteThroughTheCli() throws IOException {
    Path dir = root.resolve("example.com");
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("mta-sts.txt"), TESTING);
    Files.writeString(dir.resolve("mx.txt"), "10 mx1.example.com.\n20 mx2.example.com.\n");
    String d = dir.toString();

    // Day 0: nothing is published; start the history and deploy in testing with TLS-RPT.
    Cli.Result init = run("history", "init", d);
    assertEquals(0, init.status(), init::toString);
    assertTrue(init.out().contains("nothing is published for example.com"), init::toString);
    Cli.Result deploy = run("plan", "deploy", "--json", d);
    assertEquals(0, deploy.status(), deploy::toString);
    Json plan = Json.parse(deploy.out());
    assertEquals("DEPLOY", plan.get("transition"));
    assertEquals(List.of("publish-tlsrpt", "upload-policy", "verify-served", "publish-txt", "wait"),
        plan.objects("steps").stream().map(s -> s.get("kind")).toList());
    String testingId = (String) plan.get("id");
    // The owner does the steps and mirrors them in the folder, then records them.
    Files.writeString(dir.resolve("_smtp._tls.txt"), "v=TLSRPTv1; rua=mailto:tlsrpt@example.com\n");
    Files.writeString(dir.resolve("_mta-sts.txt"), "v=STSv1; id=" + testingId + ";\n");
    clock.advance(Duration.ofHours(1));
    Cli.Result recorded = run("history", "record", d);
    assertEquals(0, recorded.status(), recorded::toString);
    assertTrue(recorded.out().contains("id " + testingId + " (mode testing"), recorded::toString);

    // Two weeks of reports; from day 8, mx2 serves an expired certificate (seen by two senders).
    LocalDate first = LocalDate.parse("2026-03-01");
    writeReports(dir, first, first.plusDays(13), first.plusDays(7));
    clock.set(Instant.parse("2026-03-15T08:00:00Z"));
    Cli.Result notReady = run("readiness", d);
    assertEquals(1, notReady.status(), notReady::toString);
    assertTrue(notReady.out().contains("- our-side-failures: "), notReady::toString);
    assertTrue(notReady.out().contains("certificate-expired"), notReady::toString);
    assertTrue(notReady.out().contains("  history: " + dir.resolve("history.json")), notReady::toString);
    Cli.Result refused = run("plan", "enforce", d);
    assertEquals(1, refused.status(), refused::toString);
    assertTrue(refused.out().contains("- our-side-failures: "), refused::toString);

    // The certificate is renewed; two more clean weeks arrive.
    writeReports(dir, first.plusDays(14), first.plusDays(27), null);
    clock.set(Instant.parse("2026-03-29T08:00:00Z"));
    Cli.Result ready = run("readiness", d);
    assertEquals(0, ready.status(), ready::toString);
    assertTrue(ready.out().startsWith("example.com: READY to enforce"), ready::toString);
    assertTrue(ready.out().contains("Next: mtasts plan enforce " + d + "\n"), ready::toString);

    Cli.Result enforce = run("plan", "enforce", "--max-age", "1209600", "--json", d);
    assertEquals(0, enforce.status(), enforce::toString);
    Json enforcePlan = Json.parse(enforce.out());
    String enforceId = (String) enforcePlan.get("id");
    assertNotEquals(testingId, enforceId);
    Files.writeString(dir.resolve("mta-sts.txt"), (String) enforcePlan.get("policyText"));
    Files.writeString(dir.resolve("_mta-sts.txt"), "v=STSv1; id=" + enforceId + ";\n");
    assertEquals(0, run("history", "record", d).status());

    // Later: turn off with mode none.
    clock.set(Instant.parse("2026-05-01T10:00:00Z"));
    Cli.Result none = run("plan", "none", "--json", d);
    assertEquals(0, none.status(), none::toString);
    Json nonePlan = Json.parse(none.out());
    Files.writeString(dir.resolve("mta-sts.txt"), (String) nonePlan.get("policyText"));
    Files.writeString(dir.resolve("_mta-sts.txt"), "v=STSv1; id=" + nonePlan.get("id") + ";\n");
    assertEquals(0, run("history", "record", d).status());

    // Deleting right away must first wait for the enforce policy (two weeks) to expire.
    clock.advance(Duration.ofHours(2));
    Cli.Result early = run("plan", "delete", d);
    assertEquals(0, early.status(), early::toString);
    assertTrue(early.out().contains("1. Wait until 2026-05-15 10:00:00 UTC: keep the mode none policy"),
        early::toString);
    assertFalse(early.out().contains("history-unknown"), early::toString);

    // After it, the deletion needs only the none policy's day.
    clock.set(Instant.parse("2026-05-15T10:00:01Z"));
    Cli.Result delete = run("plan", "delete", d);
    assertEquals(0, delete.status(), delete::toString);
    assertTrue(delete.out().startsWith("Plan: DELETE example.com (NONE -> DELETED)"), delete::toString);
    assertTrue(delete.out().contains("1. Delete the TXT record _mta-sts.example.com"), delete::toString);
    assertTrue(delete.out().contains("Wait until 2026-05-16 10:00:01 UTC"), delete::toString);
    Files.delete(dir.resolve("mta-sts.txt"));
    Files.delete(dir.resolve("_mta-sts.txt"));
    Cli.Result gone = run("history", "record", d);
    assertEquals(0, gone.status(), gone::toString);
    assertTrue(gone.out().contains("stopped being served at 2026-05-15 10:00:01 UTC"), gone::toString);

    Cli.Result show = run("history", "show", "--json", d);
    assertEquals(0, show.status(), show::toString);
    Json history = Json.parse(show.out());
    assertEquals("DELETED", history.get("state"));
    assertEquals(List.of("testing", "enforce", "none"),
        history.objects("served").stream().map(s -> s.get("mode")).toList());
    assertEquals("2026-05-16T10:00:01Z", history.get("cacheExpiry"));
    clock.set(Instant.parse("2026-05-16T10:00:02Z"));
    assertEquals("ABSENT", Json.parse(run("history", "show", "--json", d).out()).get("state"));
  }

  /** Writes one report a day per sender; from {@code brokenFrom} on, mx2's certificate fails. */
  private static void writeReports(Path dir, LocalDate from, LocalDate to, LocalDate brokenFrom)
      throws IOException {
    List<String> lines = List.of("version: STSv1", "mode: testing", "mx: mx1.example.com",
        "mx: mx2.example.com", "max_age: 604800");
    AppliedPolicy policy = AppliedPolicy.sts("example.com", lines,
        List.of("mx1.example.com", "mx2.example.com"));
    int n = 0;
    for (String[] sender : List.of(new String[] {"Big Mail", "big.example", "192.0.2.10"},
        new String[] {"Other Mail", "other.example", "198.51.100.20"})) {
      TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder(sender[0], "tlsrpt@" + sender[1], sender[1]);
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        b.recordSuccesses(policy, noon, 300);
        if (brokenFrom != null && !day.isBefore(brokenFrom)) {
          b.recordFailure(policy, noon, FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, sender[2],
              "mx2.example.com", 5));
        }
      }
      for (GeneratedReport r : b.drainAll()) {
        Files.write(dir.resolve("reports").resolve(sender[1] + "-" + from + "-" + (n++) + ".json"),
            TlsRptWriter.compact().write(r.report()));
      }
    }
  }
}
