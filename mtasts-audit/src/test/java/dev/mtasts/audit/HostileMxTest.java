package dev.mtasts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.testkit.net.StartTlsResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MX hosts that misbehave: each is a finding within the probe's deadline, never a hang or an
 * exception; and the probe never sends mail. In-JVM servers only: these test the client.
 */
final class HostileMxTest {
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

  @ParameterizedTest
  @CsvSource({
    "NEVER_GREETS, SMTP_NO_GREETING, no greeting within 2000 ms",
    "GARBAGE_GREETING, SMTP_PROTOCOL_ERROR, which is not an SMTP reply",
    "HUGE_LINE, SMTP_PROTOCOL_ERROR, a reply line longer than 4096 bytes",
    "REFUSES, SMTP_GREETING_REJECTED, the server greeted with \"554 5.3.2 no service here\""
  })
  void hostileServerIsAFindingInBoundedTime(StartTlsResponder.Behaviour behaviour, FindingId expected, String words)
      throws Exception {
    try (StartTlsResponder hostile = new StartTlsResponder(null, behaviour)) {
      domain.connect(FakeDomain.MX2, hostile.address());
      long start = System.nanoTime();
      AuditReport r = domain.audit().timeout(Duration.ofSeconds(2)).build().audit(FakeDomain.DOMAIN);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(List.of(expected), r.problems().stream().map(Finding::id).toList(), () -> r.problems().toString());
      Finding f = r.findings(expected).get(0);
      assertTrue(f.message().contains(words), f.message());
      // The deadline bounds the probe (2 s); the other steps are quick on loopback.
      assertTrue(ms < 8_000, "the audit took " + ms + " ms");
      for (String printed : List.of(f.message(), String.valueOf(f.evidence()))) {
        // What the server sent is quoted with its control characters escaped.
        assertTrue(printed.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "escaped: " + printed);
      }
    }
  }

  @Test
  void closedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    domain.connect(FakeDomain.MX2, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    AuditReport r = domain.audit().build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.SMTP_UNREACHABLE), r.problems().stream().map(Finding::id).toList());
  }

  @Test
  void probeSendsEhloStartTlsThenQuitAndNoMail() throws Exception {
    SmtpFixture pki = new SmtpFixture();
    try (StartTlsResponder mx = new StartTlsResponder(pki.certificates.get(SmtpCase.WILDCARD),
        StartTlsResponder.Behaviour.NORMAL)) {
      domain.connect(FakeDomain.MX2, mx.address());
      AuditReport r = DomainAudit.newBuilder().dnsServer(domain.dns.address())
          .trustRoots(List.of(pki.pki.root(), domain.policyCa.root()))
          .connect("mta-sts." + FakeDomain.DOMAIN, domain.policyHost.address())
          .connect(FakeDomain.MX1, mx.address()).connect(FakeDomain.MX2, mx.address())
          .build().audit(FakeDomain.DOMAIN);
      // *.example.test covers both MX hosts (one label, RFC 8461 §4.2).
      assertEquals(List.of(), r.problems(), () -> r.problems().toString());
      // Both MX names lead here and are probed in parallel: each session is EHLO, STARTTLS, QUIT under TLS.
      List<String> commands = new java.util.ArrayList<>(mx.commands());
      java.util.Collections.sort(commands);
      assertEquals(List.of("EHLO", "EHLO", "STARTTLS", "STARTTLS", "TLS QUIT", "TLS QUIT"), commands);
    }
  }
}
