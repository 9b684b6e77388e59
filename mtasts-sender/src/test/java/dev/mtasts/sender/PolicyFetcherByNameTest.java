package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fetcher's default path, as in production: the policy host is dialled by name (the system
 * resolver, here the JVM's {@code -Djdk.net.hosts.file}), java.net.http sends the SNI, and one
 * shared client checks each certificate for the host it connected to.
 */
final class PolicyFetcherByNameTest {
  private static FetchFixture fixture;
  private static InJvmPolicyServers servers;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(System.getProperty("jdk.net.hosts.file") != null, "needs -Djdk.net.hosts.file (see pom.xml)");
    fixture = new FetchFixture();
    servers = new InJvmPolicyServers(fixture);
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
  }

  private static PolicyFetcher.Builder byName() {
    return PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
        .port(servers.addressOf(FaultCase.OK).getPort()).deadline(Duration.ofSeconds(5));
  }

  @Test
  void oneSharedClientChecksEachHostItConnectsTo() throws Exception {
    assertEquals(InetAddress.getLoopbackAddress(), InetAddress.getByName(FaultCase.OK.policyHost()));
    PolicyFetcher fetcher = byName().allowAddressKinds(AddressKind.LOOPBACK).build();
    assertEquals(FaultCase.OK.domain(), fetcher.fetchBlocking(FaultCase.OK.domain()).domain());
    assertEquals(FetchErrorCode.CERTIFICATE_WITHOUT_DNS_NAME,
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(FaultCase.CN_ONLY.domain())).code());
    assertEquals(FetchErrorCode.CERTIFICATE_HOST_MISMATCH,
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(FaultCase.CERTIFICATE_OTHER_HOST.domain())).code());
    PolicyFetchException redirect =
        assertThrows(PolicyFetchException.class, () -> fetcher.fetchBlocking(FaultCase.REDIRECT_301.domain()));
    assertEquals(FetchErrorCode.REDIRECT, redirect.code());
    assertEquals(FaultCase.OK.domain(), fetcher.fetchBlocking(FaultCase.OK.domain()).domain(), "the client is reused");
  }

  @Test
  void theAddressGuardUsesTheSystemResolver() {
    PolicyFetchException e = assertThrows(PolicyFetchException.class,
        () -> byName().build().fetchBlocking(FaultCase.OK.domain()));
    assertEquals(FetchErrorCode.ADDRESS_NOT_ALLOWED, e.code(), e::getMessage);
  }

  @Test
  void anUnknownPolicyHostIsHostNotFoundNotConnectFailed() {
    PolicyFetchException e = assertThrows(PolicyFetchException.class,
        () -> byName().build().fetchBlocking("nowhere.fetch.test"));
    assertEquals(FetchErrorCode.HOST_NOT_FOUND, e.code(), e::getMessage);
    PolicyFetchException unguarded = assertThrows(PolicyFetchException.class,
        () -> byName().allowAddressKinds(AddressKind.values()).build().fetchBlocking("nowhere.fetch.test"));
    assertEquals(FetchErrorCode.HOST_NOT_FOUND, unguarded.code(), unguarded::getMessage);
  }
}
