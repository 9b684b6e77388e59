package dev.mtasts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MX host addresses come from the audit's own DNS server (its A and AAAA records), like the TXT
 * and MX records: the DNS server alone leads the audit to the MX hosts; a connect address still
 * wins; a host without an address, or whose lookup never gets an answer, is a finding in bounded
 * time; the addresses kept per host are bounded. Runs against the in-JVM responders and, in
 * {@code .ci/real-smtp-suite}, Postfix.
 */
final class MxAddressTest {
  private static FakeDomain domain;
  private static InetAddress loopback;

  @BeforeAll
  static void start() throws Exception {
    domain = new FakeDomain();
    loopback = domain.smtpAddress(SmtpCase.WILDCARD).getAddress();
  }

  @AfterAll
  static void stop() {
    domain.close();
  }

  @BeforeEach
  void reset() {
    domain.reset();
  }

  private static List<FindingId> problemIds(AuditReport r) {
    return r.problems().stream().map(Finding::id).toList();
  }

  @Test
  void mxHostsAreReachedThroughTheAuditsDnsServerAlone() {
    // Both names on one address and port: the wildcard certificate covers both.
    domain.mxByDns(FakeDomain.MX1, loopback);
    domain.mxByDns(FakeDomain.MX2, loopback);
    int port = domain.smtpAddress(SmtpCase.WILDCARD).getPort();
    AuditReport r = domain.audit().smtpPort(port).build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(), r.problems(), () -> r.problems().toString());
    for (MxProbe p : r.mx()) {
      assertEquals(loopback.getHostAddress() + ":" + port, p.address());
      assertTrue(p.problem() == null && p.starttls(), p::toString);
    }
    for (Finding f : r.findings(FindingId.SMTP_TLS)) {
      assertEquals(loopback.getHostAddress(), f.evidence().get("resolved"), f::toString);
    }
  }

  @Test
  void connectAddressWinsOverTheDnsAddress() {
    // The DNS points mx1 at a service whose certificate covers another name; --connect at the right one.
    domain.dns.setAddresses(FakeDomain.MX1, loopback);
    domain.mx(FakeDomain.MX1, SmtpCase.EXACT);
    AuditReport r = domain.audit().smtpPort(domain.smtpAddress(SmtpCase.OTHER_NAME).getPort()).build()
        .audit(FakeDomain.DOMAIN);
    assertEquals(List.of(), r.problems(), () -> r.problems().toString());
    InetSocketAddress exact = domain.smtpAddress(SmtpCase.EXACT);
    assertEquals(exact.getAddress().getHostAddress() + ":" + exact.getPort(), r.mx().get(0).address());
  }

  @Test
  void mxHostWithoutAddressIsAFindingAndRefusedInTheVerdict() {
    domain.mxByDns(FakeDomain.MX2);
    AuditReport r = domain.audit().build().audit(FakeDomain.DOMAIN);
    assertEquals(List.of(FindingId.MX_HOST_NO_ADDRESS), problemIds(r), () -> r.problems().toString());
    Finding f = r.findings(FindingId.MX_HOST_NO_ADDRESS).get(0);
    assertEquals(FakeDomain.MX2, f.subject());
    assertTrue(f.message().startsWith("mx2.example.test has no A or AAAA record (nxdomain)"), f.message());
    assertEquals("publish an A or AAAA record for mx2.example.test, or remove its MX record", f.fix());
    assertEquals(List.of("now (enforce): mail would go to mx1.example.test only; refused: mx2.example.test"
        + " (it has no address)"), r.verdicts());
  }

  @Test
  void mxAddressLookupWithoutAnswerEndsWithinTheTimeout() {
    domain.mxByDns(FakeDomain.MX2);
    domain.dns.setSilent(FakeDomain.MX2, true);
    long start = System.nanoTime();
    AuditReport r = domain.audit().timeout(Duration.ofSeconds(2)).build().audit(FakeDomain.DOMAIN);
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertEquals(List.of(FindingId.MX_ADDRESS_LOOKUP_FAILED), problemIds(r), () -> r.problems().toString());
    assertTrue(ms < 8_000, "the audit took " + ms + " ms");
    assertTrue(r.mx().get(1).refusal().orElseThrow().contains("cannot be looked up"), r.mx()::toString);
  }

  @Test
  void addressesKeptPerHostAreBounded() throws Exception {
    List<InetAddress> many = new ArrayList<>();
    many.add(loopback);
    for (int i = 1; i <= 30; i++) {
      many.add(InetAddress.getByName("192.0.2." + i));
    }
    domain.mxByDns(FakeDomain.MX1, many.toArray(new InetAddress[0]));
    AuditReport r = domain.audit().smtpPort(domain.smtpAddress(SmtpCase.EXACT).getPort()).build()
        .audit(FakeDomain.DOMAIN);
    assertEquals(List.of(), r.problems(), () -> r.problems().toString());
    String resolved = r.findings(FindingId.SMTP_TLS).get(0).evidence().get("resolved");
    assertEquals(dev.mtasts.dns.MtaStsResolver.MAX_ADDRESSES, resolved.split(", ").length, resolved);
    // The first address (IPv4 first, in the DNS's order) is the one probed.
    assertTrue(r.mx().get(0).address().startsWith(loopback.getHostAddress() + ":"), r.mx()::toString);
  }
}
