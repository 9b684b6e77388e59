package dev.mtasts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.testkit.net.StartTlsResponder;
import dev.mtasts.testkit.net.TestPki;
import java.security.Security;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An MX host that offers only TLS 1.0 and 1.1: the audit's TLS 1.2/1.3 handshake fails, and the
 * finding says why ("offers only TLSv1.1"), not just that the handshake failed. The in-JVM
 * responder needs TLS 1.0/1.1 enabled in its JVM, so this class runs in a Surefire execution of
 * its own with {@code src/test/resources/legacy-tls.security} ({@code legacy-tls} in pom.xml);
 * {@code .ci/real-check-suite} has Postfix play the same host.
 */
final class LegacyTlsMxTest {
  private static FakeDomain domain;
  private static StartTlsResponder legacy;
  private static StartTlsResponder brokenTls;

  @BeforeAll
  static void start() throws Exception {
    String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
    assumeTrue(!disabled.matches("(?s).*\\bTLSv1\\.1\\b.*"),
        "needs the legacy-tls Surefire execution (TLS 1.1 is disabled in this JVM: " + disabled + ")");
    domain = new FakeDomain();
    TestPki pki = TestPki.newCa("legacy MX CA");
    legacy = new StartTlsResponder(pki.leaf(FakeDomain.MX2, List.of(FakeDomain.MX2)),
        StartTlsResponder.Behaviour.LEGACY_TLS_ONLY);
    brokenTls = new StartTlsResponder(pki.leaf(FakeDomain.MX2, List.of(FakeDomain.MX2)),
        StartTlsResponder.Behaviour.TLS_GARBAGE);
  }

  @AfterAll
  static void stop() {
    if (domain != null) {
      legacy.close();
      brokenTls.close();
      domain.close();
    }
  }

  @Test
  void mxOfferingOnlyTls11IsReportedAsTooOldNotAsAHandshakeFailure() {
    domain.reset();
    domain.connect(FakeDomain.MX2, legacy.address());
    AuditReport r = domain.audit().build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.SMTP_TLS_VERSION_TOO_OLD), r.problems().stream().map(Finding::id).toList(),
        () -> r.problems().toString());
    Finding f = r.findings(FindingId.SMTP_TLS_VERSION_TOO_OLD).get(0);
    assertEquals(FakeDomain.MX2, f.subject());
    assertTrue(f.message().startsWith("the server offers only TLSv1.1 or older: it refused TLS 1.2 and 1.3"), f.message());
    assertTrue(f.message().contains("RFC 8461 §7.2"), f.message());
    assertTrue(f.fix().startsWith("enable TLS 1.2 and 1.3 on mx2.example.test"), f.fix());
    assertEquals(List.of("now (enforce): mail would go to mx1.example.test only; refused: mx2.example.test"
        + " (it offers only TLS older than 1.2)"), r.verdicts());
    // Two connections up to STARTTLS (the real handshake, then the TLS 1.1 hello); never any mail.
    assertEquals(List.of("EHLO", "STARTTLS", "EHLO", "STARTTLS"), legacy.commands());
  }

  @Test
  void otherHandshakeFailuresStayHandshakeFailures() {
    domain.reset();
    domain.connect(FakeDomain.MX2, brokenTls.address());
    AuditReport r = domain.audit().build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.SMTP_TLS_HANDSHAKE_FAILED), r.problems().stream().map(Finding::id).toList(),
        () -> r.problems().toString());
  }
}
