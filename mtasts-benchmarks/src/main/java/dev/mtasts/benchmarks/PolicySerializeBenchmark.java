package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselinePolicy;
import dev.mtasts.benchmarks.baseline.BaselinePolicyParser;
import dev.mtasts.benchmarks.baseline.BaselinePolicySerializer;
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
 * Canonical serialization ({@code toText()}, CRLF) of the typical and the large policy. Target:
 * typical at most 150 ns/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PolicySerializeBenchmark {

  /** How many {@code mx} lines the policy has. */
  @Param({"3", "500"})
  public int mxCount;

  private MtaStsPolicy policy = MtaStsPolicy.parse(PolicyData.TYPICAL);
  private BaselinePolicy baseline = BaselinePolicyParser.parse(PolicyData.TYPICAL);

  /** Creates the benchmark state; JMH calls it. */
  public PolicySerializeBenchmark() {}

  /** Parses the policy once for each serializer. */
  @Setup
  public void setUp() {
    String text = PolicyData.policy(mxCount);
    policy = MtaStsPolicy.parse(text);
    baseline = BaselinePolicyParser.parse(text);
  }

  /**
   * Serializes with the SDK.
   *
   * @return the text
   */
  @Benchmark
  public String serialize() {
    return policy.toText();
  }

  /**
   * Serializes with {@code String.format} and concatenation.
   *
   * @return the text
   */
  @Benchmark
  public String serializeBaseline() {
    return BaselinePolicySerializer.toText(baseline);
  }
}
