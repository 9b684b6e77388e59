package dev.mtasts.lifecycle;

import static dev.mtasts.lifecycle.Fixtures.DOMAIN;
import static dev.mtasts.lifecycle.Fixtures.TWO_WEEKS;
import static dev.mtasts.lifecycle.Fixtures.YEAR;
import static dev.mtasts.lifecycle.Fixtures.enforce;
import static dev.mtasts.lifecycle.Fixtures.testing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle as a person follows it: plan, do each step when the fake clock says so, save the
 * history, come back days later.
 */
final class LifecycleScenarioTest {
  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");

  private Path historyFile() {
    return dir.resolve("example.com.history.json");
  }

  private Deployment load() {
    return Deployment.of(PublicationHistory.read(historyFile(), DOMAIN), clock.instant());
  }

  /** Follows every step of the plan the way a careful person does, saving after each step. */
  private PlanProgress follow(Plan plan) {
    PlanProgress progress = plan.start();
    while (!progress.finished()) {
      Step step = progress.next().orElseThrow();
      if (step instanceof Step.VerifyServed) {
        clock.advance(Duration.ofMinutes(2));
        progress = progress.verified(((Step.VerifyServed) step).expectedText(), clock.instant());
      } else if (step instanceof Step.Wait) {
        Instant end = progress.waitEndsAt().orElseThrow();
        if (end.isAfter(clock.instant())) {
          Instant tooEarly = clock.instant();
          PlanProgress before = progress;
          PlanStepException e = assertThrows(PlanStepException.class,
              () -> before.done(step, tooEarly));
          assertEquals(PlanStepException.Code.WAIT_NOT_OVER, e.code());
          clock.set(end);
        }
        progress = progress.done(step, clock.instant());
      } else {
        clock.advance(Duration.ofMinutes(3));
        progress = progress.done(step, clock.instant());
      }
      progress.history().write(historyFile());
    }
    return progress;
  }

  @Test
  void deploysTestingThenFlipsToEnforceAfterTwoCleanWeeks() {
    Evidence dns = Evidence.none().withTlsRpt(Reports.RECORD)
        .withMxHosts("mx1.example.com.", "b.mail.example.com.").withTxtTtl(Duration.ofMinutes(10));

    Plan deploy = Lifecycle.plan(load().history(), Target.of(testing()), dns, clock).orThrow();
    assertEquals(Transition.DEPLOY, deploy.transition());
    assertEquals(List.of(), deploy.warnings());
    follow(deploy);
    assertEquals(LifecycleState.TESTING, load().state());
    Instant testingSince = load().current().orElseThrow().from();

    // Day 3: too early, the enforce guard lists what is missing.
    clock.advance(Duration.ofDays(3));
    LocalDate firstDay = LocalDate.ofInstant(testingSince, ZoneOffset.UTC);
    Evidence early = dns.withReports(Reports.forTesting()
        .clean(firstDay, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1), 800)
        .summary());
    Refusal refused = (Refusal) Lifecycle.plan(load().history(), Target.of(enforce(TWO_WEEKS)), early, clock);
    assertEquals(List.of(Reason.Code.TESTING_TOO_SHORT, Reason.Code.TOO_FEW_DAYS_WITH_SESSIONS),
        LifecycleTest.codes(refused.reasons()));
    assertTrue(refused.reasons().get(0).message().endsWith("Enforce on 2026-01-20 or later"),
        refused.reasons().get(0).message());
    assertEquals(11, ((Reason.MissingDays) refused.readiness().warnings().get(0)).days().size());

    // Day 16: two full weeks reported, clean.
    clock.advance(Duration.ofDays(13));
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    Evidence ready = dns.withReports(Reports.forTesting().clean(firstDay, yesterday, 800).summary());
    Plan flip = Lifecycle.plan(load().history(), Target.of(enforce(TWO_WEEKS)), ready, clock).orThrow();
    assertEquals(Transition.ENFORCE, flip.transition());
    assertEquals(Readiness.Verdict.READY, flip.readiness().verdict());
    PlanProgress done = follow(flip);

    PublicationHistory history = PublicationHistory.read(historyFile(), DOMAIN);
    assertEquals(done.history(), history);
    assertEquals(2, history.entries().size());
    ServedPolicy oldTesting = history.entries().get(0);
    ServedPolicy nowEnforce = history.entries().get(1);
    assertEquals(oldTesting.until(), nowEnforce.from());
    assertEquals(flip.id(), nowEnforce.id());
    assertNotEquals(oldTesting.id(), nowEnforce.id());
    assertEquals(LifecycleState.ENFORCE, load().state());
  }

  @Test
  void refusesToChangeTheIdBeforeTheNewFileIsServed() {
    PublicationHistory start = PublicationHistory.empty(DOMAIN)
        .served(PolicyId.of("T1"), testing(), clock.instant());
    start.write(historyFile());
    clock.advance(Duration.ofDays(20));
    MtaStsPolicy wider = MtaStsPolicy.of(Mode.TESTING, TWO_WEEKS, List.of(
        dev.mtasts.policy.MxPattern.parse("mx1.example.com"),
        dev.mtasts.policy.MxPattern.parse("*.mail.example.com"),
        dev.mtasts.policy.MxPattern.parse("mx2.example.net")));
    Plan plan = Lifecycle.plan(load().history(), Target.of(wider), Evidence.none(), clock).orThrow();
    Step upload = plan.steps().get(0);
    Step txt = plan.steps().get(2);
    PlanProgress progress = plan.start();

    // The trap: bump the id first. The checklist will not let it happen.
    Instant t = clock.instant();
    PlanStepException first = assertThrows(PlanStepException.class, () -> plan.start().done(txt, t));
    assertEquals(PlanStepException.Code.OUT_OF_ORDER, first.code());
    assertTrue(first.getMessage().contains("step 3 cannot be done yet; step 1 comes first"),
        first.getMessage());

    progress = progress.done(upload, clock.instant());
    // Uploaded, but a CDN still serves the old file: still not allowed.
    PlanProgress uploaded = progress;
    PlanStepException txtTooSoon = assertThrows(PlanStepException.class,
        () -> uploaded.done(txt, t));
    assertEquals(PlanStepException.Code.OUT_OF_ORDER, txtTooSoon.code());
    PlanStepException stale = assertThrows(PlanStepException.class,
        () -> uploaded.verified(testing().toText(), clock.instant()));
    assertEquals(PlanStepException.Code.NOT_SERVED, stale.code());
    assertTrue(stale.getMessage().contains("still serves the old policy (id T1)"),
        stale.getMessage());
    PlanStepException html = assertThrows(PlanStepException.class,
        () -> uploaded.verified("<html>404</html>", clock.instant()));
    assertEquals(PlanStepException.Code.NOT_SERVED, html.code());
    assertEquals(start, uploaded.history(), "nothing recorded before the file is served");

    // Ten minutes later the new file is served (with LF line ends: same policy for senders).
    clock.advance(Duration.ofMinutes(10));
    Instant servedAt = clock.instant();
    progress = progress.verified(wider.toText(dev.mtasts.policy.LineEnding.LF), servedAt);
    assertEquals(servedAt, progress.history().entries().get(0).until());
    assertEquals(plan.id(), progress.history().current().orElseThrow().id());
    progress = progress.done(txt, clock.instant());
    assertInstanceOf(Step.Wait.class, progress.next().orElseThrow());
  }

  @Test
  void turnsOffWithModeNoneThenDeletesOnceTheYearLongPolicyExpired() {
    PublicationHistory.empty(DOMAIN)
        .served(PolicyId.of("T1"), testing(), clock.instant())
        .served(PolicyId.of("E1"), enforce(YEAR), clock.instant().plus(Duration.ofDays(30)))
        .write(historyFile());
    clock.advance(Duration.ofDays(100));

    Evidence dns = Evidence.none().withTxtTtl(Duration.ofSeconds(300));
    Plan off = Lifecycle.plan(load().history(), Target.modeNone(), dns, clock).orThrow();
    assertEquals(Transition.TURN_OFF, off.transition());
    follow(off);
    Deployment afterOff = load();
    assertEquals(LifecycleState.NONE, afterOff.state());
    Instant enforceStopped = afterOff.history().entries().get(1).until();
    Instant enforceExpiry = enforceStopped.plusSeconds(YEAR);

    // Plans made on different days agree on when the enforce policy is gone from every cache.
    clock.advance(Duration.ofDays(3));
    Plan early = Lifecycle.plan(load().history(), Target.deleted(), dns, clock).orThrow();
    clock.advance(Duration.ofDays(40));
    Plan later = Lifecycle.plan(load().history(), Target.deleted(), dns, clock).orThrow();
    assertEquals(enforceExpiry, ((Step.Wait) early.steps().get(0)).until());
    assertEquals(enforceExpiry, ((Step.Wait) later.steps().get(0)).until());

    // The TXT record cannot go before that instant.
    PlanProgress progress = later.start();
    Step wait = progress.next().orElseThrow();
    Instant t = clock.instant();
    PlanProgress waiting = progress;
    assertThrows(PlanStepException.class, () -> waiting.done(later.steps().get(1), t));
    assertThrows(PlanStepException.class, () -> waiting.done(wait, t));
    follow(later);
    // The last wait ended when the mode none policy could no longer be cached anywhere.
    assertEquals(LifecycleState.ABSENT, load().state());
    Instant end = later.steps().get(3) instanceof Step.Wait last ? last.until() : null;
    assertEquals(enforceExpiry.plusSeconds(86_400), end);
    assertEquals(LifecycleState.DELETED,
        Deployment.of(load().history(), end.minusSeconds(1)).state());
  }

  @Test
  void deletesWhileAYearLongEnforcePolicyMayStillBeCached() {
    PublicationHistory.empty(DOMAIN)
        .served(PolicyId.of("E0"), enforce(YEAR), clock.instant())
        .served(PolicyId.of("E1"), enforce(TWO_WEEKS), clock.instant().plus(Duration.ofDays(60)))
        .write(historyFile());
    clock.advance(Duration.ofDays(90));
    Instant plannedAt = clock.instant();
    // The current policy has a two-week max_age, but the previous one had a year: it counts.
    Instant yearLongExpiry = clock.instant().minus(Duration.ofDays(30)).plusSeconds(YEAR);

    Plan delete = Lifecycle.plan(load().history(), Target.deleted(), Evidence.none(), clock).orThrow();
    assertEquals(yearLongExpiry, delete.effectiveAt());
    Reason warning = delete.warnings().get(0);
    assertEquals(Reason.Code.CACHED_POLICIES_FAR_OFF, warning.code());
    assertTrue(warning.message().contains("id E0"), warning.message());

    // The person removes the TXT record now and the file two days later.
    PlanProgress progress = delete.start();
    progress = progress.done(delete.steps().get(0), clock.instant());
    clock.advance(Duration.ofDays(2));
    progress = progress.done(delete.steps().get(1), clock.instant());
    progress.history().write(historyFile());
    assertEquals(LifecycleState.DELETED, load().state());
    assertEquals(yearLongExpiry, progress.waitEndsAt().orElseThrow());
    assertEquals(yearLongExpiry, load().history().cacheExpiry().orElseThrow());
    assertTrue(yearLongExpiry.isAfter(plannedAt.plus(Duration.ofDays(300))));

    clock.set(yearLongExpiry.minusSeconds(1));
    assertEquals(LifecycleState.DELETED, load().state());
    assertTrue(Lifecycle.plan(load().history(), Target.deleted(), Evidence.none(), clock).refused());
    clock.set(yearLongExpiry);
    progress = progress.done(delete.steps().get(2), clock.instant());
    assertTrue(progress.finished());
    assertEquals(LifecycleState.ABSENT, load().state());
    PlanProgress finished = progress;
    PlanStepException e = assertThrows(PlanStepException.class,
        () -> finished.done(delete.steps().get(2), clock.instant()));
    assertEquals(PlanStepException.Code.FINISHED, e.code());
  }

  @Test
  void shiftsTheDeleteWaitWhenTheFileIsRemovedLate() {
    PublicationHistory.empty(DOMAIN).served(PolicyId.of("E1"), enforce(TWO_WEEKS), clock.instant())
        .write(historyFile());
    clock.advance(Duration.ofDays(30));
    Plan delete = Lifecycle.plan(load().history(), Target.deleted(), Evidence.none(), clock).orThrow();
    assertEquals(clock.instant().plusSeconds(TWO_WEEKS), delete.effectiveAt());
    assertFalse(delete.warnings().isEmpty(), "two weeks is beyond the default 7-day threshold");
    PlanProgress progress = delete.start().done(delete.steps().get(0), clock.instant());
    clock.advance(Duration.ofDays(5));
    progress = progress.done(delete.steps().get(1), clock.instant());
    // The file was served five more days, so caches may hold it five days longer.
    assertEquals(clock.instant().plusSeconds(TWO_WEEKS), progress.waitEndsAt().orElseThrow());
  }

  @Test
  void refusesMisuseOfTheChecklist() {
    PublicationHistory.empty(DOMAIN).served(PolicyId.of("T1"), testing(), clock.instant())
        .write(historyFile());
    clock.advance(Duration.ofDays(1));
    MtaStsPolicy longer = Fixtures.policy(Mode.TESTING, TWO_WEEKS, "mx1.example.com");
    Plan plan = Lifecycle.plan(load().history(), Target.of(longer), Evidence.none(), clock).orThrow();
    PlanProgress progress = plan.start();
    Instant t = clock.instant();
    PlanStepException notVerify = assertThrows(PlanStepException.class,
        () -> progress.verified("x", t));
    assertEquals(PlanStepException.Code.OUT_OF_ORDER, notVerify.code());
    PlanProgress uploaded = progress.done(plan.steps().get(0), t);
    PlanStepException verifyWithoutBody = assertThrows(PlanStepException.class,
        () -> uploaded.done(plan.steps().get(1), t));
    assertTrue(verifyWithoutBody.getMessage().contains("pass the body to verified()"));
    PlanStepException foreign = assertThrows(PlanStepException.class,
        () -> uploaded.done(new Step.RemovePolicyFile("https://x.example/"), t));
    assertTrue(foreign.getMessage().contains("not part of the plan"), foreign.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> uploaded.verified(longer.toText(), t.minusSeconds(1)));
    assertEquals(1, uploaded.doneCount());
    assertEquals(plan, uploaded.plan());
  }
}
