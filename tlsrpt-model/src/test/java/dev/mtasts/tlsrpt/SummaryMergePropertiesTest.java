package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class SummaryMergePropertiesTest {

  @Provide
  Arbitrary<ReportSummary> summaries() {
    return ReportArbitraries.smallReport().list().ofMaxSize(6).map(ReportSummary::of);
  }

  @Provide
  Arbitrary<List<TlsRptReport>> reportLists() {
    return ReportArbitraries.smallReport().list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void mergeIsAssociative(@ForAll("consistentTriples") List<List<TlsRptReport>> parts) {
    ReportSummary a = ReportSummary.of(parts.get(0));
    ReportSummary b = ReportSummary.of(parts.get(1));
    ReportSummary c = ReportSummary.of(parts.get(2));
    assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
  }

  // Known limit (issue 13 item 5 follow-up): when one report-id arrives with two contents in
  // summaries that are merged, the split of the extra copies into duplicates and conflicts depends
  // on the merge order (the fingerprint set keeps one content per name, not per-name counts). The
  // figures and the number of extra copies do not.
  @Property(tries = 300)
  void mergeIsAssociativeInItsFiguresWhenAReportIdConflicts(
      @ForAll("summaries") ReportSummary a,
      @ForAll("summaries") ReportSummary b,
      @ForAll("summaries") ReportSummary c) {
    ReportSummary left = a.merge(b).merge(c);
    ReportSummary right = a.merge(b.merge(c));
    assertEquals(left.reportCount(), right.reportCount());
    assertEquals(left.policyResultCount(), right.policyResultCount());
    assertEquals(left.duplicateReports() + left.conflictingReports(),
        right.duplicateReports() + right.conflictingReports());
    assertEquals(left.sessions(), right.sessions());
    assertEquals(left.domains(), right.domains());
    for (String d : left.domains()) {
      assertEquals(left.domain(d).days(), right.domain(d).days());
      assertEquals(left.domain(d).failures(), right.domain(d).failures());
    }
  }

  /** Three report lists in which a report name always carries the same report. */
  @Provide
  Arbitrary<List<List<TlsRptReport>>> consistentTriples() {
    return Combinators.combine(ReportArbitraries.smallReport().list().ofMaxSize(18),
            Arbitraries.integers().between(0, 2).list().ofSize(18))
        .as((reports, side) -> {
          Map<String, TlsRptReport> byName = new HashMap<>();
          List<List<TlsRptReport>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
          for (int i = 0; i < reports.size(); i++) {
            TlsRptReport r = reports.get(i);
            TlsRptReport canonical = byName.computeIfAbsent(r.organizationName() + "\n" + r.reportId(), k -> r);
            parts.get(side.get(i)).add(canonical);
          }
          return parts;
        });
  }

  @Property(tries = 300)
  void mergeIsCommutative(@ForAll("summaries") ReportSummary a, @ForAll("summaries") ReportSummary b) {
    assertEquals(a.merge(b), b.merge(a));
    assertEquals(a.merge(b).hashCode(), b.merge(a).hashCode());
  }

  @Property(tries = 300)
  void emptyIsTheIdentity(@ForAll("summaries") ReportSummary a) {
    assertEquals(a, a.merge(ReportSummary.empty()));
    assertEquals(a, ReportSummary.empty().merge(a));
  }

  @Provide
  Arbitrary<TlsRptReport> report() {
    return ReportArbitraries.smallReport();
  }

  @Property(tries = 200)
  void addingAReportEqualsSummarizingItWithTheOthers(
      @ForAll("reportLists") List<TlsRptReport> reports, @ForAll("report") TlsRptReport r) {
    List<TlsRptReport> all = new ArrayList<>(reports);
    all.add(r);
    assertEquals(ReportSummary.of(all), ReportSummary.of(reports).add(r));
  }

  @Property(tries = 200)
  void addingAReportTwiceCountsItOnce(
      @ForAll("summaries") ReportSummary s, @ForAll("report") TlsRptReport r) {
    ReportSummary once = s.add(r);
    ReportSummary twice = once.add(r);
    assertEquals(once.reportCount(), twice.reportCount());
    assertEquals(once.policyResultCount(), twice.policyResultCount());
    // The second copy is a duplicate of r, or, when s held another report of r's name, one more
    // conflict with that report.
    assertEquals(
        once.duplicateReports() + once.conflictingReports() + 1,
        twice.duplicateReports() + twice.conflictingReports());
    assertEquals(once.sessions(), twice.sessions());
    assertEquals(once.domains(), twice.domains());
    for (String d : once.domains()) {
      assertEquals(once.domain(d).days(), twice.domain(d).days());
      assertEquals(once.domain(d).failures(), twice.domain(d).failures());
    }
    assertEquals(
        ReportSummary.newAccumulator().merge(s).addAll(List.of(r, r)).snapshot(), twice);
  }

  @Property(tries = 150)
  void mergingSummariesOfDisjointReportsEqualsSummarizingAllReports(
      @ForAll("reportLists") List<TlsRptReport> left, @ForAll("reportLists") List<TlsRptReport> right) {
    List<TlsRptReport> l = withIdPrefix(left, "L");
    List<TlsRptReport> r = withIdPrefix(right, "R");
    List<TlsRptReport> all = new ArrayList<>(l);
    all.addAll(r);
    ReportSummary merged = ReportSummary.of(l).merge(ReportSummary.of(r));
    assertEquals(ReportSummary.of(all), merged);
    assertEquals(ReportSummary.of(all), ReportSummary.newAccumulator().addAll(l).merge(ReportSummary.of(r)).snapshot());
    assertEquals(ReportSummary.of(all).sessions(), merged.sessions());
  }

  private static List<TlsRptReport> withIdPrefix(List<TlsRptReport> reports, String prefix) {
    List<TlsRptReport> out = new ArrayList<>();
    for (TlsRptReport t : reports) {
      out.add(TlsRptReport.of(t.organizationName(), t.dateRange(), t.contactInfo(), prefix + t.reportId(), t.policies()));
    }
    return out;
  }
}
