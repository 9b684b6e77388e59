package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mtasts.benchmarks.data.DiscoveryData;
import dev.mtasts.sender.DiscoveryResult;
import dev.mtasts.sender.PolicyDiscovery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The baseline cache does the hit path's job: the same value for a held domain, none otherwise. */
final class BaselinePolicyCacheTest {

  @Test
  void returnsWhatTheDiscoveryReturnsOnAHit() {
    PolicyDiscovery discovery = DiscoveryData.discovery(Duration.ofDays(1));
    String d = DiscoveryData.domain(7);
    discovery.policyForBlocking(d);
    DiscoveryResult hit = discovery.policyForBlocking(d);
    assertInstanceOf(DiscoveryResult.Found.class, hit);
    assertSame(hit, discovery.policyForBlocking(d));
    BaselinePolicyCache baseline = new BaselinePolicyCache(Duration.ofDays(1));
    baseline.put(d, hit, Duration.ofDays(7));
    assertSame(hit, baseline.get(d));
    assertSame(hit, baseline.get(d.toUpperCase(java.util.Locale.ROOT)));
    assertNull(baseline.get(DiscoveryData.domain(8)));
    assertNull(new BaselinePolicyCache(Duration.ZERO).get(d));
  }
}
