package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.sender.internal.DnsIds;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fetcher's guards and back-off, and the certificate rules, on the in-JVM server. */
final class PolicyFetcherTest {
  private static FetchFixture fixture;
  private static InJvmPolicyServers servers;

  @BeforeAll
  static void start() throws Exception {
    fixture = new FetchFixture();
    servers = new InJvmPolicyServers(fixture);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static PolicyFetcher.Builder builder(FaultCase c) {
    return PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
        .connect(c.policyHost(), servers.addressOf(c)).deadline(Duration.ofSeconds(5));
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() {
    FaultCase c = FaultCase.OK;
    int before = servers.requests(c);
    PolicyFetchException e = assertThrows(PolicyFetchException.class,
        () -> builder(c).build().fetchBlocking(c.domain()));
    assertEquals(FetchErrorCode.ADDRESS_NOT_ALLOWED, e.code());
    assertTrue(e.getMessage().contains("127.0.0.1, a loopback address"), e::getMessage);
    assertTrue(e.getMessage().contains("allowAddressKinds(AddressKind.LOOPBACK)"), e::getMessage);
    assertEquals(before, servers.requests(c), "nothing was sent");
    assertEquals(c.domain(),
        builder(c).allowAddressKinds(AddressKind.LOOPBACK).build().fetchBlocking(c.domain()).domain());
  }

  @ParameterizedTest
  @CsvSource({
      "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "192.168.1.1, PRIVATE", "100.64.0.1, PRIVATE",
      "169.254.169.254, LINK_LOCAL", "127.0.0.53, LOOPBACK", "0.0.0.0, UNSPECIFIED",
      "::1, LOOPBACK", "fe80::1, LINK_LOCAL", "fd00::1, PRIVATE", "224.0.0.1, MULTICAST",
      "::ffff:10.0.0.1, PRIVATE", "93.184.215.14, PUBLIC", "2606:4700::1111, PUBLIC", "172.32.0.1, PUBLIC"})
  void addressKinds(String address, AddressKind kind) throws Exception {
    assertEquals(kind, AddressKind.of(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.7", "169.254.169.254", "192.168.0.1", "fd12::1"})
  void aResolverAnsweringANonPublicAddressIsRefused(String address) throws Exception {
    InetAddress a = InetAddress.getByName(address);
    PolicyFetcher fetcher = PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
        .hostResolver(host -> List.of(InetAddress.getByName("93.184.215.14"), a)).build();
    PolicyFetchException e = assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking("example.com"));
    assertEquals(FetchErrorCode.ADDRESS_NOT_ALLOWED, e.code(), e::getMessage);
  }

  @Test
  void aHostWithoutAddressIsHostNotFound() {
    PolicyFetcher fetcher = PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
        .hostResolver(host -> List.of()).build();
    PolicyFetchException e = assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking("example.com"));
    assertEquals(FetchErrorCode.HOST_NOT_FOUND, e.code());
    assertEquals("sts-policy-fetch-error", e.resultType().wireName());
  }

  @Test
  void aFailedGetBlocksTheNextOneForTheSameIdForFiveMinutes() {
    FaultCase c = FaultCase.NOT_FOUND;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    PolicyFetcher fetcher = builder(c).allowAddressKinds(AddressKind.LOOPBACK).clock(clock).build();
    int before = servers.requests(c);
    assertEquals(FetchErrorCode.HTTP_STATUS,
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "id1")).code());
    assertEquals(before + 1, servers.requests(c));

    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    PolicyFetchException backedOff =
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "id1"));
    assertEquals(FetchErrorCode.BACKED_OFF, backedOff.code());
    assertEquals("sts-policy-fetch-error", backedOff.resultType().wireName());
    assertTrue(backedOff.getMessage().contains("2026-12-01T10:05:00Z"), backedOff::getMessage);
    assertEquals(before + 1, servers.requests(c), "no GET while backed off");

    // Another id is another policy version: it may be fetched at once (RFC 8461 §3.3).
    assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "id2"));
    assertEquals(before + 2, servers.requests(c));

    clock.advance(Duration.ofSeconds(1));
    assertEquals(FetchErrorCode.HTTP_STATUS,
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "id1")).code());
    assertEquals(before + 3, servers.requests(c));
  }

  @Test
  void theBackedOffFailureKeepsTheResultTypeOfTheFailureItRepeats() {
    FaultCase c = FaultCase.TEXT_HTML;
    PolicyFetcher fetcher = builder(c).allowAddressKinds(AddressKind.LOOPBACK).build();
    assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "x"));
    PolicyFetchException e = assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain(), "x"));
    assertEquals(FetchErrorCode.BACKED_OFF, e.code());
    assertEquals("sts-policy-invalid", e.resultType().wireName());
  }

  /**
   * The reason the fetcher checks DNS-IDs itself: the JDK's HTTPS endpoint identification accepts
   * a certificate whose only identity is its CN, which RFC 8461 §3.3 refuses.
   */
  @Test
  void theJdkHostnameCheckFallsBackToTheCnButTheFetcherDoesNot() throws Exception {
    FaultCase c = FaultCase.CN_ONLY;
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", fixture.pki.root());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    InetSocketAddress address = servers.addressOf(c);
    try (Socket plain = new Socket(address.getAddress(), address.getPort());
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, c.policyHost(), address.getPort(), true)) {
      SSLParameters p = tls.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      p.setServerNames(List.of(new SNIHostName(c.policyHost())));
      tls.setSSLParameters(p);
      tls.startHandshake(); // accepted by the JDK
      assertTrue(DnsIds.of((java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0]).isEmpty());
    }
    PolicyFetchException e = assertThrows(PolicyFetchException.class,
        () -> builder(c).allowAddressKinds(AddressKind.LOOPBACK).build().fetchBlocking(c.domain()));
    assertEquals(FetchErrorCode.CERTIFICATE_WITHOUT_DNS_NAME, e.code());
    assertTrue(e.getMessage().contains("its CN is not consulted"), e::getMessage);
  }

  @Test
  void theCertificateValidityFollowsTheInjectedClock() {
    FaultCase c = FaultCase.OK;
    MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(3651)));
    PolicyFetchException e = assertThrows(PolicyFetchException.class,
        () -> builder(c).allowAddressKinds(AddressKind.LOOPBACK).clock(clock).build().fetchBlocking(c.domain()));
    assertEquals(FetchErrorCode.CERTIFICATE_EXPIRED, e.code(), e::getMessage);
  }

  @ParameterizedTest
  @CsvSource({
      "mta-sts.example.com, mta-sts.example.com, true",
      "MTA-STS.Example.COM, mta-sts.example.com, true",
      "mta-sts.example.com., mta-sts.example.com, true",
      "*.example.com, mta-sts.example.com, true",
      "*.mta-sts.example.com, mta-sts.example.com, false",
      "*.example.com, a.mta-sts.example.com, false",
      "m*.example.com, mta-sts.example.com, false",
      "*ta-sts.example.com, mta-sts.example.com, false",
      "mta-sts.*.com, mta-sts.example.com, false",
      "*.com, example.com, false",
      "example.com, mta-sts.example.com, false",
      "'', mta-sts.example.com, false"})
  void dnsIdMatchingFollowsRfc6125AsRfc8461Restricts(String dnsId, String host, boolean expected) {
    assertEquals(expected, DnsIds.matches(dnsId, host));
  }

  @Test
  void policyUrlAndHost() {
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt", PolicyFetcher.policyUrl("Example.COM."));
    assertEquals("mta-sts.xn--bcher-kva.example", PolicyFetcher.policyHost("bücher.example"));
    assertThrows(IllegalArgumentException.class, () -> PolicyFetcher.policyHost("straße.de"));
    assertThrows(IllegalArgumentException.class, () -> PolicyFetcher.policyHost("*.example.com"));
    assertThrows(IllegalArgumentException.class, () -> PolicyFetcher.policyHost("exa mple.com"));
    assertFalse(PolicyFetcher.policyHost("a.example").isEmpty());
  }

  @Test
  void builderRejectsBadSettings() {
    PolicyFetcher.Builder b = PolicyFetcher.newBuilder();
    assertThrows(IllegalArgumentException.class, () -> b.deadline(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.failureBackoff(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.trustRoots(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> b.connect("mta-sts.example.com", InetSocketAddress.createUnresolved("x", 1)));
  }
}
