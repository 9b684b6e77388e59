package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselinePolicy;
import dev.mtasts.benchmarks.baseline.BaselinePolicyParser;
import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.policy.MtaStsPolicy;
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
 * Strict policy parsing (RFC 8461 §3.2) of a typical policy (3 {@code mx}, 150 bytes) and a large
 * one (500 {@code mx}). Target: typical at most 200 ns/op and at least 3x the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicyParseBenchmark {

  /** How many {@code mx} lines the policy has. */
  @Param({"3", "500"})
  public int mxCount;

  private String text = "";

  /** Creates the benchmark state; JMH calls it. */
  public PolicyParseBenchmark() {}

  /** Builds the policy text. */
  @Setup
  public void setUp() {
    text = PolicyData.policy(mxCount);
  }

  /**
   * Parses with the SDK's strict parser.
   *
   * @return the policy
   */
  @Benchmark
  public MtaStsPolicy parse() {
    return MtaStsPolicy.parse(text);
  }

  /**
   * Parses with the split-and-regex baseline.
   *
   * @return the policy
   */
  @Benchmark
  public BaselinePolicy parseBaseline() {
    return BaselinePolicyParser.parse(text);
  }
}
