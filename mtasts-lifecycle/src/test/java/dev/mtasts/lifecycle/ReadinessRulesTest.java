package dev.mtasts.lifecycle;

import static dev.mtasts.lifecycle.Fixtures.DOMAIN;
import static dev.mtasts.lifecycle.Fixtures.YEAR;
import static dev.mtasts.lifecycle.Fixtures.enforce;
import static dev.mtasts.lifecycle.Fixtures.id;
import static dev.mtasts.lifecycle.Fixtures.testing;
import static dev.mtasts.lifecycle.LifecycleTest.CLOCK;
import static dev.mtasts.lifecycle.LifecycleTest.NOW;
import static dev.mtasts.lifecycle.LifecycleTest.WINDOW_END;
import static dev.mtasts.lifecycle.LifecycleTest.WINDOW_START;
import static dev.mtasts.lifecycle.LifecycleTest.codes;
import static dev.mtasts.lifecycle.LifecycleTest.readyEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.lifecycle.internal.Times;
import dev.mtasts.tlsrpt.KnownSenders;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.Triage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12's rules for the enforce guard and the waits, each named after what broke. */
final class ReadinessRulesTest {
  private static final Deployment TESTING_40_DAYS = Deployment.of(
      LifecycleTest.HISTORIES.get("TESTING"), NOW);

  @Test
  void failedSessionsWithoutFailureDetailsBlockAboveTheThreshold() {
    // Regression: total-failure-session-count 500 without failure-details gave READY.
    Evidence evidence = readyEvidence().withReports(ReportSummary.of(Reports.forTesting()
        .clean(WINDOW_START, WINDOW_END, 100).reports()).add(Reports.undetailedFailures(WINDOW_END, 500)));
    Readiness r = Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK,
        LifecycleOptions.defaults());
    assertEquals(List.of(Code.TOO_MANY_FAILURES), codes(r.blocking()), r.toString());
    assertTrue(r.blocking().get(0).message().contains("500 reported without failure details"),
        r.blocking().get(0)::message);
  }

  @Test
  void theFailureThresholdIsATenthOfAPercentOrTenSessions() {
    LifecycleOptions d = LifecycleOptions.defaults();
    assertEquals(10, d.failureThreshold(0));
    assertEquals(10, d.failureThreshold(10_000));
    assertEquals(11, d.failureThreshold(10_001));
    assertEquals(1000, d.failureThreshold(1_000_000));
    assertEquals(3, d.withMaxFailures(3).failureThreshold(1_000_000));
    // 10 undetailed failures on 1400 sessions stay under the default, not under --max-failures 5.
    Evidence evidence = readyEvidence().withReports(ReportSummary.of(Reports.forTesting()
        .clean(WINDOW_START, WINDOW_END, 100).reports()).add(Reports.undetailedFailures(WINDOW_END, 10)));
    assertTrue(Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK, d).ready());
    assertEquals(List.of(Code.TOO_MANY_FAILURES), codes(Readiness.assess(TESTING_40_DAYS,
        enforce(YEAR), evidence, CLOCK, d.withMaxFailures(5)).blocking()));
  }

  @Test
  void thirtyPercentFailuresNeverPassEvenWhenTriagedAsInvestigate() {
    Evidence evidence = readyEvidence().withReports(Reports.forTesting()
        .clean(WINDOW_START, WINDOW_END, 100)
        .failure(WINDOW_END, ResultType.of("some-new-type"), "192.0.2.1", "mx1.example.com", 600)
        .summary());
    Readiness r = Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK,
        LifecycleOptions.defaults());
    assertEquals(List.of(Code.TOO_MANY_FAILURES), codes(r.blocking()), r.toString());
  }

  @Test
  void policyHostingFailuresBlockBecauseEnforceWouldNotTakeEffect() {
    for (ResultType type : List.of(ResultType.STS_POLICY_FETCH_ERROR, ResultType.STS_POLICY_INVALID,
        ResultType.STS_WEBPKI_INVALID)) {
      Evidence evidence = readyEvidence().withReports(Reports.forTesting()
          .clean(WINDOW_START, WINDOW_END, 500).failure(WINDOW_END, type, "192.0.2.1", "", 2).summary());
      Readiness r = Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK,
          LifecycleOptions.defaults());
      assertEquals(List.of(Code.POLICY_HOSTING_FAILURES), codes(r.blocking()), type.wireName());
      assertTrue(r.blocking().get(0).message().contains("an enforce policy would not take effect"));
    }
  }

  @Test
  void knownSendersFailuresBlockAndUnknownOnesAreIgnorable() {
    Evidence evidence = readyEvidence().withReports(Reports.forTesting()
        .clean(WINDOW_START, WINDOW_END, 500)
        .failure(WINDOW_END, ResultType.VALIDATION_FAILURE, "203.0.113.9", "mx1.example.com", 3)
        .summary());
    LifecycleOptions plain = LifecycleOptions.defaults();
    assertEquals(List.of(Code.IGNORABLE_FAILURES),
        codes(Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK, plain).warnings()));
    LifecycleOptions owner = plain.withTriage(Triage.playbook(List.of("mx1.example.com"),
        KnownSenders.of(List.of("203.0.113.0/24"), List.of())));
    assertEquals(List.of(Code.KNOWN_SENDER_FAILURES),
        codes(Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK, owner).blocking()));
  }

  @Test
  void aLowTrafficDomainWithTenOfFourteenDaysIsReadyAndListsTheQuietDays() {
    // Regression: "a report for every one of 14 days" kept small domains in testing forever.
    Reports reports = Reports.forTesting();
    for (LocalDate day = WINDOW_START; !day.isAfter(WINDOW_END); day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() < 6) {
        reports.clean(day, day, 3);
      }
    }
    Evidence evidence = readyEvidence().withReports(reports.summary());
    Readiness r = Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK,
        LifecycleOptions.defaults());
    assertTrue(r.ready(), r.toString());
    Reason.MissingDays missing = (Reason.MissingDays) r.warnings().get(0);
    assertEquals(4, missing.days().size());
    Readiness strict = Readiness.assess(TESTING_40_DAYS, enforce(YEAR), evidence, CLOCK,
        LifecycleOptions.defaults().withMinDaysWithSessions(14));
    assertEquals(List.of(Code.TOO_FEW_DAYS_WITH_SESSIONS), codes(strict.blocking()));
  }

  @Test
  void aReportDatedInTheFarFutureNeitherMovesTheWindowNorTheVerdict() {
    // Issue 13 item 4: a report dated 9999-12-31 made readiness evaluate "as of" that day.
    ReportSummary clean = Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500).summary();
    ReportSummary withFuture = clean.add(Reports.undetailedFailures(LocalDate.parse("9999-12-31"), 50));
    Readiness before = Readiness.assess(TESTING_40_DAYS, enforce(YEAR),
        readyEvidence().withReports(clean), CLOCK, LifecycleOptions.defaults());
    Readiness after = Readiness.assess(TESTING_40_DAYS, enforce(YEAR),
        readyEvidence().withReports(withFuture), CLOCK, LifecycleOptions.defaults());
    assertEquals(before.windowEnd(), after.windowEnd());
    assertEquals(before.blocking(), after.blocking());
    assertTrue(after.ready());
    assertEquals(before.warnings(), after.warnings());
  }

  @Test
  void readinessAndPlanEnforceAgreeOnTestingTooShort() {
    // Regression: readiness had no history, so it said READY where plan enforce refused.
    Deployment recent = Deployment.of(PublicationHistory.empty(DOMAIN)
        .served(id("T1"), testing(), NOW.minus(Duration.ofDays(5))), NOW);
    Readiness r = Readiness.assess(recent, enforce(YEAR), readyEvidence(), CLOCK,
        LifecycleOptions.defaults());
    Refusal refusal = (Refusal) Lifecycle.plan(recent.history(), Target.of(enforce(YEAR)), readyEvidence(), CLOCK);
    assertEquals(codes(refusal.reasons()), codes(r.blocking()));
    assertEquals(List.of(Code.TESTING_TOO_SHORT), codes(r.blocking()));
  }

  @Test
  void deleteWaitsAreDatedFromNowNotFromTheNewestReport() {
    // Regression: the CLI planned a delete "as of" the newest report day a month back, so the
    // wait ended a month early. The library dates every wait from its clock: check the rule.
    Instant now = NOW.plus(Duration.ofDays(31));
    Deployment enforced = Deployment.of(LifecycleTest.HISTORIES.get("ENFORCE"), now);
    Plan delete = Lifecycle.plan(enforced.history(), Target.deleted(), readyEvidence(),
        Clock.fixed(now, ZoneOffset.UTC)).orThrow();
    assertFalse(delete.effectiveAt().isBefore(now.plusSeconds(YEAR)));
    assertEquals(now, delete.plannedAt());
  }

  @Test
  void withoutAHistoryDeleteAndNoneWarnLoudlyWithTheAlwaysSafeInstant() {
    // Regression: from mode none without history the plan waited one day with no warning, while an
    // earlier enforce policy with a year's max_age could still be cached.
    PublicationHistory rebuilt = PublicationHistory.empty(DOMAIN)
        .served(id("N1"), Target.modeNone().policy(), NOW);
    Evidence unknown = Evidence.none().withHistoryKnown(false);
    Plan delete = Lifecycle.plan(rebuilt, Target.deleted(), unknown, CLOCK).orThrow();
    assertEquals(List.of(Code.HISTORY_UNKNOWN), codes(delete.warnings()));
    String message = delete.warnings().get(0).message();
    assertTrue(message.contains(Times.format(NOW.plusSeconds(31_557_600))), message);
    assertTrue(message.contains("max_age 86400"), message);
    assertEquals(NOW.plusSeconds(86_400), delete.effectiveAt());

    Deployment testingNow = Deployment.of(PublicationHistory.empty(DOMAIN)
        .served(id("T1"), testing(), NOW.minus(Duration.ofDays(20))), NOW);
    Plan none = Lifecycle.plan(testingNow.history(), Target.modeNone(), unknown, CLOCK).orThrow();
    assertEquals(List.of(Code.HISTORY_UNKNOWN), codes(none.warnings()));
    Plan known = Lifecycle.plan(testingNow.history(), Target.modeNone(), Evidence.none(), CLOCK).orThrow();
    assertEquals(List.of(), known.warnings());
  }

  @Test
  void printedTimesAreToTheSecondInUtcWithTheZoneAndRoundedUp() {
    assertEquals("2026-03-01 10:00:00 UTC", Times.format(NOW));
    assertEquals("2026-03-01 10:00:01 UTC", Times.format(NOW.plusNanos(1)));
    Plan plan = Lifecycle.plan(TESTING_40_DAYS.history(), Target.modeNone(), Evidence.none(),
        Clock.fixed(NOW.plusNanos(123_456_789), ZoneOffset.UTC)).orThrow();
    assertFalse(plan.describe().matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"), plan.describe());
    assertFalse(plan.describe().contains("Target."), plan.describe());
  }
}
