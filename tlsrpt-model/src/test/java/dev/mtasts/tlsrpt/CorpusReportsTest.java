package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.ProblemCode;
import dev.mtasts.policy.Warning;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

final class CorpusReportsTest {

  private static ParseResult<TlsRptReport> lenient(String name) {
    return TlsRptReader.lenient().read(Corpus.file(name));
  }

  private static Set<ProblemCode> kinds(ParseResult<TlsRptReport> r) {
    return r.warnings().stream().map(Warning::code).collect(Collectors.toSet());
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusReportReadsLenientlyAndRoundTrips() {
    return Corpus.reports().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      TlsRptReport report = TlsRptReader.lenient().read(file).value();
                      assertFalse(report.policies().isEmpty(), "no policies");
                      assertFalse(report.reportId().isEmpty());
                      byte[] json = TlsRptWriter.compact().write(report);
                      assertEquals(report, TlsRptReader.lenient().read(json).value());
                      byte[] gz = TlsRptWriter.compact().writeGzip(report);
                      assertEquals(report, TlsRptReader.lenient().read(gz).value());
                    }));
  }

  @Test
  void rfcAppendixBReadsInStrictMode() {
    ParseResult<TlsRptReport> r = TlsRptReader.strict().read(Corpus.file("rfc8460-appendix-b.json"));
    TlsRptReport report = r.value();
    assertEquals("Company-X", report.organizationName());
    assertEquals("sts-reporting@company-x.example", report.contactInfo());
    assertEquals("5065427c-23d3-47ca-b6e0-946ea0e8c4be", report.reportId());
    assertEquals(Instant.parse("2016-04-01T00:00:00Z"), report.dateRange().start());
    assertEquals(Instant.parse("2016-04-01T23:59:59Z"), report.dateRange().end());
    PolicyResult p = report.policies().get(0);
    assertSame(PolicyType.STS, p.policyType());
    assertEquals("company-y.example", p.policyDomain());
    assertEquals(List.of("*.mail.company-y.example"), p.mxHosts());
    assertEquals(
        List.of("version: STSv1", "mode: testing", "mx: *.mail.company-y.example", "max_age: 86400"),
        p.policyStrings());
    assertEquals(5326, p.successfulSessionCount());
    assertEquals(303, p.failedSessionCount());
    assertEquals(3, p.failureDetails().size());
    FailureDetail expired = p.failureDetails().get(0);
    assertSame(ResultType.CERTIFICATE_EXPIRED, expired.resultType());
    assertEquals("2001:db8:abcd:0012::1", expired.sendingMtaIp());
    assertNull(expired.receivingIp());
    assertEquals(100, expired.failedSessionCount());
    FailureDetail starttls = p.failureDetails().get(1);
    assertEquals(
        "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported",
        starttls.additionalInformation());
    assertEquals("203.0.113.56", starttls.receivingIp());
    assertEquals(
        "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED", p.failureDetails().get(2).failureReasonCode());
    // The only deviation is the erratum (EID 6241): mx-host as a string.
    assertEquals(Set.of(ReportErrorCode.MX_HOST_AS_STRING), kinds(r));
    assertEquals("$.policies[0].policy.mx-host", r.warnings().get(0).location().toString());
  }

  @Test
  void rfcAppendixBWithErratumReadsStrictlyWithoutWarnings() {
    ParseResult<TlsRptReport> r = TlsRptReader.strict().read(Corpus.file("rfc8460-appendix-b-errata-mx-host-array.json"));
    assertEquals(List.of(), r.warnings());
    assertEquals(303, r.value().policies().get(0).failedSessionCount());
  }

  @Test
  void googleGzipReportHasItsRealValues() {
    ParseResult<TlsRptReport> r = lenient("google-2026-05-11-sts.json.gz");
    TlsRptReport report = r.value();
    assertEquals(List.of(), r.warnings());
    assertEquals("Google Inc.", report.organizationName());
    assertEquals("2026-05-11T00:00:00Z_example.com", report.reportId());
    PolicyResult p = report.policies().get(0);
    assertEquals(
        List.of("in1-smtp.messagingengine.com", "in2-smtp.messagingengine.com"), p.mxHosts());
    assertEquals(1, p.successfulSessionCount());
    assertEquals(0, p.failedSessionCount());
    assertEquals(List.of(), p.failureDetails());
    // The sender's own file name for this attachment matches the report's period.
    ReportFileName name =
        ReportFileName.parse("google.com!example.com!1778457600!1778543999!001.json.gz");
    assertEquals(report.dateRange().start(), name.begin());
    assertEquals(report.dateRange().end(), name.end());
  }

  @Test
  void googleNoPolicyFoundPlainAndGzipAreEqual() {
    TlsRptReport plain = lenient("google-2020-03-02-no-policy-found.json").value();
    TlsRptReport gz = lenient("google-2020-03-02-no-policy-found.json.gz").value();
    assertEquals(plain, gz);
    PolicyResult p = plain.policies().get(0);
    assertSame(PolicyType.NO_POLICY_FOUND, p.policyType());
    assertEquals("fastmaildmarc.com", p.policyDomain());
    assertEquals(343, p.successfulSessionCount());
  }

  @Test
  void microsoftReportWithoutTimeZoneIsReadAsUtcWithWarnings() {
    ParseResult<TlsRptReport> r = lenient("microsoft-2023-01-10-sts-no-timezone.json.gz");
    assertEquals(Instant.parse("2023-01-10T00:00:00Z"), r.value().dateRange().start());
    assertEquals(Instant.parse("2023-01-10T23:59:59Z"), r.value().dateRange().end());
    // Microsoft also leaves out the mx-host RFC 8460 §4.4 lists for sts policies.
    assertEquals(
        Set.of(ReportErrorCode.DATE_TIME_WITHOUT_OFFSET, ReportErrorCode.MISSING_FIELD), kinds(r));
    assertEquals(
        List.of("$.date-range.start-datetime", "$.date-range.end-datetime", "$.policies[0].policy"),
        r.warnings().stream().map(w -> w.location().toString()).collect(Collectors.toList()));
    ReportParseException e =
        assertThrows(
            ReportParseException.class,
            () -> TlsRptReader.strict().read(Corpus.file("microsoft-2024-03-26-sts-no-timezone.json")));
    assertEquals(ReportErrorCode.INVALID_DATE_TIME, e.code());
    assertEquals("$.date-range.start-datetime", e.location().path());
  }

  @Test
  void microsoftTlsaPolicyStringEncodedAsJsonIsExpanded() {
    ParseResult<TlsRptReport> r = lenient("microsoft-2025-05-23-sts-and-tlsa.json");
    PolicyResult tlsa = r.value().policies().get(1);
    assertSame(PolicyType.TLSA, tlsa.policyType());
    assertEquals(
        List.of(
            "3 1 1 6007EEE553E85D8DF007A845D19EC343283D4E416E9A33F9EF3040C8B7C285BC",
            "3 1 1 837C773D54C2E2BD71871A3FC352BE8214D5646CBAE5E3091401A7274717998B"),
        tlsa.policyStrings());
    assertTrue(kinds(r).contains(ReportErrorCode.POLICY_STRING_JSON_ENCODED));
    assertEquals(
        "$.policies[1].policy.policy-string",
        r.warnings().stream()
            .filter(w -> w.code() == ReportErrorCode.POLICY_STRING_JSON_ENCODED)
            .findFirst()
            .orElseThrow()
            .location().toString());
  }

  @Test
  void microsoftFetchErrorWithoutIpAndMxIsAcceptedEvenStrictly() {
    TlsRptReport report =
        TlsRptReader.strict()
            .read(Corpus.file("microsoft-2025-06-14-sts-policy-fetch-error-no-ip.json"))
            .value();
    PolicyResult p = report.policies().get(0);
    assertEquals("1234567890+", report.reportId());
    assertEquals(List.of(), p.policyStrings());
    FailureDetail d = p.failureDetails().get(0);
    assertSame(ResultType.STS_POLICY_FETCH_ERROR, d.resultType());
    assertNull(d.sendingMtaIp());
    assertNull(d.receivingMxHostname());
    assertEquals(3, d.failedSessionCount());
  }

  @Test
  void microsoftStsReportWithoutMxHostIsRefusedStrictlyAndWarnedLeniently() {
    String file = "microsoft-2024-02-16-sts.json";
    // Resolved outside assertThrows, so that a missing corpus skips the test instead of failing it.
    var path = Corpus.file(file);
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(path));
    assertEquals(ReportErrorCode.MISSING_FIELD, e.code());
    assertEquals("$.policies[0].policy", e.location().path());
    assertTrue(e.detail().contains("mx-host"), e.detail());
    ParseResult<TlsRptReport> r = lenient(file);
    List<Warning> missing =
        r.warnings().stream().filter(w -> w.code() == ReportErrorCode.MISSING_FIELD).toList();
    assertEquals(1, missing.size(), r.warnings().toString());
    assertTrue(missing.get(0).message().startsWith("mx-host is absent"), missing.get(0).message());
    // The mx patterns are still there, in the policy lines.
    assertTrue(r.value().policies().get(0).policyStrings().contains("mx: example.com"));
  }

  @Test
  void fetchErrorReportsWithoutPolicyStringOrMxHostGetNoMissingFieldWarning() {
    for (String file :
        List.of("mailru-2024-02-22-sts-policy-fetch-error.json", "microsoft-2025-06-14-sts-policy-fetch-error-no-ip.json")) {
      ParseResult<TlsRptReport> r = lenient(file);
      assertTrue(
          r.warnings().stream().noneMatch(w -> w.code() == ReportErrorCode.MISSING_FIELD),
          file + ": " + r.warnings());
      assertEquals(List.of(), r.value().policies().get(0).policyStrings(), file);
      // Mail.ru sends failure-details before policy: the check waits for both.
      assertEquals(r.value(), TlsRptReader.strict().read(Corpus.file(file)).value(), file);
    }
  }

  @Test
  void mailRuNextMidnightEndCoversOneDay() {
    TlsRptReport report = lenient("mailru-2024-02-22-sts-policy-fetch-error.json").value();
    assertEquals("b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru", report.reportId());
    assertEquals(report.dateRange().firstDay(), report.dateRange().lastDay());
    List<FailureDetail> details = report.policies().get(0).failureDetails();
    assertEquals("bad https response code: 404", details.get(0).failureReasonCode());
    assertEquals("bad https response code: 500", details.get(1).failureReasonCode());
  }

  @Test
  void contactInfoNullAndPolicyLineInMxHostAreTolerated() {
    ParseResult<TlsRptReport> r = lenient("unknown-sender-2026-01-11-contact-info-null.json");
    assertNull(r.value().contactInfo());
    assertEquals(List.of("mx.server.com"), r.value().policies().get(0).mxHosts());
    assertEquals(
        Set.of(ReportErrorCode.EMPTY_VALUE, ReportErrorCode.MX_HOST_POLICY_LINE), kinds(r));
    ReportParseException e =
        assertThrows(
            ReportParseException.class,
            () ->
                TlsRptReader.strict()
                    .read(Corpus.file("unknown-sender-2026-01-11-contact-info-null.json")));
    assertEquals("$.contact-info", e.location().path());
  }

  @Test
  void nonstandardFieldsAreMappedOrKept() {
    ParseResult<TlsRptReport> r = lenient("synthetic-edited-microsoft-2025-08-03-nonstandard-fields.json");
    FailureDetail d = r.value().policies().get(0).failureDetails().get(0);
    assertFalse(d.resultType().isKnown());
    assertEquals("Testing", d.resultType().wireName());
    assertEquals("testing.josh.scot", d.additionalInformation());
    assertEquals("x.x.x.x", d.sendingMtaIp());
    assertTrue(kinds(r).containsAll(Set.of(
        ReportErrorCode.UNKNOWN_RESULT_TYPE,
        ReportErrorCode.DRAFT_FIELD_NAME,
        ReportErrorCode.INVALID_VALUE)));
  }

  @Test
  void emptyStringsAreReadAsAbsent() {
    ParseResult<TlsRptReport> r = lenient("synthetic-empty-failure-detail-fields.json");
    FailureDetail d = r.value().policies().get(0).failureDetails().get(0);
    assertNull(d.sendingMtaIp());
    assertNull(d.receivingIp());
    assertNull(d.receivingMxHostname());
    assertNull(d.additionalInformation());
    assertEquals("no-policy-served", d.failureReasonCode());
    assertEquals(4, r.warnings().size());
  }

  @Test
  void unknownPolicyTypeAndMissingCountsAreToleratedButNotStrict() {
    ParseResult<TlsRptReport> r = lenient("synthetic-invalid-policy-type-missing-fields.json");
    PolicyResult second = r.value().policies().get(1);
    assertSame(PolicyType.UNKNOWN, second.policyType());
    assertEquals("invalid-policy-type", second.policyTypeText());
    assertNull(second.policyDomain());
    assertEquals(0, second.failedSessionCount());
    ReportParseException e =
        assertThrows(
            ReportParseException.class,
            () ->
                TlsRptReader.strict()
                    .read(Corpus.file("synthetic-invalid-policy-type-missing-fields.json")));
    assertEquals(ReportErrorCode.MISSING_FIELD, e.code());
    assertEquals("$.policies[0].policy", e.location().path());
  }

  @Test
  void literalAppendixBUrlIsKeptVerbatim() {
    TlsRptReport r = lenient("rfc8460-appendix-b-literal-url-with-spaces.json").value();
    assertEquals(
        "https://reports.company-x.example/report_info ? id = 5065427 c - 23 d3# StarttlsNotSupported ",
        r.policies().get(0).failureDetails().get(1).additionalInformation());
  }

  @Test
  void multiDayGoogleStyleReportKeepsItsRange() {
    TlsRptReport r = lenient("synthetic-google-style-2020-01-01-certificate-host-mismatch.json").value();
    assertEquals(java.time.LocalDate.parse("2020-01-07"), r.dateRange().lastDay());
    assertSame(
        ResultType.CERTIFICATE_HOST_MISMATCH,
        r.policies().get(0).failureDetails().get(0).resultType());
  }

}
