package dev.mtasts.testkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of every parser of the SDK against {@link Contracts}.
 *
 * <p>In a normal build these run in regression mode: each method replays the inputs committed
 * under {@code src/test/resources/dev/mtasts/testkit/fuzz/ParserFuzzTestInputs/<method>/} (earlier
 * findings, named for what they broke) in milliseconds. With {@code JAZZER_FUZZ=1} one method
 * fuzzes for {@code maxDuration} (see {@code fuzz/run}); the real-world corpus is replayed through
 * the same contracts by {@link CorpusContractTest} and seeds the fuzzing runs.
 */
final class ParserFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void policyParser(byte[] input) {
    Contracts.policy(input);
  }

  @FuzzTest(maxDuration = "60s")
  void stsRecordParser(byte[] input) {
    Contracts.stsRecord(Contracts.utf8(input));
  }

  @FuzzTest(maxDuration = "60s")
  void tlsRptRecordParser(byte[] input) {
    Contracts.tlsRptRecord(Contracts.utf8(input));
  }

  @FuzzTest(maxDuration = "60s")
  void reportReader(byte[] input) {
    Contracts.report(input);
  }

  @FuzzTest(maxDuration = "60s")
  void gzipReportReader(byte[] input) {
    Contracts.gzipReport(input);
  }

  @FuzzTest(maxDuration = "60s")
  void historyReader(byte[] input) {
    Contracts.history(Contracts.utf8(input));
  }
}
