package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtasts.dns.MtaStsResolver;
import dev.mtasts.sender.DiscoveryResult.Found;
import dev.mtasts.sender.DiscoveryResult.NoPolicy;
import dev.mtasts.testkit.net.ScriptedDnsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole discovery with real components: the dns module's resolver against a DNS server on a
 * loopback port, and the HTTPS fetch against the in-JVM policy server.
 */
final class PolicyDiscoveryIntegrationTest {

  @Test
  void txtOverRealDnsThenTheFetchOverRealTls() throws Exception {
    FetchFixture fixture = new FetchFixture();
    FaultCase ok = FaultCase.OK;
    try (InJvmPolicyServers servers = new InJvmPolicyServers(fixture);
        ScriptedDnsServer dns = new ScriptedDnsServer()) {
      dns.setTxt("_mta-sts." + ok.domain(), "v=STSv1; id=20261201T000000");
      MtaStsResolver resolver = MtaStsResolver.newBuilder().server(dns.address())
          .timeout(Duration.ofSeconds(2)).build();
      PolicyFetcher fetcher = PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
          .connect(ok.policyHost(), servers.addressOf(ok))
          .connect(FaultCase.NOT_FOUND.policyHost(), servers.addressOf(FaultCase.NOT_FOUND))
          .allowAddressKinds(AddressKind.LOOPBACK).build();
      PolicyDiscovery discovery = PolicyDiscovery.newBuilder(TxtLookup.of(resolver), fetcher::fetch)
          .manualMaintenance().build();

      Found first = assertInstanceOf(Found.class, discovery.policyForBlocking(ok.domain()));
      assertEquals(DiscoveryResult.Provenance.FRESH, first.provenance());
      assertEquals("20261201T000000", first.policy().policyId());
      Found second = assertInstanceOf(Found.class, discovery.policyForBlocking(ok.domain()));
      assertEquals(DiscoveryResult.Provenance.CACHED, second.provenance());
      assertEquals(1, servers.requests(ok));

      NoPolicy none = assertInstanceOf(NoPolicy.class, discovery.policyForBlocking("nothing.fetch.test"));
      assertEquals(DiscoveryResult.NoPolicyReason.NO_TXT_RECORD, none.reason());

      dns.setTxt("_mta-sts." + FaultCase.NOT_FOUND.domain(), "v=STSv1; id=1");
      NoPolicy failed = assertInstanceOf(NoPolicy.class, discovery.policyForBlocking(FaultCase.NOT_FOUND.domain()));
      assertEquals(DiscoveryResult.NoPolicyReason.FETCH_FAILED, failed.reason());
      assertEquals(FetchErrorCode.HTTP_STATUS, failed.fetchFailure().orElseThrow().code());
    }
  }
}
