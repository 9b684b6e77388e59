package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.internal.DayCell;
import dev.mtasts.tlsrpt.internal.DomainState;
import dev.mtasts.tlsrpt.internal.FailureCell;
import dev.mtasts.tlsrpt.internal.FailureKey;
import dev.mtasts.tlsrpt.internal.PolicyCell;
import dev.mtasts.tlsrpt.internal.SummaryState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Regression tests for issue 12 items 3 and 5 and issue 13 items 2, 3, 5 and 9 (library side). */
final class SummaryEvidenceTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final long MAX = (1L << 53) - 1;

  private static ReportSummary.Accumulator acc() {
    return ReportSummary.newAccumulator(SummaryLimits.DEFAULT, NOW);
  }

  private static TlsRptReport report(String id, String start, String end, PolicyResult... p) {
    return TlsRptReport.of("Org", new DateRange(Instant.parse(start), Instant.parse(end)),
        "r@example.org", id, List.of(p));
  }

  private static TlsRptReport day(String id, String day, PolicyResult... p) {
    return TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse(day)), "r@example.org", id,
        List.of(p));
  }

  private static PolicyResult sts(String domain, long ok, long failed, FailureDetail... details) {
    return PolicyResult.of(PolicyType.STS, List.of("version: STSv1", "mode: testing",
        "mx: mx." + domain, "max_age: 86400"), domain, List.of("mx." + domain), ok, failed,
        List.of(details));
  }

  // ---- issue 12 item 3: failed sessions without failure-details are evidence ----

  @Test
  void failedSessionsWithoutFailureDetailsFormTheirOwnGroup() {
    ReportSummary.Accumulator a = acc();
    a.add(day("1", "2026-11-20", sts("example.com", 1000, 500)));
    DomainSummary d = a.snapshot().domain("example.com");
    assertEquals(new SessionCounts(1000, 500), d.sessions());
    List<FailureGroup> groups = d.failureGroups();
    assertEquals(1, groups.size(), groups::toString);
    FailureGroup g = groups.get(0);
    assertEquals(ResultType.FAILURES_WITHOUT_DETAILS, g.resultType());
    assertEquals(500, g.failedSessions());
    assertEquals(TriageClass.INVESTIGATE, g.triage());
    assertEquals(Map.of(ResultType.FAILURES_WITHOUT_DETAILS, 500L), d.byResultType());
  }

  @Test
  void onlyTheUndetailedRemainderOfFailedSessionsFormsTheGroup() {
    ReportSummary.Accumulator a = acc();
    a.add(day("1", "2026-11-20", sts("example.com", 10, 10,
        FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 4))));
    Map<ResultType, Long> by = a.snapshot().domain("example.com").byResultType();
    assertEquals(Map.of(ResultType.CERTIFICATE_EXPIRED, 4L, ResultType.FAILURES_WITHOUT_DETAILS, 6L), by);
  }

  @Test
  void failuresWithoutDetailsIsNoWireValue() {
    ResultType wire = ResultType.of("failures-without-details");
    assertFalse(wire.equals(ResultType.FAILURES_WITHOUT_DETAILS));
    assertFalse(ResultType.FAILURES_WITHOUT_DETAILS.isKnown());
    assertFalse(ResultType.knownValues().contains(ResultType.FAILURES_WITHOUT_DETAILS));
    assertEquals(ResultType.Category.NOT_REPORTED, ResultType.FAILURES_WITHOUT_DETAILS.category());
  }

  // ---- issue 12 item 5: multi-day reports count on the days they cover ----

  @Test
  void weeklyReportCountsInEveryWindowItOverlaps() {
    ReportSummary.Accumulator a = acc();
    a.add(report("w", "2026-11-09T00:00:00Z", "2026-11-19T23:59:59Z", sts("example.com", 77, 0)));
    ReportSummary s = a.snapshot();
    DomainSummary all = s.domain("example.com");
    assertEquals(77, all.sessions().total());
    assertEquals(11, all.daysWithSessions().size());
    assertTrue(all.days().values().stream().allMatch(DaySummary::estimated));
    assertEquals(new SessionCounts(7, 0), all.days().get(LocalDate.parse("2026-11-12")).sessions());
    // --since 2026-11-10 must not drop it: the window gets the share of its ten days.
    DomainSummary w = s.domain("example.com", LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-23"));
    assertEquals(new SessionCounts(70, 0), w.sessions());
    assertEquals(10, w.daysWithSessions().size());
    assertEquals(LocalDate.parse("2026-11-19"), w.lastCoveredDay().orElseThrow());
    assertEquals(List.of(new DayRange(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-23"))),
        w.uncoveredDays());
    assertEquals(new DayRange(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-23")),
        w.span().orElseThrow());
  }

  @Test
  void aDayIsNeverCoveredWithSessionsByAReportThatSaysNothingAboutIt() {
    ReportSummary.Accumulator a = acc();
    // 3 sessions over 7 days: 3 days get one each, 4 get none; none gets a made-up session.
    a.add(report("w", "2026-11-01T00:00:00Z", "2026-11-08T00:00:00Z", sts("example.com", 3, 0)));
    a.add(day("d", "2026-11-10", sts("example.com", 5, 0)));
    DomainSummary d = a.snapshot().domain("example.com");
    assertEquals(4, d.daysWithSessions().size(), d.days()::toString);
    assertEquals(8, d.coveredDays().size());
    assertEquals(List.of(new DayRange(LocalDate.parse("2026-11-08"), LocalDate.parse("2026-11-09"))),
        d.uncoveredDays());
    long without = d.daysWithoutSessions().stream().mapToLong(DayRange::days).sum();
    assertEquals(10 - 4, without);
    assertEquals(8, d.sessions().total());
  }

  // ---- issue 13 item 2: sums saturate, never negative; impossible figures are flagged ----

  @Test
  void manyReportsAtTheLargestCountSaturateInsteadOfFailing() {
    ReportSummary.Accumulator a = acc();
    for (int i = 0; i < 2_049; i++) {
      a.add(day("r" + i, "2026-11-20", PolicyResult.of(PolicyType.NO_POLICY_FOUND, List.of(),
          "example.com", List.of(), MAX, 0, List.of())));
    }
    ReportSummary s = a.snapshot();
    assertEquals(MAX, s.sessions().successful());
    assertEquals(MAX, s.domain("example.com").sessions().total());
    assertTrue(s.saturated());
    assertEquals(MAX, s.byPolicyType().get("no-policy-found").successful());
  }

  @Test
  void oneReportWithManyPoliciesAtTheLargestCountIsFlaggedAsSaturated() {
    List<PolicyResult> policies = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      policies.add(PolicyResult.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.com", List.of(),
          MAX, 0, List.of()));
    }
    AddResult r = acc().add(TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("2026-11-20")),
        null, "x", policies), 0);
    assertTrue(r.added());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code() == SummaryWarning.Code.SESSION_COUNT_SATURATED),
        r::toString);
  }

  @Test
  void failureDetailsAtTheLargestCountNeverPrintNegative() {
    List<FailureDetail> details = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      details.add(FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2." + (i % 250),
          "mx.example.com", MAX));
    }
    ReportSummary.Accumulator a = acc();
    AddResult r = a.add(day("x", "2026-11-20", sts("example.com", 0, MAX,
        details.toArray(FailureDetail[]::new))), 0);
    DomainSummary d = a.snapshot().domain("example.com");
    assertEquals(MAX, d.byResultType().get(ResultType.CERTIFICATE_EXPIRED));
    assertEquals(MAX, d.failureGroups().get(0).failedSessions());
    assertTrue(d.failures().stream().allMatch(f -> f.failedSessions() >= 0));
    assertTrue(r.warnings().stream().anyMatch(w -> w.code() == SummaryWarning.Code.FAILURE_DETAILS_ABOVE_TOTAL),
        r::toString);
    assertTrue(r.warnings().stream().anyMatch(w -> w.code() == SummaryWarning.Code.IMPLAUSIBLE_SESSION_COUNT));
    assertTrue(r.warnings().size() <= 4, "one warning per kind, not per detail: " + r.warnings().size());
  }

  @Test
  void failureDetailsAboveTheFailureTotalAreFlagged() {
    AddResult r = acc().add(day("x", "2026-11-20", sts("example.com", 5, 1,
        FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 3))), 0);
    assertTrue(r.added());
    assertEquals(List.of(SummaryWarning.Code.FAILURE_DETAILS_ABOVE_TOTAL),
        r.warnings().stream().map(SummaryWarning::code).toList());
    assertEquals("$.policies[0].failure-details", r.warnings().get(0).jsonPath());
    AddResult fine = acc().add(day("y", "2026-11-20", sts("example.com", 5, 3,
        FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 3))), 0);
    assertEquals(List.of(), fine.warnings());
  }

  @Test
  void countsAboveThePlausibleBoundAreFlaggedOnBothSidesOfIt() {
    long bound = SummaryLimits.DEFAULT.maxPlausibleSessions();
    assertEquals(List.of(), acc().add(day("a", "2026-11-20", sts("e.example", bound, 0)), 0).warnings());
    AddResult above = acc().add(day("b", "2026-11-20", sts("e.example", bound + 1, 0)), 0);
    assertEquals(SummaryWarning.Code.IMPLAUSIBLE_SESSION_COUNT, above.warnings().get(0).code());
    assertEquals("$.policies[0].summary", above.warnings().get(0).jsonPath());
  }

  @Test
  void sessionCountsPlusSaturates() {
    assertEquals(new SessionCounts(MAX, 1), new SessionCounts(MAX, 0).plus(new SessionCounts(5, 1)));
    assertEquals(MAX, new SessionCounts(MAX, MAX).total());
    assertEquals(Long.MAX_VALUE, new SessionCounts(Long.MAX_VALUE, 0).plus(new SessionCounts(1, 0)).successful());
  }

  // ---- issue 13 item 3: report dates are bounded ----

  @Test
  void yearsZeroAndNineThousandNineHundredNinetyNineAreSetAsideAtOnce() {
    List<PolicyResult> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(sts("y" + i + ".example", 5, 0));
    }
    ReportSummary.Accumulator a = acc();
    AddResult old = a.add(TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("0000-01-01")),
        null, "old", twenty), 0);
    AddResult future = a.add(TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("9999-12-31")),
        null, "new", twenty), 1);
    assertEquals(AddResult.Outcome.SET_ASIDE, old.outcome());
    assertEquals(SummaryWarning.Code.REPORT_TOO_OLD, old.warnings().get(0).code());
    assertEquals(AddResult.Outcome.SET_ASIDE, future.outcome());
    assertEquals(SummaryWarning.Code.REPORT_IN_FUTURE, future.warnings().get(0).code());
    ReportSummary s = a.snapshot();
    assertEquals(Set.of(), s.domains());
    assertEquals(2, s.setAsideReports());
    assertEquals(0, s.reportCount());
  }

  @Test
  void reportSpanIsBoundedOnBothSidesOf31Days() {
    Instant start = Instant.parse("2026-10-01T00:00:00Z");
    AddResult days31 = acc().add(TlsRptReport.of("Org", new DateRange(start, start.plus(Duration.ofDays(31))),
        null, "a", List.of(sts("e.example", 31, 0))), 0);
    AddResult days32 = acc().add(TlsRptReport.of("Org", new DateRange(start, start.plus(Duration.ofDays(32))),
        null, "b", List.of(sts("e.example", 31, 0))), 0);
    assertEquals(AddResult.Outcome.ADDED, days31.outcome());
    assertEquals(AddResult.Outcome.SET_ASIDE, days32.outcome());
    assertEquals(SummaryWarning.Code.REPORT_SPAN_TOO_LONG, days32.warnings().get(0).code());
    assertEquals("$.date-range", days32.warnings().get(0).jsonPath());
  }

  @Test
  void reportDistanceFromNowIsBoundedOnBothSides() {
    Instant oldest = NOW.minus(Duration.ofDays(7305));
    assertTrue(acc().add(report("a", oldest.toString(), oldest.plusSeconds(60).toString(),
        sts("e.example", 1, 0)), 0).added());
    assertFalse(acc().add(report("b", oldest.minusSeconds(1).toString(), oldest.toString(),
        sts("e.example", 1, 0)), 0).added());
    Instant latest = NOW.plus(Duration.ofDays(1));
    assertTrue(acc().add(report("c", latest.minusSeconds(60).toString(), latest.toString(),
        sts("e.example", 1, 0)), 0).added());
    AddResult late = acc().add(report("d", latest.minusSeconds(60).toString(),
        latest.plusSeconds(1).toString(), sts("e.example", 1, 0)), 0);
    assertEquals(SummaryWarning.Code.REPORT_IN_FUTURE, late.warnings().get(0).code());
  }

  @Test
  void missingDaysAreRangesWhateverTheGap() {
    ReportSummary.Accumulator a = ReportSummary.newAccumulator(
        SummaryLimits.DEFAULT.withDateBounds(Duration.ofDays(36_525), Duration.ofDays(1)), NOW);
    a.add(day("1", "1930-01-01", sts("e.example", 1, 0)));
    a.add(day("2", "2026-11-30", sts("e.example", 1, 0)));
    DomainSummary d = a.snapshot().domain("e.example");
    assertEquals(List.of(new DayRange(LocalDate.parse("1930-01-02"), LocalDate.parse("2026-11-29"))),
        d.uncoveredDays());
    assertEquals(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("1930-01-01"),
        LocalDate.parse("2026-11-30")) - 1, d.uncoveredDays().get(0).days());
    assertEquals(2, d.days().size());
  }

  @Test
  void summaryLimitsRefuseOutOfRangeBounds() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SummaryLimits.DEFAULT.withMaxReportDays(367));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SummaryLimits.DEFAULT.withMaxReportDays(0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SummaryLimits.DEFAULT.withMaxPolicyDomains(0));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SummaryLimits.DEFAULT.withDateBounds(Duration.ZERO, Duration.ZERO));
  }

  // ---- issue 13 item 5: same report-id, other content ----

  @Test
  void sameReportIdWithOtherContentIsAConflictAndCanBeWithdrawn() {
    ReportSummary.Accumulator a = acc();
    TlsRptReport real = day("id-1", "2026-11-20", sts("example.com", 100, 0));
    TlsRptReport shadow = day("id-1", "2026-11-20", sts("example.com", 0, 100));
    assertEquals(AddResult.Outcome.ADDED, a.add(real, 7).outcome());
    AddResult r = a.add(shadow, 9);
    assertEquals(AddResult.Outcome.CONFLICT, r.outcome());
    assertEquals(7, r.earlierSource().orElseThrow());
    assertEquals(SummaryWarning.Code.CONFLICTING_REPORT_ID, r.warnings().get(0).code());
    assertEquals(new SessionCounts(100, 0), a.snapshot().domain("example.com").sessions());
    assertTrue(a.withdraw(real));
    assertFalse(a.withdraw(real), "a second withdrawal does nothing");
    ReportSummary s = a.snapshot();
    assertEquals(Set.of(), s.domains());
    assertEquals(0, s.reportCount());
    assertEquals(1, s.conflictingReports());
    assertEquals(List.of(new ReportConflict("Org", "id-1", 7, 9)), s.conflicts());
    // A third copy of either is a conflict again, with nothing more to withdraw.
    AddResult third = a.add(shadow, 11);
    assertEquals(AddResult.Outcome.CONFLICT, third.outcome());
    assertTrue(third.earlierSource().isEmpty());
  }

  @Test
  void sameReportIdWithSameContentStaysAPlainDuplicate() {
    ReportSummary.Accumulator a = acc();
    TlsRptReport r = day("id-1", "2026-11-20", sts("example.com", 100, 0));
    a.add(r, 0);
    AddResult again = a.add(day("id-1", "2026-11-20", sts("example.com", 100, 0)), 1);
    assertEquals(AddResult.Outcome.DUPLICATE, again.outcome());
    assertEquals(0, again.earlierSource().orElseThrow());
    ReportSummary s = a.snapshot();
    assertEquals(1, s.duplicateReports());
    assertEquals(0, s.conflictingReports());
    assertEquals(new SessionCounts(100, 0), s.domain("example.com").sessions());
  }

  @Test
  void conflictsFoundByAMergeAreCounted() {
    ReportSummary a = ReportSummary.of(List.of(day("id-1", "2026-11-20", sts("example.com", 1, 0))));
    ReportSummary b = ReportSummary.of(List.of(day("id-1", "2026-11-20", sts("example.com", 2, 0))));
    assertEquals(1, a.merge(b).conflictingReports());
    assertEquals(a.merge(b), b.merge(a));
    assertEquals(1, a.add(day("id-1", "2026-11-20", sts("example.com", 2, 0))).conflictingReports());
  }

  // ---- issue 13 item 9: bounded number of policy domains ----

  @Test
  void aReportBeyondThePolicyDomainLimitIsSetAside() {
    ReportSummary.Accumulator a = ReportSummary.newAccumulator(
        SummaryLimits.DEFAULT.withMaxPolicyDomains(2), NOW);
    assertTrue(a.add(day("1", "2026-11-20", sts("a.example", 1, 0), sts("b.example", 1, 0))));
    assertTrue(a.add(day("2", "2026-11-20", sts("A.example", 1, 0))), "a known domain still counts");
    AddResult r = a.add(day("3", "2026-11-20", sts("c.example", 1, 0)), 5);
    assertEquals(AddResult.Outcome.SET_ASIDE, r.outcome());
    assertEquals(SummaryWarning.Code.TOO_MANY_POLICY_DOMAINS, r.warnings().get(0).code());
    assertEquals(2, a.domainCount());
  }

  @Test
  void finishHandsOverTheSummaryAndLeavesTheAccumulatorEmpty() {
    ReportSummary.Accumulator a = acc();
    TlsRptReport r = day("1", "2026-11-20", sts("example.com", 3, 0));
    a.add(r);
    ReportSummary expected = a.snapshot();
    ReportSummary done = a.finish();
    assertEquals(expected, done);
    assertEquals(0, a.domainCount());
    assertTrue(a.add(r), "the empty accumulator takes the report again");
    assertEquals(expected, done, "the finished summary does not change");
  }

  // ---- issue 14 item 5: aggregation state is private and named ----

  @Test
  void aggregationStateHasNoPublicFieldsAndNamedCells() {
    for (Class<?> c : List.of(SummaryState.class, DomainState.class, DayCell.class, PolicyCell.class,
        FailureCell.class, FailureKey.class)) {
      for (Field f : c.getDeclaredFields()) {
        assertFalse(Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()),
            c.getSimpleName() + "." + f.getName() + " is a public field");
        assertTrue(f.getName().length() > 1 || Modifier.isStatic(f.getModifiers()),
            c.getSimpleName() + "." + f.getName() + " is not a name");
      }
    }
  }
}
