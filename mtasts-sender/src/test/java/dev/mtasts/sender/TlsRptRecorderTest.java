package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions and fetch failures recorded into TLS-RPT reports with the right policy and result types. */
final class TlsRptRecorderTest {
  private static final String D = "example.com";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final TlsRptReportBuilder builder = TlsRptReportBuilder.newBuilder("Sender", "tlsrpt@sender.example", "sender.example");
  private final TlsRptRecorder recorder = new TlsRptRecorder(builder, clock, "192.0.2.25");

  private static DiscoveryResult.Found enforce() {
    String text = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mail.example.com\r\nmax_age: 86400\r\n";
    return new DiscoveryResult.Found(D, new CachedPolicy(D, "1", MtaStsPolicy.parse(text), text,
        Instant.parse("2026-12-01T00:00:00Z")), DiscoveryResult.Provenance.CACHED, null);
  }

  @Test
  void sessionsAndFailuresLandInOneStsPolicyResult() {
    DiscoveryResult.Found f = enforce();
    recorder.recordSession(f, "mx1.example.com", "198.51.100.1",
        MxDecision.afterTls(f, "mx1.example.com", TlsOutcome.validated(), DaneStatus.NOT_SIGNALLED));
    recorder.recordSession(f, "mx1.example.com.", "198.51.100.1",
        MxDecision.afterTls(f, "mx1.example.com", TlsOutcome.noStarttls(), DaneStatus.NOT_SIGNALLED));
    recorder.recordSession(f, "evil.example", null, MxDecision.beforeConnect(f, "evil.example"));
    List<GeneratedReport> reports = builder.drainAll();
    assertEquals(1, reports.size());
    PolicyResult r = reports.get(0).report().policies().get(0);
    assertEquals(PolicyType.STS, r.policyType());
    assertEquals(List.of("version: STSv1", "mode: enforce", "mx: mx1.example.com", "mx: *.mail.example.com",
        "max_age: 86400"), r.policyStrings());
    assertEquals(List.of("mx1.example.com", "*.mail.example.com"), r.mxHosts());
    assertEquals(1, r.successfulSessionCount());
    assertEquals(2, r.failedSessionCount());
    List<ResultType> types = r.failureDetails().stream().map(FailureDetail::resultType).toList();
    assertEquals(List.of(ResultType.STARTTLS_NOT_SUPPORTED, ResultType.VALIDATION_FAILURE), types);
    FailureDetail first = r.failureDetails().get(0);
    assertEquals("192.0.2.25", first.sendingMtaIp());
    assertEquals("mx1.example.com", first.receivingMxHostname());
    assertEquals("198.51.100.1", first.receivingIp());
  }

  @Test
  void aDomainWithoutPolicyIsNoPolicyFoundAndAFetchFailureIsStsWithItsResultType() {
    DiscoveryResult none = new DiscoveryResult.NoPolicy(D, DiscoveryResult.NoPolicyReason.NO_TXT_RECORD, "", null, null);
    recorder.recordSession(none, "mx1.example.com", null, MxDecision.beforeConnect(none, "mx1.example.com"));
    PolicyFetchException e = new PolicyFetchException(FetchErrorCode.CERTIFICATE_EXPIRED,
        PolicyFetcher.policyUrl("other.example"), "expired", -1, null, null);
    DiscoveryResult failed = new DiscoveryResult.NoPolicy("other.example", DiscoveryResult.NoPolicyReason.FETCH_FAILED, "", e, null);
    recorder.recordSession(failed, "mx.other.example", null, MxDecision.beforeConnect(failed, "mx.other.example"));
    recorder.recordFetchFailure(D, Scripted.fetchError(D), enforce().policy());
    List<GeneratedReport> reports = builder.drainAll();
    PolicyResult ex0 = reports.stream().filter(g -> g.report().policies().get(0).policyDomain().equals(D))
        .findFirst().orElseThrow().report().policies().stream()
        .filter(p -> p.policyType() == PolicyType.NO_POLICY_FOUND).findFirst().orElseThrow();
    assertEquals(1, ex0.successfulSessionCount());
    PolicyResult other = reports.stream().filter(g -> g.report().policies().get(0).policyDomain().equals("other.example"))
        .findFirst().orElseThrow().report().policies().get(0);
    assertEquals(PolicyType.STS, other.policyType());
    assertEquals(ResultType.STS_WEBPKI_INVALID, other.failureDetails().get(0).resultType());
    assertEquals("certificate-expired", other.failureDetails().get(0).failureReasonCode());
    PolicyResult refresh = reports.stream().flatMap(g -> g.report().policies().stream())
        .filter(p -> p.policyType() == PolicyType.STS && D.equals(p.policyDomain())).findFirst().orElseThrow();
    assertEquals(ResultType.STS_POLICY_FETCH_ERROR, refresh.failureDetails().get(0).resultType());
  }
}
