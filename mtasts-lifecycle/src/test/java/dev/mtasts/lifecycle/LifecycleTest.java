package dev.mtasts.lifecycle;

import static dev.mtasts.lifecycle.Fixtures.DOMAIN;
import static dev.mtasts.lifecycle.Fixtures.TWO_WEEKS;
import static dev.mtasts.lifecycle.Fixtures.WEEK;
import static dev.mtasts.lifecycle.Fixtures.YEAR;
import static dev.mtasts.lifecycle.Fixtures.enforce;
import static dev.mtasts.lifecycle.Fixtures.id;
import static dev.mtasts.lifecycle.Fixtures.none;
import static dev.mtasts.lifecycle.Fixtures.policy;
import static dev.mtasts.lifecycle.Fixtures.testing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.PolicyIdGenerator;
import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.lifecycle.internal.Times;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class LifecycleTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final LocalDate WINDOW_START = LocalDate.parse("2026-02-15");
  static final LocalDate WINDOW_END = LocalDate.parse("2026-02-28");

  /** Histories, by the name used in the tables, each in the named state at {@link #NOW}. */
  static final Map<String, PublicationHistory> HISTORIES = Map.of(
      "ABSENT", PublicationHistory.empty(DOMAIN),
      "TESTING", PublicationHistory.empty(DOMAIN).served(id("T1"), testing(), days(-40)),
      "ENFORCE", PublicationHistory.empty(DOMAIN).served(id("T1"), testing(), days(-200))
          .served(id("E1"), enforce(YEAR), days(-100)),
      "NONE", PublicationHistory.empty(DOMAIN).served(id("T1"), testing(), days(-200))
          .served(id("E1"), enforce(YEAR), days(-100)).served(id("N1"), none(), days(-5)),
      "DELETED", PublicationHistory.empty(DOMAIN).served(id("T1"), testing(), days(-40))
          .stopped(days(-1)),
      "EXPIRED", PublicationHistory.empty(DOMAIN).served(id("T1"), testing(), days(-40))
          .stopped(days(-30)));

  static final Map<String, Target> TARGETS = Map.of(
      "TESTING", Target.of(policy(Mode.TESTING, TWO_WEEKS, "mx1.example.com", "*.mail.example.com")),
      "ENFORCE", Target.of(enforce(TWO_WEEKS)),
      "NONE", Target.modeNone(),
      "DELETED", Target.deleted());

  static Instant days(long n) {
    return NOW.plus(Duration.ofDays(n));
  }

  /** Evidence on which the enforce guard passes: 14 clean days, record, covered MX hosts. */
  static Evidence readyEvidence() {
    return Evidence.none().withTlsRpt(Reports.RECORD)
        .withReports(Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500).summary())
        .withMxHosts("mx1.example.com", "a.mail.example.com.");
  }

  static PlanResult plan(String from, Target target, Evidence evidence) {
    Deployment current = Deployment.of(HISTORIES.get(from), NOW);
    return Lifecycle.plan(current.history(), target, evidence, CLOCK);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "ABSENT,   TESTING, DEPLOY",
      "ABSENT,   ENFORCE, NOT_A_TRANSITION",
      "ABSENT,   NONE,    NOT_A_TRANSITION",
      "ABSENT,   DELETED, NOT_A_TRANSITION",
      "TESTING,  TESTING, CHANGE",
      "TESTING,  ENFORCE, ENFORCE",
      "TESTING,  NONE,    TURN_OFF",
      "TESTING,  DELETED, DELETE",
      "ENFORCE,  TESTING, ROLL_BACK",
      "ENFORCE,  ENFORCE, CHANGE",
      "ENFORCE,  NONE,    TURN_OFF",
      "ENFORCE,  DELETED, DELETE",
      "NONE,     TESTING, RE_ENABLE",
      "NONE,     ENFORCE, NOT_A_TRANSITION",
      "NONE,     NONE,    NOTHING_TO_CHANGE",
      "NONE,     DELETED, DELETE",
      "DELETED,  TESTING, DEPLOY",
      "DELETED,  ENFORCE, NOT_A_TRANSITION",
      "DELETED,  NONE,    NOT_A_TRANSITION",
      "DELETED,  DELETED, NOT_A_TRANSITION",
      "EXPIRED,  TESTING, DEPLOY",
      "EXPIRED,  DELETED, NOT_A_TRANSITION",
  })
  void decidesEveryTransition(String from, String to, String expected) {
    PlanResult result = plan(from, TARGETS.get(to), readyEvidence());
    LifecycleState fromState = from.equals("EXPIRED") ? LifecycleState.ABSENT
        : LifecycleState.valueOf(from);
    if (result instanceof Plan) {
      Plan plan = (Plan) result;
      assertEquals(Transition.valueOf(expected), plan.transition(), plan.describe());
      assertEquals(fromState, plan.from());
      assertEquals(LifecycleState.valueOf(to), plan.to());
    } else {
      Refusal refusal = (Refusal) result;
      assertEquals(List.of(Code.valueOf(expected)), codes(refusal.reasons()), refusal.toString());
      assertEquals(fromState, refusal.from());
      assertThrows(PlanRefusedException.class, refusal::orThrow);
    }
  }

  static List<Code> codes(List<Reason> reasons) {
    List<Code> codes = new ArrayList<>();
    for (Reason r : reasons) {
      codes.add(r.code());
    }
    return codes;
  }

  static Stream<Arguments> refusals() {
    LocalDate missing = LocalDate.parse("2026-02-20");
    return Stream.of(
        Arguments.of("nothing gathered", Evidence.none(), List.of(Code.TLSRPT_RECORD_MISSING,
            Code.TOO_FEW_DAYS_WITH_SESSIONS, Code.NO_RECENT_REPORTS, Code.NO_SESSIONS,
            Code.MX_HOSTS_UNKNOWN)),
        Arguments.of("no TLS-RPT record", new Evidence(null, readyEvidence().reports(),
            readyEvidence().mxHosts(), Evidence.DEFAULT_TXT_TTL, true), List.of(Code.TLSRPT_RECORD_MISSING)),
        Arguments.of("only 9 of 14 days with sessions", readyEvidence().withReports(
            Reports.forTesting().clean(WINDOW_START.plusDays(5), WINDOW_END, 500).summary()),
            List.of(Code.TOO_FEW_DAYS_WITH_SESSIONS)),
        Arguments.of("no report in the last 3 days", readyEvidence().withReports(
            Reports.forTesting().clean(WINDOW_START, WINDOW_END.minusDays(3), 500).summary()),
            List.of(Code.NO_RECENT_REPORTS)),
        Arguments.of("reports with zero sessions only", readyEvidence().withReports(
            Reports.forTesting().clean(WINDOW_START, WINDOW_END, 0).summary()),
            List.of(Code.TOO_FEW_DAYS_WITH_SESSIONS, Code.NO_SESSIONS)),
        Arguments.of("expired certificate on our MX", readyEvidence().withReports(
            Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500)
                .failure(missing, ResultType.CERTIFICATE_EXPIRED, "198.51.100.7",
                    "mx1.example.com", 3).summary()),
            List.of(Code.OUR_SIDE_FAILURES)),
        Arguments.of("policy fetch errors", readyEvidence().withReports(
            Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500)
                .failure(WINDOW_END, ResultType.STS_POLICY_FETCH_ERROR, "198.51.100.7",
                    "mx1.example.com", 1).summary()),
            List.of(Code.POLICY_HOSTING_FAILURES)),
        Arguments.of("30 % of sessions failed without failure details", readyEvidence()
            .withReports(ReportSummary.of(Reports.forTesting()
                .clean(WINDOW_START, WINDOW_END, 500).reports()).add(
                    Reports.undetailedFailures(WINDOW_END, 3000))),
            List.of(Code.TOO_MANY_FAILURES)),
        Arguments.of("MX host outside the patterns", readyEvidence()
            .withMxHosts("mx1.example.com", "backup.example.net"), List.of(Code.MX_NOT_COVERED)),
        Arguments.of("MX hosts unknown", readyEvidence().withMxHosts(List.of()),
            List.of(Code.MX_HOSTS_UNKNOWN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesEnforceWithEveryReason(String what, Evidence evidence, List<Code> expected) {
    PlanResult result = plan("TESTING", TARGETS.get("ENFORCE"), evidence);
    Refusal refusal = assertInstanceOf(Refusal.class, result);
    assertEquals(expected, codes(refusal.reasons()), refusal.toString());
    assertEquals(Readiness.Verdict.NOT_READY, refusal.readiness().verdict());
    PlanRefusedException e = assertThrows(PlanRefusedException.class, refusal::orThrow);
    for (Reason reason : refusal.reasons()) {
      assertTrue(e.getMessage().contains(reason.code().id() + ": " + reason.message()));
    }
  }

  @Test
  void namesTheMissingDaysAsWarnings() {
    Evidence evidence = readyEvidence().withReports(Reports.forTesting()
        .clean(WINDOW_START.plusDays(2), WINDOW_END.minusDays(1), 100).summary());
    Plan plan = plan("TESTING", TARGETS.get("ENFORCE"), evidence).orThrow();
    Reason.MissingDays missing = (Reason.MissingDays) plan.warnings().get(0);
    assertEquals(List.of(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-16"),
        LocalDate.parse("2026-02-28")), missing.days());
    assertTrue(missing.message().contains("3 UTC days of the window: 2026-02-15, 2026-02-16,"
        + " 2026-02-28"), missing.message());
  }

  @Test
  void listsABlockingFailureGroupWithCountsSendersAndHosts() {
    Evidence evidence = readyEvidence().withReports(Reports.forTesting()
        .clean(WINDOW_START, WINDOW_END, 500)
        .failure(LocalDate.parse("2026-02-20"), ResultType.CERTIFICATE_HOST_MISMATCH,
            "198.51.100.7", "a.mail.example.com", 30)
        .failure(LocalDate.parse("2026-02-21"), ResultType.CERTIFICATE_HOST_MISMATCH,
            "203.0.113.9", "a.mail.example.com", 5)
        .summary());
    Refusal refusal = (Refusal) plan("TESTING", TARGETS.get("ENFORCE"), evidence);
    Reason.Failures group = (Reason.Failures) refusal.reasons().get(0);
    assertEquals(Code.OUR_SIDE_FAILURES, group.code());
    assertEquals(35, group.group().failedSessions());
    assertEquals("35 failed sessions of type certificate-host-mismatch (fix on our side: the"
        + " certificate of our own MX host failed validation) on 2026-02-20, 2026-02-21;"
        + " MX hosts: a.mail.example.com (35); sending MTAs: 198.51.100.7 (30),"
        + " 203.0.113.9 (5); reported by: Sender Inc. (35)", group.message());
  }

  @Test
  void refusesAnEnforceChangeThatDropsAnMxStillInDns() {
    Target narrower = Target.of(policy(Mode.ENFORCE, YEAR, "mx1.example.com"));
    Refusal refusal = (Refusal) plan("ENFORCE", narrower, readyEvidence());
    Reason.UncoveredMxHosts reason = (Reason.UncoveredMxHosts) refusal.reasons().get(0);
    assertEquals(List.of("a.mail.example.com"), reason.hosts());
    assertEquals("MX host a.mail.example.com matches no mx pattern of the policy"
        + " (mx1.example.com); add a pattern or remove the host from the MX records",
        reason.message());
  }

  @Test
  void refusesEnforceBeforeTestingCoversTheWholeWindow() {
    PublicationHistory recent = PublicationHistory.empty(DOMAIN)
        .served(id("T1"), testing(), Instant.parse("2026-02-20T15:00:00Z"));
    Refusal refusal = (Refusal) Lifecycle.plan(recent, TARGETS.get("ENFORCE"),
        readyEvidence(), CLOCK);
    assertEquals(List.of(Code.TESTING_TOO_SHORT), codes(refusal.reasons()));
    assertTrue(refusal.reasons().get(0).message().contains("window starts on 2026-02-15"));
    assertTrue(refusal.reasons().get(0).message().endsWith("Enforce on 2026-03-07 or later"));
  }

  @Test
  void countsAnEarlierTestingPolicyAsPartOfTheTestingPeriod() {
    // A new MX list in testing five days ago does not restart the clock.
    PublicationHistory changed = HISTORIES.get("TESTING")
        .served(id("T2"), policy(Mode.TESTING, WEEK, "mx1.example.com", "*.mail.example.com",
            "mx9.example.net"), days(-5));
    assertFalse(Lifecycle.plan(changed, TARGETS.get("ENFORCE"),
        readyEvidence(), CLOCK).refused());
    // But a testing period interrupted by mode none does restart it.
    PublicationHistory interrupted = HISTORIES.get("TESTING")
        .served(id("N1"), none(), days(-6)).served(id("T2"), testing(), days(-5));
    assertTrue(Lifecycle.plan(interrupted, TARGETS.get("ENFORCE"),
        readyEvidence(), CLOCK).refused());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"TESTING", "ENFORCE"})
  void refusesToRepublishTheServedPolicy(String state) {
    Target same = Target.of(HISTORIES.get(state).current().orElseThrow().policy());
    Refusal refusal = (Refusal) plan(state, same, readyEvidence());
    assertEquals(List.of(Code.NOTHING_TO_CHANGE), codes(refusal.reasons()));
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("short max_age", "TESTING", Target.of(enforce(86_400)), readyEvidence(),
            Code.SHORT_MAX_AGE),
        Arguments.of("no STARTTLS from one sender", "TESTING", TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500)
                .failure(WINDOW_END, ResultType.STARTTLS_NOT_SUPPORTED, "198.51.100.7",
                    "mx1.example.com", 1).summary()), Code.FAILURES_TO_INVESTIGATE),
        Arguments.of("validation failures from an unknown sender", "TESTING",
            TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500)
                .failure(WINDOW_END, ResultType.VALIDATION_FAILURE, "198.51.100.7",
                    "mx1.example.com", 1).summary()), Code.IGNORABLE_FAILURES),
        Arguments.of("a day without reports", "TESTING", TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting()
                .clean(WINDOW_START, WINDOW_START.plusDays(4), 500)
                .clean(WINDOW_START.plusDays(6), WINDOW_END, 500).summary()),
            Code.REPORT_DAYS_MISSING),
        Arguments.of("failures on a foreign MX", "TESTING", TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting().clean(WINDOW_START, WINDOW_END, 500)
                .failure(WINDOW_END, ResultType.CERTIFICATE_EXPIRED, "198.51.100.7",
                    "mx.other.example", 1).summary()), Code.FAILURES_TO_INVESTIGATE),
        Arguments.of("many failures", "TESTING", TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting().clean(WINDOW_START, WINDOW_END, 10)
                .failure(WINDOW_END, ResultType.VALIDATION_FAILURE, "198.51.100.7",
                    "mx1.example.com", 40).summary()), Code.HIGH_FAILURE_RATE),
        Arguments.of("a day with a report but no session", "TESTING", TARGETS.get("ENFORCE"),
            readyEvidence().withReports(Reports.forTesting()
                .clean(WINDOW_START, WINDOW_END.minusDays(1), 100)
                .clean(WINDOW_END, WINDOW_END, 0).summary()), Code.DAYS_WITHOUT_SESSIONS),
        Arguments.of("deploy without TLS-RPT", "ABSENT", TARGETS.get("TESTING"), Evidence.none(),
            Code.TLSRPT_RECORD_MISSING),
        Arguments.of("testing policy missing an MX", "TESTING",
            Target.of(policy(Mode.TESTING, WEEK, "mx1.example.com")), readyEvidence(),
            Code.MX_NOT_COVERED),
        Arguments.of("delete a year-long enforce", "ENFORCE", Target.deleted(), Evidence.none(),
            Code.CACHED_POLICIES_FAR_OFF));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void warnsWithoutRefusing(String what, String from, Target target, Evidence evidence,
      Code expected) {
    Plan plan = plan(from, target, evidence).orThrow();
    assertTrue(codes(plan.warnings()).contains(expected), plan.describe());
  }

  @Test
  void readyEvidenceGivesAPlanWithoutWarnings() {
    Plan plan = plan("TESTING", TARGETS.get("ENFORCE"), readyEvidence()).orThrow();
    assertEquals(List.of(), plan.warnings());
    assertEquals(Readiness.Verdict.READY, plan.readiness().verdict());
    assertEquals(WINDOW_START, plan.readiness().windowStart());
    assertEquals(WINDOW_END, plan.readiness().windowEnd());
  }

  @Test
  void ordersUploadVerifyTxtWaitWithTheExactArtifacts() {
    Evidence evidence = readyEvidence().withTxtTtl(Duration.ofMinutes(5));
    Plan plan = plan("TESTING", TARGETS.get("ENFORCE"), evidence).orThrow();
    List<Step> steps = plan.steps();
    assertEquals(4, steps.size());
    String text = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\n"
        + "mx: *.mail.example.com\r\nmax_age: 1209600\r\n";
    String url = "https://mta-sts.example.com/.well-known/mta-sts.txt";
    assertEquals(new Step.UploadPolicy(url, text), steps.get(0));
    assertEquals(new Step.VerifyServed(url, text), steps.get(1));
    Step.PublishTxt txt = (Step.PublishTxt) steps.get(2);
    assertEquals("_mta-sts.example.com", txt.name());
    assertEquals("20260301100000", txt.id().value());
    assertEquals("v=STSv1; id=20260301100000;", txt.value());
    assertEquals(id("T1"), txt.replaces());
    Step.Wait wait = (Step.Wait) steps.get(3);
    assertEquals(NOW.plus(Duration.ofMinutes(5)), wait.until());
    assertEquals(wait.until(), plan.effectiveAt());
    assertTrue(wait.reason().contains("TTL (300 s)"), wait.reason());
    assertTrue(wait.instruction().startsWith("Wait until 2026-03-01 10:05:00 UTC: "));
    assertEquals(enforce(TWO_WEEKS), plan.policy());
    assertEquals(txt.id(), plan.id());
  }

  @Test
  void turnsOffWithTheDocumentedModeNonePolicy() {
    Plan plan = plan("ENFORCE", Target.modeNone(), Evidence.none()).orThrow();
    Step.UploadPolicy upload = (Step.UploadPolicy) plan.steps().get(0);
    assertEquals("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n", upload.policyText());
    assertEquals(NOW.plus(Evidence.DEFAULT_TXT_TTL), plan.effectiveAt());
    Step.Wait wait = (Step.Wait) plan.steps().get(3);
    // The enforce policy stops being served now and may stay cached for its year-long max_age.
    assertTrue(wait.reason().contains("until " + Times.format(NOW.plusSeconds(YEAR))), wait.reason());
  }

  @Test
  void documentedTurnOffHasNoWarnings() {
    assertEquals(List.of(), plan("TESTING", Target.modeNone(), Evidence.none()).orThrow().warnings());
    assertEquals(List.of(), plan("ENFORCE", Target.modeNone(), Evidence.none()).orThrow().warnings());
  }

  @Test
  void turnOffWithAYearLongMaxAgeAndMxWarnsThatALaterDeleteWaitsAYear() {
    // Regression: TESTING -> mode none with max_age 31557600 and an mx line gave a plan with no
    // warning, and the later delete then waited a year for the none policy to expire.
    MtaStsPolicy yearLongNone = policy(Mode.NONE, YEAR, "mx1.example.com");
    Plan plan = plan("TESTING", Target.of(yearLongNone), Evidence.none()).orThrow();
    assertEquals(List.of(Code.NONE_MAX_AGE_ABOVE_ONE_DAY, Code.NONE_WITH_MX),
        plan.warnings().stream().map(Reason::code).toList());
    // The testing policy (max_age one week) stops being served now: the earliest deletion of the
    // none policy is a week from now, and it is complete only a year after that.
    Instant earliestRemoval = NOW.plusSeconds(WEEK);
    String maxAge = plan.warnings().get(0).message();
    assertTrue(maxAge.contains("max_age 31557600") && maxAge.contains("86400"), maxAge);
    assertTrue(maxAge.contains("removed at the earliest, " + Times.format(earliestRemoval)
        + ", not before " + Times.format(earliestRemoval.plusSeconds(YEAR)) + " instead of "
        + Times.format(earliestRemoval.plusSeconds(86_400))), maxAge);
    String mx = plan.warnings().get(1).message();
    assertTrue(mx.contains("1 mx pattern") && mx.contains("no mx lines"), mx);

    // What the warning predicts: deleting as early as possible completes a year later.
    PublicationHistory published = HISTORIES.get("TESTING").served(plan.id(), yearLongNone, NOW);
    Plan delete = Lifecycle.plan(published, Target.deleted(),
        Evidence.none(), Clock.fixed(earliestRemoval, ZoneOffset.UTC)).orThrow();
    assertEquals(earliestRemoval.plusSeconds(YEAR), delete.effectiveAt());
  }

  @Test
  void changeWithinModeNoneAlsoWarnsAboutALongMaxAge() {
    Plan plan = plan("NONE", Target.of(policy(Mode.NONE, 2 * 86_400L)), Evidence.none()).orThrow();
    assertEquals(Transition.CHANGE, plan.transition());
    assertEquals(List.of(Code.NONE_MAX_AGE_ABOVE_ONE_DAY),
        plan.warnings().stream().map(Reason::code).toList());
  }

  @Test
  void refusesAnIdGeneratorThatReturnsAnIdSendersWouldIgnore() {
    // Regression: a lenient id (allowed by the PolicyId constructor) became the TXT record value
    // "v=STSv1; id=abc-123;", which strict senders ignore.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Lifecycle.plan(HISTORIES.get("TESTING"), Target.modeNone(),
            Evidence.none(), CLOCK, LifecycleOptions.defaults(), current -> new PolicyId("abc-123")));
    assertTrue(e.getMessage().contains("abc-123") && e.getMessage().contains("RFC 8461 §3.1"),
        e::getMessage);
  }

  @Test
  void deletesARecordWhoseRecordedIdIsNotRfcCompliant() {
    PublicationHistory history = PublicationHistory.empty(DOMAIN)
        .served(new PolicyId("abc-123"), testing(), days(-40));
    Plan plan = Lifecycle.plan(history, Target.deleted(), Evidence.none(),
        CLOCK).orThrow();
    assertEquals(new Step.RemoveTxt("_mta-sts.example.com", "v=STSv1; id=abc-123;"),
        plan.steps().get(0));
  }

  @Test
  void deletesFromEnforceAfterTheLongestCachedPolicy() {
    Plan plan = plan("ENFORCE", Target.deleted(), Evidence.none()).orThrow();
    assertEquals(List.of(Step.RemoveTxt.class, Step.RemovePolicyFile.class, Step.Wait.class),
        plan.steps().stream().map(Object::getClass).toList());
    assertEquals(new Step.RemoveTxt("_mta-sts.example.com", "v=STSv1; id=E1;"),
        plan.steps().get(0));
    assertEquals(NOW.plusSeconds(YEAR), plan.effectiveAt());
    assertNull(plan.policy());
    assertNull(plan.id());
    Reason warning = plan.warnings().get(0);
    assertEquals(Code.CACHED_POLICIES_FAR_OFF, warning.code());
    assertTrue(warning.message().contains("until " + Times.format(NOW.plusSeconds(YEAR))
        + " (365 days from now)"), warning.message());
    assertTrue(warning.message().contains("Publish mode none first"), warning.message());
  }

  @Test
  void deletesFromNoneOnlyAfterEveryEarlierPolicyExpired() {
    Plan plan = plan("NONE", Target.deleted(), Evidence.none()).orThrow();
    List<Step> steps = plan.steps();
    Instant enforceExpiry = days(-5).plusSeconds(YEAR);
    assertEquals(new Step.Wait(enforceExpiry, Duration.ZERO,
        ((Step.Wait) steps.get(0)).reason()), steps.get(0));
    assertInstanceOf(Step.RemoveTxt.class, steps.get(1));
    assertInstanceOf(Step.RemovePolicyFile.class, steps.get(2));
    assertEquals(enforceExpiry.plusSeconds(86_400), ((Step.Wait) steps.get(3)).until());
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void deletesFromNoneAtOnceWhenEarlierPoliciesExpired() {
    PublicationHistory history = PublicationHistory.empty(DOMAIN)
        .served(id("T1"), testing(), days(-100)).served(id("N1"), none(), days(-60));
    Plan plan = Lifecycle.plan(history, Target.deleted(), Evidence.none(),
        CLOCK).orThrow();
    assertInstanceOf(Step.RemoveTxt.class, plan.steps().get(0));
    assertEquals(NOW.plusSeconds(86_400), plan.effectiveAt());
  }

  @Test
  void neverReusesAnIdOfTheHistory() {
    // The deleted history used T1; a generator that offers T1 again must be stepped past it,
    // since a sender still holding the T1 policy would not fetch again (RFC 8461 §3.1).
    PublicationHistory history = HISTORIES.get("DELETED");
    PolicyIdGenerator sticky = current -> current == null ? id("T1")
        : current.value().equals("T1") ? id("T2") : id("T3");
    Plan plan = Lifecycle.plan(history, TARGETS.get("TESTING"),
        Evidence.none(), CLOCK, LifecycleOptions.defaults(), sticky).orThrow();
    assertEquals(id("T2"), plan.id());
    assertThrows(IllegalStateException.class, () -> Lifecycle.plan(history,
        TARGETS.get("TESTING"), Evidence.none(), CLOCK, LifecycleOptions.defaults(),
        current -> id("T1")));
  }

  @Test
  void refusesAClockBehindTheHistory() {
    Deployment current = Deployment.of(HISTORIES.get("TESTING"), NOW);
    Clock early = Clock.fixed(days(-41), ZoneOffset.UTC);
    assertThrows(IllegalArgumentException.class,
        () -> Lifecycle.plan(current.history(), TARGETS.get("ENFORCE"), readyEvidence(), early));
  }

  @Test
  void derivesTheDeploymentState() {
    assertEquals(LifecycleState.DELETED, Deployment.of(HISTORIES.get("DELETED"), NOW).state());
    assertEquals(LifecycleState.ABSENT, Deployment.of(HISTORIES.get("DELETED"), days(6)).state());
    assertEquals(LifecycleState.ABSENT, Deployment.of(HISTORIES.get("EXPIRED"), NOW).state());
    assertEquals(LifecycleState.NONE, Deployment.of(HISTORIES.get("NONE"), NOW).state());
    assertThrows(IllegalArgumentException.class,
        () -> new Deployment(LifecycleState.ENFORCE, HISTORIES.get("TESTING"), NOW));
    assertEquals(DOMAIN, Deployment.of(HISTORIES.get("NONE"), NOW).domain());
    assertFalse(Deployment.of(HISTORIES.get("ABSENT"), NOW).current().isPresent());
  }

  @Test
  void validatesTargets() {
    assertThrows(IllegalArgumentException.class, () -> new Target(LifecycleState.ABSENT, null));
    assertThrows(IllegalArgumentException.class,
        () -> new Target(LifecycleState.ENFORCE, testing()));
    assertThrows(IllegalArgumentException.class,
        () -> new Target(LifecycleState.DELETED, testing()));
    assertEquals(none(), Target.modeNone().policy());
    assertEquals(List.of(), Target.modeNone().policy().mx());
    assertEquals(86_400, Target.modeNone().policy().maxAge());
  }

  @Test
  void validatesOptions() {
    assertEquals(14, LifecycleOptions.defaults().windowDays());
    assertEquals(21, LifecycleOptions.defaults().withWindowDays(21).windowDays());
    assertThrows(IllegalArgumentException.class,
        () -> LifecycleOptions.defaults().withWindowDays(0));
    assertThrows(IllegalArgumentException.class,
        () -> LifecycleOptions.defaults().withMaxFailureRate(1.5));
    assertThrows(IllegalArgumentException.class,
        () -> LifecycleOptions.defaults().withFarOffDeletion(Duration.ofDays(-1)));
  }

  @Test
  void appliesAConfiguredWindow() {
    // Seven clean days suffice with a seven-day window, not with the default.
    Evidence week = readyEvidence().withReports(Reports.forTesting()
        .clean(WINDOW_END.minusDays(6), WINDOW_END, 100).summary());
    Deployment current = Deployment.of(HISTORIES.get("TESTING"), NOW);
    assertTrue(Lifecycle.plan(current.history(), TARGETS.get("ENFORCE"), week, CLOCK).refused());
    assertFalse(Lifecycle.plan(current.history(), TARGETS.get("ENFORCE"), week, CLOCK,
        LifecycleOptions.defaults().withWindowDays(7)).refused());
  }

  @Test
  void normalizesEvidence() {
    Evidence e = Evidence.none().withMxHosts("MX1.Example.COM.", "mx1.example.com");
    assertEquals(List.of("mx1.example.com"), e.mxHosts());
    assertThrows(IllegalArgumentException.class, () -> Evidence.none().withMxHosts("."));
    assertThrows(IllegalArgumentException.class,
        () -> Evidence.none().withTxtTtl(Duration.ofSeconds(-1)));
  }

  @Test
  void givesStableReasonCodes() {
    assertEquals("report-days-missing", Code.REPORT_DAYS_MISSING.id());
    assertEquals("our-side-failures", Code.OUR_SIDE_FAILURES.id());
    assertEquals("out-of-order", PlanStepException.Code.OUT_OF_ORDER.id());
  }
}
