package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ReportSummaryTest {

  private static TlsRptReport corpus(String name) {
    return TlsRptReader.lenient().read(Corpus.file(name)).value();
  }

  private static TlsRptReport report(String org, String id, LocalDate day, PolicyResult... policies) {
    return TlsRptReport.of(org, DateRange.ofUtcDay(day), "r@" + org, id, List.of(policies));
  }

  private static PolicyResult sts(String domain, long ok, long failed, FailureDetail... details) {
    return PolicyResult.of(
        PolicyType.STS,
        List.of("version: STSv1", "mode: testing", "mx: mx." + domain, "max_age: 86400"),
        domain,
        List.of("mx." + domain),
        ok,
        failed,
        List.of(details));
  }

  @Test
  void aSnapshotStaysAsItWasWhileTheAccumulatorGoesOn() {
    // snapshot() hands the accumulator's figures over without copying them; the accumulator must
    // copy them before its next add, withdraw or merge, or the snapshot would change with it.
    LocalDate day = LocalDate.parse("2025-01-01");
    TlsRptReport r1 = report("o", "1", day, sts("a.example", 5, 1));
    TlsRptReport r2 = report("o", "2", day, sts("a.example", 7, 0));
    TlsRptReport r3 = report("p", "1", day.plusDays(1), sts("b.example", 1, 1));
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    acc.add(r1);
    ReportSummary first = acc.snapshot();
    byte[] firstBytes = first.toBytes();
    ReportSummary firstAgain = acc.snapshot();
    acc.add(r2);
    acc.add(r1);
    ReportSummary second = acc.snapshot();
    assertTrue(acc.withdraw(r2));
    acc.merge(ReportSummary.of(List.of(r3)));
    ReportSummary third = acc.snapshot();

    assertArrayEquals(firstBytes, first.toBytes());
    assertEquals(ReportSummary.of(List.of(r1)), first);
    assertEquals(first, firstAgain);
    assertEquals(1, first.reportCount());
    assertEquals(0, first.duplicateReports());
    assertEquals(new SessionCounts(5, 1), first.domain("a.example").sessions());
    assertEquals(2, second.reportCount());
    assertEquals(1, second.duplicateReports());
    assertEquals(new SessionCounts(12, 1), second.domain("a.example").sessions());
    assertEquals(Set.of("a.example"), second.domains());
    assertEquals(new SessionCounts(5, 1), third.domain("a.example").sessions());
    assertEquals(Set.of("a.example", "b.example"), third.domains());
  }

  @Test
  void microsoftStsAndTlsaSessionsAreNotCountedTwiceAtDomainLevel() {
    TlsRptReport ms = corpus("microsoft-2025-05-23-sts-and-tlsa.json");
    ReportSummary s = ReportSummary.of(List.of(ms));
    DomainSummary d = s.domain("random.net");
    // sts: 2 successful, tlsa: the same 2 sessions again.
    assertEquals(new SessionCounts(2, 0), d.sessions());
    assertEquals(
        Map.of("sts", new SessionCounts(2, 0), "tlsa", new SessionCounts(2, 0)), d.byPolicyType());
    assertEquals(new SessionCounts(2, 0), s.sessions());
    assertEquals(2, s.policyResultCount());
    DaySummary day = d.days().get(LocalDate.parse("2025-05-23"));
    assertEquals(1, day.reports());
    assertEquals(new SessionCounts(2, 0), day.sessions());
  }

  @Test
  void doubleCountRuleTakesLargestPerTypeFigureSeparatelyForSuccessAndFailure() {
    LocalDate day = LocalDate.parse("2025-01-01");
    PolicyResult tlsa =
        PolicyResult.of(PolicyType.TLSA, List.of("3 1 1 AB"), "a.example", List.of(), 5, 1, List.of());
    TlsRptReport r = report("o", "1", day, sts("a.example", 3, 2), tlsa);
    assertEquals(new SessionCounts(5, 2), ReportSummary.of(List.of(r)).domain("a.example").sessions());
  }

  @Test
  void noPolicyFoundSessionsAreAddedToStsSessionsAtDomainLevel() {
    // Regression: the sts/tlsa "take the largest" rule was applied across every policy type, so
    // no-policy-found 40 + sts 60 gave 60. Sessions that found no policy never overlap sts ones.
    LocalDate day = LocalDate.parse("2025-01-01");
    PolicyResult npf =
        PolicyResult.of(PolicyType.NO_POLICY_FOUND, List.of(), "example.com", List.of(), 40, 0, List.of());
    ReportSummary s = ReportSummary.of(List.of(report("o", "1", day, npf, sts("example.com", 60, 0))));
    DomainSummary d = s.domain("example.com");
    assertEquals(new SessionCounts(100, 0), d.sessions());
    assertEquals(new SessionCounts(100, 0), d.days().get(day).sessions());
    assertEquals(new SessionCounts(100, 0), s.sessions());
    assertEquals(
        Map.of("no-policy-found", new SessionCounts(40, 0), "sts", new SessionCounts(60, 0)),
        d.byPolicyType());
  }

  @Test
  void onlyStsAndTlsaOverlapWhileNoPolicyFoundAndUnknownTypesAddOnTop() {
    LocalDate day = LocalDate.parse("2025-01-01");
    PolicyResult tlsa =
        PolicyResult.of(PolicyType.TLSA, List.of("3 1 1 AB"), "a.example", List.of(), 50, 4, List.of());
    PolicyResult npf =
        PolicyResult.of(PolicyType.NO_POLICY_FOUND, List.of(), "a.example", List.of(), 7, 1, List.of());
    PolicyResult unknown =
        new PolicyResult(
            PolicyType.UNKNOWN, "x-future", List.of(), "a.example", List.of(), 3, 2, List.of(), Map.of(),
            Map.of(), Map.of());
    TlsRptReport r = report("o", "1", day, sts("a.example", 60, 3), tlsa, npf, unknown);
    // max(sts 60, tlsa 50) + npf 7 + unknown 3 successful; max(3, 4) + 1 + 2 failed.
    assertEquals(new SessionCounts(70, 7), ReportSummary.of(List.of(r)).domain("a.example").sessions());
  }

  @Test
  void addingTheSameReportTwiceCountsItOnce() {
    // Regression: add() merged a one-report summary, and merge cannot take figures back out, so
    // empty().add(r).add(r) counted r twice.
    LocalDate day = LocalDate.parse("2025-01-01");
    TlsRptReport r = report("o", "1", day, sts("a.example", 5, 1));
    ReportSummary once = ReportSummary.empty().add(r);
    ReportSummary twice = once.add(r);
    assertEquals(1, twice.reportCount());
    assertEquals(1, twice.duplicateReports());
    assertEquals(1, twice.policyResultCount());
    assertEquals(new SessionCounts(5, 1), twice.domain("a.example").sessions());
    assertEquals(new SessionCounts(5, 1), twice.sessions());
    // The same as the accumulator, which always deduplicated.
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    acc.add(r);
    acc.add(r);
    assertEquals(acc.snapshot(), twice);
    // The report read again is a fresh object with the same key: still a duplicate.
    TlsRptReport again = TlsRptReader.lenient().read(TlsRptWriter.compact().write(r)).value();
    assertEquals(2, twice.add(again).duplicateReports());
    // The summaries are values: adding to one leaves it as it was.
    assertEquals(0, once.duplicateReports());
    assertEquals(1, once.reportCount());
  }

  @Test
  void sameReportTwiceIsCountedOnce() {
    TlsRptReport google = corpus("google-2026-05-11-sts.json.gz");
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    assertTrue(acc.add(google));
    assertFalse(acc.add(google));
    // Same organization and id read again from another source (a fresh object).
    assertFalse(acc.add(corpus("google-2026-05-11-sts.json.gz")));
    ReportSummary s = acc.snapshot();
    assertEquals(1, s.reportCount());
    assertEquals(2, s.duplicateReports());
    assertEquals(new SessionCounts(1, 0), s.domain("example.com").sessions());
  }

  @Test
  void sameReportIdFromAnotherOrganizationIsNotADuplicate() {
    LocalDate day = LocalDate.parse("2025-01-01");
    ReportSummary s =
        ReportSummary.of(
            List.of(report("a", "x", day, sts("d.example", 1, 0)), report("b", "x", day, sts("d.example", 1, 0))));
    assertEquals(2, s.reportCount());
    assertEquals(new SessionCounts(2, 0), s.domain("D.EXAMPLE").sessions());
  }

  @Test
  void corpusSummaryPerDomainAndDay() {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    for (String f :
        List.of(
            "google-2026-05-11-sts.json.gz",
            "google-2026-05-12-sts.json.gz",
            "microsoft-2026-05-13-sts.json.gz",
            "google-edited-2026-02-08-certificate-expired.json.gz")) {
      acc.add(corpus(f));
    }
    ReportSummary s = acc.snapshot();
    DomainSummary d = s.domain("example.com", LocalDate.parse("2026-05-10"), LocalDate.parse("2026-05-14"));
    assertEquals(
        Set.of(LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-12"), LocalDate.parse("2026-05-13")),
        d.coveredDays());
    assertEquals(new SessionCounts(7, 0), d.sessions());
    assertEquals(List.of(), d.failureGroups());
    DomainSummary all = s.domain("example.com");
    assertEquals(new SessionCounts(7 + 4523, 2), all.sessions());
    List<FailureGroup> groups = all.failureGroups();
    assertEquals(1, groups.size());
    FailureGroup g = groups.get(0);
    assertSame(ResultType.CERTIFICATE_EXPIRED, g.resultType());
    assertEquals(TriageClass.FIX_OUR_SIDE, g.triage());
    assertEquals(2, g.failedSessions());
    assertEquals(Map.of("192.0.2.1", 2L), g.sendingMtaIps());
    assertEquals(Map.of("mail.example.com", 2L), g.receivingMxHosts());
    assertEquals(Set.of(LocalDate.parse("2026-02-08")), g.days());
    assertEquals(2L, s.byResultType().get(ResultType.CERTIFICATE_EXPIRED));
    assertEquals(4, s.reportCount());
  }

  @Test
  void rfcExampleFailuresAreTriagedAndRanked() {
    ReportSummary s = ReportSummary.of(List.of(corpus("rfc8460-appendix-b.json")));
    DomainSummary d = s.domain("company-y.example");
    assertEquals(new SessionCounts(5326, 303), d.sessions());
    List<FailureGroup> groups = d.failureGroups();
    assertEquals(3, groups.size());
    assertSame(ResultType.STARTTLS_NOT_SUPPORTED, groups.get(0).resultType());
    // One reporter, one network, towards the owner's own mx2: investigate (a middlebox on that
    // sender's path may strip STARTTLS), never "usually safe to ignore".
    assertEquals(TriageClass.INVESTIGATE, groups.get(0).triage());
    // mx1.mail.company-y.example matches the policy's *.mail.company-y.example.
    assertEquals(TriageClass.FIX_OUR_SIDE, groups.get(1).triage());
    // validation-failure from a sender the owner does not know: usually safe to ignore.
    assertSame(ResultType.VALIDATION_FAILURE, groups.get(2).resultType());
    assertEquals(TriageClass.USUALLY_SAFE_TO_IGNORE, groups.get(2).triage());
    FailureEntry top = s.topFailures(1).get(0);
    assertEquals(200, top.failedSessions());
    assertEquals("2001:db8:abcd:0013::1", top.sendingMtaIp());
    assertEquals("mx2.mail.company-y.example", top.receivingMxHostname());
    assertEquals(0.946, d.successRate().orElseThrow(), 0.001);
    assertEquals(Map.of("2001:db8:abcd:0012::1", 100L, "2001:db8:abcd:0013::1", 200L, "198.51.100.62", 3L),
        d.bySendingMtaIp());
  }

  @Test
  void fetchErrorsWithoutIpAreGroupedForPolicyHosting() {
    ReportSummary s = ReportSummary.of(List.of(corpus("microsoft-2025-06-14-sts-policy-fetch-error-no-ip.json")));
    FailureGroup g = s.domain("xxxxxxxx.xx").failureGroups().get(0);
    assertEquals(TriageClass.FIX_POLICY_HOSTING, g.triage());
    assertEquals(Map.of("", 3L), g.sendingMtaIps());
  }

  @Test
  void customTriageReplacesThePlaybook() {
    ReportSummary s = ReportSummary.of(List.of(corpus("rfc8460-appendix-b.json")));
    List<FailureGroup> groups = s.domain("company-y.example").failureGroups(o -> TriageClass.INVESTIGATE);
    assertTrue(groups.stream().allMatch(g -> g.triage() == TriageClass.INVESTIGATE));
  }

  @Test
  void multiDayReportSpreadsItsSessionsOverItsDays() {
    // Issue 12 item 5: the figures of a 7-day report used to count on its first day only, so the
    // other six days were "covered" with 0 sessions. Now they are spread (an estimate).
    ReportSummary s =
        ReportSummary.of(List.of(corpus("synthetic-google-style-2020-01-01-certificate-host-mismatch.json")));
    DomainSummary d = s.domain("example.com");
    assertEquals(7, d.coveredDays().size());
    assertEquals(new SessionCounts(23, 1), d.sessions());
    assertEquals(new SessionCounts(3, 0), d.days().get(LocalDate.parse("2020-01-01")).sessions());
    assertEquals(new SessionCounts(4, 0), d.days().get(LocalDate.parse("2020-01-04")).sessions());
    assertEquals(new SessionCounts(4, 1), d.days().get(LocalDate.parse("2020-01-07")).sessions());
    assertTrue(d.days().values().stream().allMatch(DaySummary::estimated));
    assertEquals(7, d.daysWithSessions().size());
  }

  @Test
  void policyResultWithoutDomainCountsUnderEmptyDomain() {
    ReportSummary s = ReportSummary.of(List.of(corpus("synthetic-invalid-policy-type-missing-fields.json")));
    assertEquals(Set.of(""), s.domains());
    // no-policy-found and an unknown type never overlap each other: both count.
    assertEquals(new SessionCounts(2, 0), s.domain("").sessions());
    assertEquals(
        Map.of("no-policy-found", new SessionCounts(1, 0), "invalid-policy-type", new SessionCounts(1, 0)),
        s.byPolicyType());
  }

  @Test
  void memoryGrowsWithDistinctKeysNotReports() {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    LocalDate day = LocalDate.parse("2025-01-01");
    for (int i = 0; i < 100_000; i++) {
      String domain = "d" + (i % 100) + ".example";
      FailureDetail f =
          FailureDetail.of(ResultType.CERTIFICATE_EXPIRED, "192.0.2." + (i % 5), "mx." + domain, 1);
      acc.add(report("org", "id-" + i, day.plusDays(i % 3), sts(domain, 1, 1, f)));
    }
    ReportSummary s = acc.snapshot();
    assertEquals(100_000, s.reportCount());
    assertEquals(100, s.domains().size());
    DomainSummary d = s.domain("d7.example");
    // 3 days x (1 day key + 1 policy key + failure keys); 1000 reports went into this domain.
    assertEquals(3, d.days().size());
    assertTrue(d.failures().size() <= 15, "failure keys: " + d.failures().size());
    assertEquals(new SessionCounts(1000, 1000), d.sessions());
  }

  @Test
  void windowSelectsDays() {
    List<TlsRptReport> reports = new ArrayList<>();
    LocalDate start = LocalDate.parse("2025-03-01");
    for (int i = 0; i < 10; i++) {
      reports.add(report("o", "r" + i, start.plusDays(i), sts("w.example", 10, i)));
    }
    ReportSummary s = ReportSummary.of(reports);
    DomainSummary w = s.domain("w.example", start.plusDays(2), start.plusDays(4));
    assertEquals(3, w.coveredDays().size());
    assertEquals(new SessionCounts(30, 2 + 3 + 4), w.sessions());
    assertEquals(new SessionCounts(100, 45), s.sessions());
    assertEquals(10, s.byDay().size());
  }

  @Test
  void emptySummaryHasNoFigures() {
    ReportSummary e = ReportSummary.empty();
    assertEquals(0, e.reportCount());
    assertEquals(SessionCounts.ZERO, e.sessions());
    assertTrue(e.successRate().isEmpty());
    assertTrue(e.domain("nothing.example").days().isEmpty());
    assertEquals(e, ReportSummary.newAccumulator().snapshot());
  }

  @Test
  void addReturnsNewSummaryAndLeavesOriginal() {
    LocalDate day = LocalDate.parse("2025-01-01");
    ReportSummary one = ReportSummary.empty().add(report("o", "1", day, sts("a.example", 1, 0)));
    ReportSummary two = one.add(report("o", "2", day, sts("a.example", 1, 0)));
    assertEquals(1, one.reportCount());
    assertEquals(2, two.reportCount());
    assertEquals(new SessionCounts(2, 0), two.domain("a.example").sessions());
  }

  @Test
  void mergeCountsReportsSeenOnBothSidesAsDuplicates() {
    LocalDate day = LocalDate.parse("2025-01-01");
    TlsRptReport r = report("o", "1", day, sts("a.example", 1, 0));
    ReportSummary a = ReportSummary.of(List.of(r));
    ReportSummary merged = a.merge(ReportSummary.of(List.of(r)));
    assertEquals(1, merged.duplicateReports());
  }
}
