package dev.mtasts.benchmarks;

import dev.mtasts.benchmarks.baseline.BaselineRecords;
import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Strict parsing of a typical {@code _mta-sts} record (RFC 8461 §3.1) and a typical {@code
 * _smtp._tls} record with two report URIs (RFC 8460 §3). Target: at most 100 ns/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordParseBenchmark {

  // Fields, not constants, so the JIT cannot fold the input.
  private String sts = PolicyData.STS_RECORD;
  private String tlsRpt = PolicyData.TLSRPT_RECORD;

  /** Creates the benchmark state; JMH calls it. */
  public RecordParseBenchmark() {}

  /**
   * Parses the STS record with the SDK.
   *
   * @return the record
   */
  @Benchmark
  public StsRecord stsRecord() {
    return StsRecord.parse(sts);
  }

  /**
   * Parses the STS record with regular expressions.
   *
   * @return the record
   */
  @Benchmark
  public BaselineRecords.Sts stsRecordBaseline() {
    return BaselineRecords.parseSts(sts);
  }

  /**
   * Parses the TLS-RPT record with the SDK.
   *
   * @return the record
   */
  @Benchmark
  public TlsRptRecord tlsRptRecord() {
    return TlsRptRecord.parse(tlsRpt);
  }

  /**
   * Parses the TLS-RPT record with regular expressions.
   *
   * @return the record
   */
  @Benchmark
  public BaselineRecords.TlsRpt tlsRptRecordBaseline() {
    return BaselineRecords.parseTlsRpt(tlsRpt);
  }
}
