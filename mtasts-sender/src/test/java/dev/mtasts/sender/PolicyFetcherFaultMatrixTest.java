package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy fetch's fault matrix against a real TLS server on loopback: the in-JVM servers by
 * default, or nginx when {@code -Dmtasts.https.server=127.0.0.1:PORT} and {@code
 * -Dmtasts.https.fixture=DIR} (written by {@link FetchFixture}) are given, as {@code
 * .ci/real-https-suite} does. The stalled handshake and the refused port are about the client and
 * use in-JVM sockets in both modes.
 */
final class PolicyFetcherFaultMatrixTest {
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final @Nullable String NGINX = System.getProperty("mtasts.https.server");

  private static FetchFixture fixture;
  private static InJvmPolicyServers servers;
  private static X509Certificate root;

  @BeforeAll
  static void start() throws Exception {
    fixture = new FetchFixture();
    servers = new InJvmPolicyServers(fixture);
    root = NGINX == null ? fixture.pki.root()
        : FetchFixture.readCertificate(Path.of(System.getProperty("mtasts.https.fixture"), "ca.pem"));
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static boolean servedByNginx(FaultCase c) {
    return NGINX != null
        && (c.transport == FaultCase.Transport.HTTPS || c.transport == FaultCase.Transport.TLS_1_1);
  }

  static InetSocketAddress address(FaultCase c) {
    if (servedByNginx(c)) {
      int colon = NGINX.lastIndexOf(':');
      int port = Integer.parseInt(NGINX.substring(colon + 1));
      return new InetSocketAddress(NGINX.substring(0, colon),
          c.transport == FaultCase.Transport.TLS_1_1 ? port + 1 : port);
    }
    return servers.addressOf(c);
  }

  private static PolicyFetcher fetcher(FaultCase c) {
    return PolicyFetcher.newBuilder()
        .trustRoots(List.of(root))
        .connect(c.policyHost(), address(c))
        .allowAddressKinds(AddressKind.LOOPBACK)
        .connectTimeout(Duration.ofSeconds(10))
        .deadline(DEADLINE)
        .failureBackoff(Duration.ZERO)
        .build();
  }

  /** The TLS-RPT result type each failing row must carry (RFC 8460 §4.3.1). */
  private static String expectedResultType(FaultCase c) {
    return switch (c) {
      case CERTIFICATE_EXPIRED, CERTIFICATE_OTHER_HOST, SELF_SIGNED, CN_ONLY, WILDCARD_BELOW_POLICY_HOST ->
          "sts-webpki-invalid";
      case TEXT_HTML, CHARSET_LATIN1, NO_CONTENT_TYPE, OVER_64_KIB, HUNDRED_MB, INVALID_POLICY, MALFORMED_UTF8 ->
          "sts-policy-invalid";
      default -> "sts-policy-fetch-error";
    };
  }

  @ParameterizedTest
  @EnumSource(FaultCase.class)
  void eachRowOfTheMatrixReachesItsOutcome(FaultCase c) {
    PolicyFetcher fetcher = fetcher(c);
    long start = System.nanoTime();
    if (c.expected == null) {
      FetchedPolicy fetched = fetcher.fetchBlocking(c.domain());
      assertEquals(c.domain(), fetched.domain());
      assertEquals("https://" + c.policyHost() + "/.well-known/mta-sts.txt", fetched.url());
      assertTrue(fetched.policy().matches("mx1." + c.domain()));
      assertTrue(fetched.policy().matches("a.mx." + c.domain()));
      assertEquals(new String(c.bodyBytes(), StandardCharsets.UTF_8), fetched.text());
      return;
    }
    PolicyFetchException e = assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain()));
    assertEquals(c.expected, e.code(), e::getMessage);
    assertEquals(expectedResultType(c), e.resultType().wireName(), e::getMessage);
    assertTrue(e.getMessage().startsWith("https://" + c.policyHost() + "/.well-known/mta-sts.txt: "),
        e::getMessage);
    switch (c) {
      case REDIRECT_301, REDIRECT_302, REDIRECT_307, REDIRECT_308 -> {
        assertEquals(Optional.of(FaultCase.REDIRECT_TARGET), e.redirectLocation());
        assertEquals(c.status, e.status().orElseThrow());
        assertTrue(e.getMessage().contains(FaultCase.REDIRECT_TARGET), e::getMessage);
      }
      case NOT_FOUND, SERVER_ERROR -> assertEquals(c.status, e.status().orElseThrow());
      case INVALID_POLICY, MALFORMED_UTF8 -> assertTrue(e.parseError().isPresent());
      case TLS_1_1_ONLY -> assertTrue(e.getMessage().contains("protocol"), e::getMessage);
      case HUNDRED_MB -> {
        if (!servedByNginx(c)) {
          // Bounded memory: reading stopped long before the server could send 100 MB.
          assertTrue(servers.bytesSent(c) < FaultCase.HUNDRED_MB_LENGTH / 4,
              () -> servers.bytesSent(c) + " bytes were sent");
        }
      }
      case SLOWLORIS, STALLED_HANDSHAKE -> {
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsed >= DEADLINE.toMillis() - 100 && elapsed < DEADLINE.toMillis() + 5000,
            () -> "ended after " + elapsed + " ms");
      }
      default -> { }
    }
  }

  @org.junit.jupiter.api.Test
  void aStalledHandshakeEndsAtTheConnectTimeoutWhenThatIsShorter() {
    FaultCase c = FaultCase.STALLED_HANDSHAKE;
    PolicyFetcher fetcher = PolicyFetcher.newBuilder().trustRoots(List.of(root))
        .connect(c.policyHost(), address(c)).allowAddressKinds(AddressKind.LOOPBACK)
        .connectTimeout(Duration.ofMillis(500)).deadline(DEADLINE).build();
    PolicyFetchException e = assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(c.domain()));
    assertEquals(FetchErrorCode.CONNECT_TIMEOUT, e.code(), e::getMessage);
    assertEquals("sts-policy-fetch-error", e.resultType().wireName());
  }

  @ParameterizedTest
  @EnumSource(value = FaultCase.class, names = {"OK", "TEXT_HTML"})
  void theHostHeaderNamesThePolicyHostWhenAnAddressIsDialled(FaultCase c) {
    assumeTrue(NGINX == null, "in-JVM only: the server records the Host header");
    servers.hostHeaders();
    try {
      fetcher(c).fetchBlocking(c.domain());
    } catch (PolicyFetchException e) {
      // the row's outcome is checked above
    }
    String expected = c.policyHost() + ":" + servers.addressOf(c).getPort();
    assertTrue(servers.hostHeaders().contains(expected), () -> servers.hostHeaders().toString());
  }
}
