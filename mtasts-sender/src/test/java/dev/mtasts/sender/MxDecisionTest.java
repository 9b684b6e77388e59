package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.sender.MxVerdict.Action;
import dev.mtasts.testkit.net.TestPki;
import dev.mtasts.tlsrpt.ResultType;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-MX decision (RFC 8461 §4, §5, §8.4) and the MX certificate check (§4.2). */
final class MxDecisionTest {
  private static final String D = "example.com";

  private static DiscoveryResult found(String mode) {
    String text = "version: STSv1\nmode: " + mode + "\nmx: mx1.example.com\nmx: *.mail.example.com\nmax_age: 86400\n";
    CachedPolicy p = new CachedPolicy(D, "1", MtaStsPolicy.parse(text), text, Instant.parse("2026-12-01T00:00:00Z"));
    return mode.equals("none")
        ? new DiscoveryResult.NoPolicy(D, DiscoveryResult.NoPolicyReason.MODE_NONE, "none", null, p)
        : new DiscoveryResult.Found(D, p, DiscoveryResult.Provenance.CACHED, null);
  }

  private static TlsOutcome outcome(String kind) {
    return switch (kind) {
      case "valid" -> TlsOutcome.validated();
      case "nostarttls" -> TlsOutcome.noStarttls();
      default -> new TlsOutcome(TlsOutcome.Status.CERTIFICATE_INVALID, ResultType.CERTIFICATE_EXPIRED, "expired");
    };
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvSource({
      "enforce, mx1.example.com,      valid,      DELIVER,     ''",
      "enforce, a.mail.example.com.,  valid,      DELIVER,     ''",
      "enforce, mx9.other.example,    valid,      TRY_NEXT_MX, validation-failure",
      "enforce, a.b.mail.example.com, valid,      TRY_NEXT_MX, validation-failure",
      "enforce, mx1.example.com,      nostarttls, TRY_NEXT_MX, starttls-not-supported",
      "enforce, mx1.example.com,      expired,    TRY_NEXT_MX, certificate-expired",
      "testing, mx1.example.com,      valid,      DELIVER,     ''",
      "testing, mx9.other.example,    valid,      DELIVER,     validation-failure",
      "testing, mx1.example.com,      nostarttls, DELIVER,     starttls-not-supported",
      "testing, mx1.example.com,      expired,    DELIVER,     certificate-expired",
      "none,    mx9.other.example,    nostarttls, DELIVER,     ''",
      "none,    mx1.example.com,      expired,    DELIVER,     ''"})
  void verdictPerModeAndOutcome(String mode, String mx, String tls, Action action, String failure) {
    MxVerdict v = MxDecision.afterTls(found(mode), mx, outcome(tls), DaneStatus.NOT_SIGNALLED);
    assertEquals(action, v.action(), v::reason);
    assertEquals(failure.isEmpty() ? null : ResultType.of(failure), v.failure(), v::reason);
    assertEquals(!mode.equals("none"), v.policyApplied());
  }

  @Test
  void beforeConnectSkipsUncoveredHostsOnlyUnderEnforce() {
    assertEquals(Action.TRY_NEXT_MX, MxDecision.beforeConnect(found("enforce"), "evil.example").action());
    assertEquals(Action.DELIVER, MxDecision.beforeConnect(found("testing"), "evil.example").action());
    assertEquals(Action.DELIVER, MxDecision.beforeConnect(found("enforce"), "MX1.EXAMPLE.COM").action());
    DiscoveryResult none = new DiscoveryResult.NoPolicy(D, DiscoveryResult.NoPolicyReason.NO_TXT_RECORD, "", null, null);
    MxVerdict v = MxDecision.beforeConnect(none, "anything.example");
    assertTrue(v.mayDeliver());
    assertFalse(v.policyApplied());
  }

  @Test
  void aFailedDaneValidationIsNeverOverridden() {
    MxVerdict v = MxDecision.afterTls(found("testing"), "mx1.example.com", TlsOutcome.validated(), DaneStatus.FAILED);
    assertEquals(Action.TRY_NEXT_MX, v.action());
    assertTrue(v.reason().contains("never overrides"), v::reason);
    DiscoveryResult none = new DiscoveryResult.NoPolicy(D, DiscoveryResult.NoPolicyReason.NO_TXT_RECORD, "", null, null);
    assertEquals(Action.TRY_NEXT_MX, MxDecision.afterTls(none, "mx", TlsOutcome.validated(), DaneStatus.FAILED).action());
    MxVerdict dane = MxDecision.afterTls(found("enforce"), "mx9.other.example", TlsOutcome.noStarttls(), DaneStatus.VALIDATED);
    assertEquals(Action.DELIVER, dane.action());
    assertNull(dane.failure());
  }

  @Test
  void tlsOutcomeValidatesItsParts() {
    assertThrows(IllegalArgumentException.class,
        () -> new TlsOutcome(TlsOutcome.Status.VALIDATED, ResultType.CERTIFICATE_EXPIRED, "x"));
    assertThrows(IllegalArgumentException.class, () -> new TlsOutcome(TlsOutcome.Status.NO_STARTTLS, null, "x"));
  }

  // The certificate check for MX hosts (§4.2).

  private static final TestPki PKI = TestPki.newCa("mx test CA");
  private static final MxCertificateCheck CHECK = MxCertificateCheck.trusting(List.of(PKI.root()));

  private static @Nullable ResultType check(TestPki.Issued cert, String host) {
    return CHECK.check(List.of(cert.certificate()), host).failure();
  }

  @Test
  void mxCertificateRules() {
    assertNull(check(PKI.leaf("mx1.example.com", List.of("mx1.example.com")), "mx1.example.com."));
    assertNull(check(PKI.leaf("x", List.of("*.mail.example.com")), "a.mail.example.com"));
    assertEquals(ResultType.CERTIFICATE_HOST_MISMATCH,
        check(PKI.leaf("x", List.of("*.mail.example.com")), "a.b.mail.example.com"));
    assertEquals(ResultType.CERTIFICATE_HOST_MISMATCH, check(PKI.leaf("mx1.example.com", List.of()), "mx1.example.com"));
    assertEquals(ResultType.CERTIFICATE_NOT_TRUSTED, check(TestPki.selfSigned("mx1.example.com"), "mx1.example.com"));
    Instant now = Instant.now();
    assertEquals(ResultType.CERTIFICATE_EXPIRED, check(PKI.leaf("mx1.example.com", List.of("mx1.example.com"),
        now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1))), "mx1.example.com"));
    assertEquals(ResultType.CERTIFICATE_EXPIRED, CHECK.withClock(new MutableClock(now.plus(Duration.ofDays(4000))))
        .check(List.of(PKI.leaf("mx1.example.com", List.of("mx1.example.com")).certificate()), "mx1.example.com").failure());
    assertEquals(ResultType.CERTIFICATE_NOT_TRUSTED, CHECK.check(List.of(), "mx1.example.com").failure());
  }

  /** The MTA hands over the session of its own handshake, made without verification. */
  @Test
  void checksThePeerChainOfARealTlsSession() throws Exception {
    FetchFixture fixture = new FetchFixture();
    try (InJvmPolicyServers servers = new InJvmPolicyServers(fixture)) {
      for (FaultCase c : List.of(FaultCase.OK, FaultCase.CN_ONLY, FaultCase.SELF_SIGNED, FaultCase.CERTIFICATE_OTHER_HOST)) {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        var a = servers.addressOf(c);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(a.getAddress(), a.getPort())) {
          SSLParameters p = s.getSSLParameters();
          p.setServerNames(List.of(new SNIHostName(c.policyHost())));
          s.setSSLParameters(p);
          s.startHandshake();
          TlsOutcome outcome = MxCertificateCheck.trusting(List.of(fixture.pki.root())).check(s.getSession(), c.policyHost());
          ResultType expected = switch (c) {
            case OK -> null;
            case SELF_SIGNED -> ResultType.CERTIFICATE_NOT_TRUSTED;
            default -> ResultType.CERTIFICATE_HOST_MISMATCH;
          };
          assertEquals(expected, outcome.failure(), () -> c + ": " + outcome.detail());
        }
      }
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
