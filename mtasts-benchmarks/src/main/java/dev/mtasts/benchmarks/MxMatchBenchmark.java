package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselineMxMatcher;
import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MX matching of a whole policy (RFC 8461 §4.1) with 3 and 50 patterns, for a host that the last
 * pattern covers ({@code hit}) and one that no pattern covers ({@code miss}). Target: at most 20
 * ns/op and no allocation ({@code gc.alloc.rate.norm} 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MxMatchBenchmark {

  /** How many patterns the policy has. */
  @Param({"3", "50"})
  public int patterns;

  /** Whether the host is covered ({@code hit}) or not ({@code miss}). */
  @Param({"hit", "miss"})
  public String host;

  private MtaStsPolicy policy = MtaStsPolicy.parse(PolicyData.TYPICAL);
  private BaselineMxMatcher baseline = new BaselineMxMatcher(PolicyData.patterns(3));
  private String mxHost = "";

  /** Creates the benchmark state; JMH calls it. */
  public MxMatchBenchmark() {}

  /** Builds the policy, the baseline's expression and the host. */
  @Setup
  public void setUp() {
    List<String> texts = PolicyData.patterns(patterns);
    List<MxPattern> mx = new ArrayList<>();
    for (String p : texts) {
      mx.add(MxPattern.of(p));
    }
    policy = MtaStsPolicy.of(Mode.ENFORCE, 604_800, mx);
    baseline = new BaselineMxMatcher(texts);
    mxHost = host.equals("hit") ? PolicyData.hitHost(patterns) : PolicyData.missHost(patterns);
    if (policy.matches(mxHost) != host.equals("hit") || baseline.matches(mxHost) != host.equals("hit")) {
      throw new IllegalStateException("matchers disagree on " + mxHost);
    }
  }

  /**
   * Matches with the SDK.
   *
   * @return whether a pattern covers the host
   */
  @Benchmark
  public boolean match() {
    return policy.matches(mxHost);
  }

  /**
   * Matches with one regular expression.
   *
   * @return whether a pattern covers the host
   */
  @Benchmark
  public boolean matchBaseline() {
    return baseline.matches(mxHost);
  }
}
