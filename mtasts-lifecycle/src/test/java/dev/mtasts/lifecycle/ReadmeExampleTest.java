package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.ReportSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the lifecycle guide (docs/mtasts-lifecycle.md), kept compiling and true. */
final class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void enforceFlip() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    Path historyFile = dir.resolve("example.com.history.json");
    PublicationHistory.empty("example.com")
        .served(PolicyId.of("20260201090000"), Fixtures.testing(), clock.instant().minus(
            Duration.ofDays(28)))
        .write(historyFile);
    LocalDate end = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    ReportSummary reports = Reports.forTesting().clean(end.minusDays(13), end, 400).summary();

    // --- docs/mtasts-lifecycle.md: enforce flip ---
    PublicationHistory history = PublicationHistory.read(historyFile, "example.com");
    Evidence evidence = Evidence.none()
        .withTlsRpt(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"))
        .withReports(reports)                        // ReportSummary of the reports received
        .withMxHosts("mx1.example.com", "a.mail.example.com")
        .withTxtTtl(Duration.ofMinutes(5));
    MtaStsPolicy enforce = MtaStsPolicy.parse("version: STSv1\nmode: enforce\n"
        + "mx: mx1.example.com\nmx: *.mail.example.com\nmax_age: 1209600\n");
    PlanResult result = Lifecycle.plan(history, Target.of(enforce), evidence, clock);
    if (result instanceof Refusal refusal) {
      refusal.reasons().forEach(r -> System.out.println(r.code().id() + ": " + r.message()));
      fail("refused: " + refusal.reasons()); // the guide returns here
    }
    Plan plan = result.orThrow();
    System.out.print(plan.describe());
    PlanProgress progress = plan.start();
    progress = progress.done(progress.next().orElseThrow(), clock.instant());  // 1. uploaded
    String served = enforce.toText();                 // 2. what the policy URL really serves
    progress = progress.verified(served, clock.instant());  //    (the old file is refused)
    progress = progress.done(progress.next().orElseThrow(), clock.instant());  // 3. TXT changed
    progress.history().write(historyFile);
    clock.set(progress.waitEndsAt().orElseThrow());                             // 4. TTL over
    progress = progress.done(progress.next().orElseThrow(), clock.instant());
    // --- end ---

    assertTrue(progress.finished());
    assertEquals(LifecycleState.ENFORCE,
        Deployment.of(PublicationHistory.read(historyFile, "example.com"), clock.instant()).state());
  }

  @Test
  void turnOff() {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    Path historyFile = dir.resolve("example.com.history.json");
    PublicationHistory.empty("example.com")
        .served(PolicyId.of("20250101000000"), Fixtures.enforce(Fixtures.YEAR),
            clock.instant().minus(Duration.ofDays(200)))
        .write(historyFile);

    // --- docs/mtasts-lifecycle.md: turn off ---
    PublicationHistory history = PublicationHistory.read(historyFile, "example.com");
    Plan off = Lifecycle.plan(history, Target.modeNone(), Evidence.none(), clock).orThrow();
    // Steps: upload "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n", verify it is served,
    // set "v=STSv1; id=<new>;", wait the TXT TTL (default 3600 s): then mode none is in effect.
    PlanProgress p = off.start();
    p = p.done(off.steps().get(0), clock.instant());
    p = p.verified(((Step.VerifyServed) off.steps().get(1)).expectedText(), clock.instant());
    p = p.done(off.steps().get(2), clock.instant());
    p.history().write(historyFile);

    // Days later: delete. The plan waits until the year-long enforce policy has left every cache.
    clock.advance(Duration.ofDays(3));
    Plan delete = Lifecycle.plan(PublicationHistory.read(historyFile, "example.com"),
        Target.deleted(), Evidence.none(), clock).orThrow();
    Step.Wait first = (Step.Wait) delete.steps().get(0);     // until <enforce stop + max_age>
    // --- end ---

    assertInstanceOf(Step.RemoveTxt.class, delete.steps().get(1));
    assertEquals(clock.instant().minus(Duration.ofDays(3)).plusSeconds(Fixtures.YEAR),
        first.until());
  }
}
