package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.DomainNameException;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TriageClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class ReadinessTest {
  private static final MtaStsPolicy COMPANY_Y = Fixtures.policy(Mode.ENFORCE, Fixtures.TWO_WEEKS,
      "*.mail.company-y.example");

  private static Path corpus() {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null, "system property mtasts.corpus.dir is not set");
    Path tlsrpt = Paths.get(dir, "tlsrpt");
    assumeTrue(Files.isDirectory(tlsrpt), "no TLS-RPT corpus at " + tlsrpt);
    return tlsrpt;
  }

  private static Clock dayAfter(String day) {
    return Clock.fixed(LocalDate.parse(day).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC);
  }

  @Test
  void blocksOnTheRfcExampleCertificateFailuresWithSendersAndHosts() {
    TlsRptReport report = TlsRptReader.lenient()
        .read(corpus().resolve("rfc8460-appendix-b-errata-mx-host-array.json")).value();
    Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD)
        .withReports(ReportSummary.of(List.of(report)))
        .withMxHosts("mx1.mail.company-y.example", "mx2.mail.company-y.example");
    Readiness r = Readiness.assess("company-y.example", COMPANY_Y, evidence,
        dayAfter("2016-04-01"), LifecycleOptions.defaults().withWindowDays(1));

    assertEquals(Readiness.Verdict.NOT_READY, r.verdict());
    assertFalse(r.ready());
    // The expired certificate on our mx1 blocks; the 200 starttls-not-supported sessions to our
    // mx2 from one sender are to investigate, never ignored: with the certificate failures they
    // exceed the failure threshold (regression: Appendix B's mx2 failures never blocked).
    assertEquals(List.of(Code.OUR_SIDE_FAILURES, Code.TOO_MANY_FAILURES),
        LifecycleTest.codes(r.blocking()));
    Reason.Failures ours = (Reason.Failures) r.blocking().get(0);
    assertEquals(TriageClass.FIX_OUR_SIDE, ours.group().triage());
    assertEquals("certificate-expired=100",
        ours.group().resultType().wireName() + "=" + ours.group().failedSessions());
    assertTrue(r.blocking().get(1).message().startsWith("200 failed sessions"),
        r.blocking().get(1)::message);
    Reason.Failures expired = (Reason.Failures) r.blocking().stream()
        .filter(b -> ((Reason.Failures) b).group().resultType() == ResultType.CERTIFICATE_EXPIRED)
        .findFirst().orElseThrow();
    assertTrue(expired.message().contains("MX hosts: mx1.mail.company-y.example (100)"),
        expired.message());
    assertTrue(expired.message().contains("sending MTAs: 2001:db8:abcd:12::1 (100)")
        || expired.message().contains("sending MTAs: 2001:db8:abcd:0012::1 (100)"),
        expired.message());
    assertTrue(expired.message().contains("on 2016-04-01"), expired.message());

    List<Code> warnings = LifecycleTest.codes(r.warnings());
    assertTrue(warnings.contains(Code.IGNORABLE_FAILURES), warnings.toString());
    assertTrue(warnings.contains(Code.FAILURES_TO_INVESTIGATE), warnings.toString());
    // 303 failed of 5629 sessions is above the default 2 %.
    assertTrue(warnings.contains(Code.HIGH_FAILURE_RATE), warnings.toString());
    assertEquals(LocalDate.parse("2016-04-01"), r.windowStart());
  }

  @Test
  void countsTheDefaultFourteenDayWindow() {
    TlsRptReport report = TlsRptReader.lenient()
        .read(corpus().resolve("rfc8460-appendix-b-errata-mx-host-array.json")).value();
    Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD)
        .withReports(ReportSummary.of(List.of(report))).withMxHosts("mx1.mail.company-y.example");
    Readiness r = Readiness.assess("company-y.example", COMPANY_Y, evidence,
        dayAfter("2016-04-01"), LifecycleOptions.defaults());
    assertEquals(Code.TOO_FEW_DAYS_WITH_SESSIONS, r.blocking().get(0).code());
    Reason.MissingDays missing = (Reason.MissingDays) r.warnings().get(0);
    assertEquals(13, missing.days().size());
    assertEquals(LocalDate.parse("2016-03-19"), r.windowStart());
    assertFalse(missing.days().contains(LocalDate.parse("2016-04-01")));
  }

  @Test
  void lowersTheBarWithATriageThatKnowsBetter() {
    // A replaceable triage: this operator knows 198.51.100.62 is a broken test sender.
    TlsRptReport report = TlsRptReader.lenient()
        .read(corpus().resolve("rfc8460-appendix-b-errata-mx-host-array.json")).value();
    Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD)
        .withReports(ReportSummary.of(List.of(report))).withMxHosts("mx1.mail.company-y.example");
    LifecycleOptions options = LifecycleOptions.defaults().withWindowDays(1)
        .withTriage(o -> TriageClass.USUALLY_SAFE_TO_IGNORE);
    Readiness r = Readiness.assess("company-y.example", COMPANY_Y, evidence,
        dayAfter("2016-04-01"), options);
    assertEquals(Readiness.Verdict.READY_WITH_WARNINGS, r.verdict());
    assertTrue(r.ready());
  }

  @Test
  void isReadyOnTwoWeeksOfCleanBuiltReports() {
    LocalDate end = LocalDate.parse("2026-02-28");
    Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD)
        .withReports(Reports.forTesting().clean(end.minusDays(13), end, 1000).summary())
        .withMxHosts("mx1.example.com");
    Readiness r = Readiness.assess(Fixtures.DOMAIN, Fixtures.enforce(Fixtures.TWO_WEEKS), evidence,
        Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC),
        LifecycleOptions.defaults());
    assertEquals(new Readiness(Readiness.Verdict.READY, List.of(), List.of(),
        end.minusDays(13), end), r);
  }

  @Test
  void warnsWhenNoSenderAppliedTheTestingPolicy() {
    // Real Google report: sessions, but all under no-policy-found.
    TlsRptReport report = TlsRptReader.lenient()
        .read(corpus().resolve("google-2025-03-27-no-policy-found.json")).value();
    ReportSummary summary = ReportSummary.of(List.of(report));
    String domain = summary.domains().iterator().next();
    LocalDate day = LocalDate.ofInstant(report.dateRange().start(), ZoneOffset.UTC);
    Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD).withReports(summary)
        .withMxHosts("mx." + domain);
    Readiness r = Readiness.assess(domain, Fixtures.policy(Mode.ENFORCE, Fixtures.WEEK,
        "*." + domain), evidence, dayAfter(day.toString()),
        LifecycleOptions.defaults().withWindowDays(1));
    assertTrue(LifecycleTest.codes(r.warnings()).contains(Code.NO_STS_SESSIONS), r.toString());
  }

  @Test
  void rejectsAVerdictThatContradictsTheReasons() {
    LocalDate d = LocalDate.parse("2026-02-28");
    Reason reason = new Reason.General(Code.NO_SESSIONS, "x");
    assertThrows(IllegalArgumentException.class,
        () -> new Readiness(Readiness.Verdict.READY, List.of(reason), List.of(), d, d));
    assertEquals(Readiness.Verdict.READY_WITH_WARNINGS,
        Readiness.of(List.of(), List.of(reason), d, d).verdict());
  }

  /** Every corpus report, as the only evidence for its domains: the guard never breaks. */
  @TestFactory
  Stream<DynamicTest> assessesEveryCorpusReportWithoutFailing() throws IOException {
    Path dir = corpus();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
          .sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      TlsRptReport report;
      try {
        report = TlsRptReader.lenient().read(file).value();
      } catch (MtaStsException e) {
        return; // tlsrpt-model's own tests cover the files it rejects.
      }
      ReportSummary summary = ReportSummary.of(List.of(report));
      Instant end = report.dateRange().start();
      Clock clock = dayAfter(LocalDate.ofInstant(end, ZoneOffset.UTC).toString());
      for (String domain : summary.domains()) {
        if (!isDomainName(domain)) {
          continue;
        }
        Evidence evidence = Evidence.none().withTlsRpt(Reports.RECORD).withReports(summary)
            .withMxHosts("mx." + domain);
        Readiness r = Readiness.assess(domain, Fixtures.policy(Mode.ENFORCE, Fixtures.WEEK,
            "*." + domain), evidence, clock, LifecycleOptions.defaults().withWindowDays(1));
        assertEquals(r.blocking().isEmpty(), r.ready());
        for (Reason reason : r.blocking()) {
          assertFalse(reason.message().isBlank());
        }
      }
    }));
  }

  private static boolean isDomainName(String text) {
    try {
      DomainName.parse(text);
      return true;
    } catch (DomainNameException e) {
      return false;
    }
  }
}
