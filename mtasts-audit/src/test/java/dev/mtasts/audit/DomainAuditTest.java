package dev.mtasts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.audit.internal.Checks;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.MtaStsPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fake domain audited end to end through real sockets (DNS, HTTPS, SMTP with STARTTLS), first
 * flawless, then with one defect at a time: each defect yields exactly its finding. Runs against
 * the in-JVM SMTP responders in {@code ./mvnw verify} and against Postfix in {@code
 * .ci/real-smtp-suite}.
 */
final class DomainAuditTest {
  private static FakeDomain domain;

  @BeforeAll
  static void start() throws Exception {
    domain = new FakeDomain();
  }

  @AfterAll
  static void stop() {
    domain.close();
  }

  @BeforeEach
  void reset() {
    domain.reset();
  }

  private static AuditReport audit() {
    return domain.audit().build().audit(FakeDomain.DOMAIN);
  }

  private static List<FindingId> problemIds(AuditReport r) {
    return r.problems().stream().map(Finding::id).toList();
  }

  @Test
  void flawlessDomainHasNoProblem() {
    AuditReport r = audit();
    assertEquals(List.of(), r.problems(), () -> r.problems().toString());
    assertTrue(r.ok());
    assertEquals(FakeDomain.ID, r.policyId());
    assertEquals(Checks.sha256(FakeDomain.POLICY), r.policySha256());
    assertEquals(List.of(FakeDomain.MX1, FakeDomain.MX2), r.mx().stream().map(MxProbe::host).toList());
    for (MxProbe p : r.mx()) {
      assertTrue(p.starttls() && p.covered() && p.problem() == null, p.toString());
      assertTrue(p.tlsProtocol().equals("TLSv1.3") || p.tlsProtocol().equals("TLSv1.2"), p.tlsProtocol());
    }
    assertEquals(List.of("now (enforce): every MX host would be accepted (mx1.example.test, mx2.example.test)"),
        r.verdicts());
    // Without a history the id is shown next to the served policy's SHA-256.
    Finding served = r.findings(FindingId.POLICY_SERVED).get(0);
    assertEquals(FakeDomain.ID, served.evidence().get("id"));
    assertEquals(Checks.sha256(FakeDomain.POLICY), served.evidence().get("sha256"));
    assertEquals(2, r.findings(FindingId.SMTP_TLS).size());
    assertEquals(1, r.findings(FindingId.POLICY_CERTIFICATE).size());
  }

  /** One defect each, and the one finding it must produce. */
  enum Defect {
    NO_STS_RECORD(FindingId.STS_RECORD_MISSING, d -> d.dns.setTxt("_mta-sts." + FakeDomain.DOMAIN)),
    TWO_STS_RECORDS(FindingId.STS_RECORD_SEVERAL,
        d -> d.dns.setTxt("_mta-sts." + FakeDomain.DOMAIN, "v=STSv1; id=1", "v=STSv1; id=2")),
    INVALID_STS_RECORD(FindingId.STS_RECORD_INVALID,
        d -> d.dns.setTxt("_mta-sts." + FakeDomain.DOMAIN, "v=STSv1; id=not-an-id!")),
    NO_TLSRPT_RECORD(FindingId.TLSRPT_RECORD_MISSING, d -> d.dns.setTxt("_smtp._tls." + FakeDomain.DOMAIN)),
    INVALID_TLSRPT_RECORD(FindingId.TLSRPT_RECORD_INVALID,
        d -> d.dns.setTxt("_smtp._tls." + FakeDomain.DOMAIN, "v=TLSRPTv1; rua=tlsrpt@example.test")),
    MAILTO_TO_SINGLE_LABEL(FindingId.TLSRPT_RUA_MAILTO_INVALID,
        d -> d.dns.setTxt("_smtp._tls." + FakeDomain.DOMAIN, "v=TLSRPTv1; rua=mailto:tlsrpt@localhost")),
    HTTPS_RUA_WRONG_CERTIFICATE(FindingId.TLSRPT_RUA_HTTPS_CERTIFICATE_INVALID, d -> {
      d.dns.setTxt("_smtp._tls." + FakeDomain.DOMAIN, "v=TLSRPTv1; rua=https://reports.example.test/v1");
      d.connect("reports.example.test", d.policyHost.address());
    }),
    POLICY_REDIRECT(FindingId.POLICY_REDIRECT, d -> {
      d.policyHost.status = 301;
      d.policyHost.location = "https://www.example.test/mta-sts.txt";
      d.policyHost.body = new byte[0];
    }),
    POLICY_NOT_FOUND(FindingId.POLICY_HTTP_STATUS, d -> d.policyHost.status = 404),
    POLICY_AS_HTML(FindingId.POLICY_CONTENT_TYPE, d -> d.policyHost.contentType = "text/html"),
    POLICY_TOO_LARGE(FindingId.POLICY_TOO_LARGE, d -> {
      byte[] big = new byte[70 * 1024];
      Arrays.fill(big, (byte) '#');
      d.policyHost.body = big;
    }),
    POLICY_INVALID(FindingId.POLICY_INVALID,
        d -> d.policyHost.serve(FakeDomain.POLICY.replace("mode: enforce", "mode: enforced"))),
    POLICY_CERTIFICATE_FOR_OTHER_HOST(FindingId.POLICY_CERTIFICATE_HOST_MISMATCH,
        d -> d.policyHost.certificate = d.policyCa.leaf("www.example.test", List.of("www.example.test"))),
    POLICY_CERTIFICATE_EXPIRED(FindingId.POLICY_CERTIFICATE_EXPIRED, d -> d.policyHost.certificate =
        d.policyCa.leaf("mta-sts.example.test", List.of("mta-sts.example.test"),
            Instant.now().minusSeconds(90 * 86400), Instant.now().minusSeconds(86400))),
    MAX_AGE_ONE_HOUR(FindingId.POLICY_LINT,
        d -> d.policyHost.serve(FakeDomain.POLICY.replace("max_age: 604800", "max_age: 3600"))),
    MX_NOT_IN_POLICY(FindingId.MX_HOST_NOT_COVERED,
        d -> d.policyHost.serve(FakeDomain.POLICY.replace("mx: " + FakeDomain.MX2 + "\r\n", ""))),
    STALE_PATTERN(FindingId.MX_PATTERN_STALE,
        d -> d.policyHost.serve(FakeDomain.POLICY.replace("max_age", "mx: old-mx.example.test\r\nmax_age"))),
    MX_CERTIFICATE_FOR_OTHER_NAME(FindingId.MX_CERTIFICATE_HOST_MISMATCH, d -> d.mx(FakeDomain.MX2, SmtpCase.OTHER_NAME)),
    MX_CERTIFICATE_EXPIRED(FindingId.MX_CERTIFICATE_EXPIRED, d -> d.mx(FakeDomain.MX2, SmtpCase.EXPIRED)),
    MX_WITHOUT_STARTTLS(FindingId.SMTP_STARTTLS_NOT_OFFERED, d -> d.mx(FakeDomain.MX2, SmtpCase.NO_STARTTLS)),
    MX_WITHOUT_ADDRESS(FindingId.MX_HOST_NO_ADDRESS, d -> d.mxByDns(FakeDomain.MX2));

    final FindingId expected;
    final Consumer<FakeDomain> inject;

    Defect(FindingId expected, Consumer<FakeDomain> inject) {
      this.expected = expected;
      this.inject = inject;
    }
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void eachDefectYieldsExactlyItsFinding(Defect defect) {
    defect.inject.accept(domain);
    AuditReport r = audit();
    assertEquals(List.of(defect.expected), problemIds(r), () -> r.problems().toString());
    assertFalse(r.ok());
    Finding f = r.findings(defect.expected).get(0);
    assertFalse(f.fix().isEmpty(), "a problem says how to fix it: " + f);
  }

  @Test
  void mxCertificateMismatchNamesWhatTheCertificateCovers() {
    domain.mx(FakeDomain.MX2, SmtpCase.OTHER_NAME);
    AuditReport r = audit();
    Finding f = r.findings(FindingId.MX_CERTIFICATE_HOST_MISMATCH).get(0);
    assertEquals(FakeDomain.MX2, f.subject());
    assertTrue(f.message().contains("it covers only other.example.org"), f.message());
    assertEquals("other.example.org", f.evidence().get("dns-names"));
    assertEquals(List.of("now (enforce): mail would go to mx1.example.test only; refused: mx2.example.test"
        + " (its certificate does not cover mx2.example.test)"), r.verdicts());
  }

  @Test
  void testingModeVerdictSaysWhatEnforceWouldRefuse() {
    domain.policyHost.serve(FakeDomain.POLICY.replace("mode: enforce", "mode: testing"));
    domain.mx(FakeDomain.MX2, SmtpCase.NO_STARTTLS);
    AuditReport r = audit();
    assertEquals(List.of("now (testing): mail is delivered to every MX host; failures are reported over TLS-RPT"
        + " for mx2.example.test (no STARTTLS)",
        "under enforce: mail would go to mx1.example.test only; refused: mx2.example.test (no STARTTLS)"), r.verdicts());
  }

  @Test
  void everyMxRefusedIsSaidLoudly() {
    domain.mx(FakeDomain.MX1, SmtpCase.EXPIRED);
    domain.mx(FakeDomain.MX2, SmtpCase.OTHER_NAME);
    AuditReport r = audit();
    assertTrue(r.verdicts().get(0).startsWith("now (enforce): ALL MAIL WOULD BE REFUSED: "), r.verdicts().toString());
  }

  private static PublicationHistory history(UnaryOperator<String> recorded) {
    return PublicationHistory.empty(FakeDomain.DOMAIN).served(PolicyId.of(FakeDomain.ID),
        MtaStsPolicy.parse(recorded.apply(FakeDomain.POLICY)), Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void policyChangedButIdDidNot() {
    AuditReport r = domain.audit().history(history(p -> p.replace("mode: enforce", "mode: testing"))).build()
        .audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.POLICY_ID_NOT_BUMPED), problemIds(r), () -> r.problems().toString());
    Finding f = r.findings(FindingId.POLICY_ID_NOT_BUMPED).get(0);
    assertTrue(f.message().startsWith("the policy changed but the id did not; senders keep the old one — bump the id"),
        f.message());
    assertEquals("mode testing -> enforce", f.evidence().get("changed"));
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void unchangedPolicyMatchesHistory() {
    AuditReport r = domain.audit().history(history(p -> p)).build().audit(FakeDomain.DOMAIN);
    assertTrue(r.ok(), () -> r.problems().toString());
    assertEquals(1, r.findings(FindingId.POLICY_ID_MATCHES_HISTORY).size());
  }

  @Test
  void idMissingFromHistoryIsAWarning() {
    PublicationHistory h = PublicationHistory.empty(FakeDomain.DOMAIN).served(PolicyId.of("20260101"),
        MtaStsPolicy.parse(FakeDomain.POLICY), Instant.parse("2026-01-01T00:00:00Z"));
    AuditReport r = domain.audit().history(h).build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.POLICY_ID_NOT_IN_HISTORY), problemIds(r));
  }

  @Test
  void servedPolicyDiffersFromExpectedFile() {
    AuditReport r = domain.audit()
        .expectedPolicy(MtaStsPolicy.parse(FakeDomain.POLICY.replace("max_age: 604800", "max_age: 1209600")))
        .build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.POLICY_DIFFERS_FROM_EXPECTED), problemIds(r));
    assertEquals("max_age 1209600 -> 604800", r.findings(FindingId.POLICY_DIFFERS_FROM_EXPECTED).get(0).evidence().get("changed"));
  }

  @Test
  void wildcardCoveringOneMxIsBroaderThanNeeded() {
    domain.policyHost.serve("version: STSv1\nmode: enforce\nmx: *.example.test\nmax_age: 604800\n");
    domain.dns.setMx(FakeDomain.DOMAIN, 10, FakeDomain.MX1);
    AuditReport r = audit();
    assertTrue(r.ok(), () -> r.problems().toString());
    Finding f = r.findings(FindingId.MX_PATTERN_BROADER_THAN_NEEDED).get(0);
    assertEquals("mx: *.example.test", f.subject());
    assertEquals("list the MX hosts instead: mx: mx1.example.test", f.fix());
  }

  @Test
  void cnameDelegationIsFollowedAndShown() {
    domain.dns.setCname("_mta-sts." + FakeDomain.DOMAIN, "_mta-sts.provider.test");
    domain.dns.setTxt("_mta-sts.provider.test", "v=STSv1; id=" + FakeDomain.ID);
    AuditReport r = audit();
    assertTrue(r.ok(), () -> r.problems().toString());
    assertEquals("_mta-sts.provider.test", r.findings(FindingId.STS_RECORD_CNAME).get(0).evidence().get("chain"));
    assertEquals(FakeDomain.ID, r.policyId());
  }

  @Test
  void reportedMismatchSessionsAreJoinedToTheMx(@TempDir Path reports) throws Exception {
    Files.writeString(reports.resolve("report.json"), """
        {"organization-name":"Sender","date-range":{"start-datetime":"2026-11-20T00:00:00Z",
         "end-datetime":"2026-11-20T23:59:59Z"},"contact-info":"tlsrpt@sender.test","report-id":"r1",
         "policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: testing"],
         "policy-domain":"example.test","mx-host":["mx1.example.test","mx2.example.test"]},
         "summary":{"total-successful-session-count":90,"total-failure-session-count":7},
         "failure-details":[{"result-type":"certificate-host-mismatch","sending-mta-ip":"192.0.2.1",
         "receiving-mx-hostname":"mx2.example.test","receiving-ip":"198.51.100.2","failed-session-count":7}]}]}
        """, StandardCharsets.UTF_8);
    Files.writeString(reports.resolve("broken.json"), "{", StandardCharsets.UTF_8);
    domain.mx(FakeDomain.MX2, SmtpCase.OTHER_NAME);
    AuditReport r = domain.audit().reports(reports).build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.MX_CERTIFICATE_HOST_MISMATCH, FindingId.REPORTED_CERTIFICATE_HOST_MISMATCH,
        FindingId.REPORTS_UNREADABLE), problemIds(r), () -> r.problems().toString());
    Finding joined = r.findings(FindingId.REPORTED_CERTIFICATE_HOST_MISMATCH).get(0);
    assertEquals(FakeDomain.MX2, joined.subject());
    assertEquals("7", joined.evidence().get("sessions"));
    assertTrue(joined.message().contains("its certificate still does not cover it"), joined.message());
  }

  @Test
  void findingsAreGroupedByAreaWorstFirst() {
    domain.dns.setTxt("_smtp._tls." + FakeDomain.DOMAIN);
    domain.mx(FakeDomain.MX2, SmtpCase.NO_STARTTLS);
    AuditReport r = audit();
    List<Finding> f = r.findings();
    for (int i = 1; i < f.size(); i++) {
      assertTrue(AuditReport.ORDER.compare(f.get(i - 1), f.get(i)) <= 0, f.toString());
    }
    assertEquals(Severity.ERROR, r.worst().orElseThrow());
  }
}
