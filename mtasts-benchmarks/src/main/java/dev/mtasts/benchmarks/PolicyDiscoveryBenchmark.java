package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselinePolicyCache;
import dev.mtasts.benchmarks.data.DiscoveryData;
import dev.mtasts.sender.DiscoveryResult;
import dev.mtasts.sender.PolicyDiscovery;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sender's per-message call, {@code PolicyDiscovery.policyForBlocking}, on a cache of 10,000
 * domains: {@code hit} within the grace period (target: at most 200 ns and no allocation beyond
 * the returned value, which is pre-built, so none), against a {@code ConcurrentHashMap} cache
 * checking {@code Instant.now()}; {@code revalidated} with a zero grace, so every call looks the
 * TXT record up again (answered at once from memory: what is left is the cache's own code, to set
 * beside a DNS round trip of a millisecond or more).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicyDiscoveryBenchmark {
  private static final int DOMAINS = 10_000;

  private PolicyDiscovery hitCache = DiscoveryData.discovery(Duration.ofDays(1));
  private PolicyDiscovery revalidating = DiscoveryData.discovery(Duration.ZERO);
  private BaselinePolicyCache baseline = new BaselinePolicyCache(Duration.ofDays(1));
  private String domain = DiscoveryData.domain(4242);

  /** Creates the benchmark state; JMH calls it. */
  public PolicyDiscoveryBenchmark() {}

  /** Fills the caches with 10,000 domains. */
  @Setup
  public void setUp() {
    hitCache = DiscoveryData.discovery(Duration.ofDays(1));
    revalidating = DiscoveryData.discovery(Duration.ZERO);
    baseline = new BaselinePolicyCache(Duration.ofDays(1));
    for (int i = 0; i < DOMAINS; i++) {
      String d = DiscoveryData.domain(i);
      DiscoveryResult r = hitCache.policyForBlocking(d);
      revalidating.policyForBlocking(d);
      baseline.put(d, r, Duration.ofDays(7));
    }
    if (!(hitCache.policyForBlocking(domain) instanceof DiscoveryResult.Found f)
        || f.provenance() != DiscoveryResult.Provenance.CACHED || baseline.get(domain) == null) {
      throw new IllegalStateException("the caches do not hold " + domain);
    }
  }

  /**
   * A call within the grace period.
   *
   * @return the cached result
   */
  @Benchmark
  public DiscoveryResult hit() {
    return hitCache.policyForBlocking(domain);
  }

  /**
   * The same with the baseline cache.
   *
   * @return the cached value
   */
  @Benchmark
  public Object hitBaseline() {
    return baseline.get(domain);
  }

  /**
   * A call that looks the TXT record up again (same id: the cached policy).
   *
   * @return the result
   */
  @Benchmark
  public DiscoveryResult revalidated() {
    return revalidating.policyForBlocking(domain);
  }
}
