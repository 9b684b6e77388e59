package dev.mtasts.testkit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
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
  @DictionaryEntries({"version", "mode", "max_age", "mx", "STSv1", "enforce", "testing", "none", ": ",
      "\\x0D\\x0A", "*.", "xn--", "31557600", "\\xEF\\xBB\\xBF"})
  @FuzzTest(maxDuration = "60s")
  void policyParser(byte[] input) {
    Contracts.policy(input);
  }

  @DictionaryEntries({"v=STSv1", "id=", "; ", ";", "="})
  @FuzzTest(maxDuration = "60s")
  void stsRecordParser(byte[] input) {
    Contracts.stsRecord(Contracts.utf8(input));
  }

  @DictionaryEntries({"v=TLSRPTv1", "rua=", "mailto:", "https://", "%2C", "; ", ",", "="})
  @FuzzTest(maxDuration = "60s")
  void tlsRptRecordParser(byte[] input) {
    Contracts.tlsRptRecord(Contracts.utf8(input));
  }

  @DictionaryEntries({"\"organization-name\"", "\"date-range\"", "\"start-datetime\"", "\"end-datetime\"",
      "\"contact-info\"", "\"report-id\"", "\"policies\"", "\"policy\"", "\"policy-type\"", "\"policy-string\"",
      "\"policy-domain\"", "\"mx-host\"", "\"summary\"", "\"total-successful-session-count\"",
      "\"total-failure-session-count\"", "\"failure-details\"", "\"result-type\"", "\"sending-mta-ip\"",
      "\"receiving-mx-hostname\"", "\"failed-session-count\"", "\"sts\"", "\"tlsa\"", "\"no-policy-found\"",
      "2016-04-01T00:00:00Z", "null"})
  @FuzzTest(maxDuration = "60s")
  void reportReader(byte[] input) {
    Contracts.report(input);
  }

  @DictionaryEntries({"\"organization-name\"", "\"date-range\"", "\"start-datetime\"", "\"end-datetime\"",
      "\"contact-info\"", "\"report-id\"", "\"policies\"", "\"policy\"", "\"policy-type\"", "\"policy-string\"",
      "\"policy-domain\"", "\"mx-host\"", "\"summary\"", "\"total-successful-session-count\"",
      "\"total-failure-session-count\"", "\"failure-details\"", "\"result-type\"", "\"sending-mta-ip\"",
      "\"receiving-mx-hostname\"", "\"failed-session-count\"", "\"sts\"", "\"tlsa\"", "\"no-policy-found\"",
      "2016-04-01T00:00:00Z", "null"})
  @FuzzTest(maxDuration = "60s")
  void gzipReportReader(byte[] input) {
    Contracts.gzipReport(input);
  }

  // Raw gzip bytes (the magic number is added when missing): header flags and fields, member
  // boundaries, trailers. The dictionary holds an empty member, header starts with each flag,
  // and a trailer of an empty member.
  @DictionaryEntries({"\\x1F\\x8B\\x08\\x00\\x00\\x00\\x00\\x00\\x00\\xFF\\x03\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00",
      "\\x1F\\x8B\\x08\\x08", "\\x1F\\x8B\\x08\\x10", "\\x1F\\x8B\\x08\\x04", "\\x1F\\x8B\\x08\\x02",
      "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00", "{}"})
  @FuzzTest(maxDuration = "60s")
  void gzipMemberReader(byte[] input) {
    Contracts.gzipMembers(input);
  }

  @DictionaryEntries({"\"version\"", "\"domain\"", "\"served\"", "\"id\"", "\"from\"", "\"until\"",
      "\"policy\"", "2026-01-01T00:00:00Z", "version: STSv1\\r\\n"})
  @FuzzTest(maxDuration = "60s")
  void historyReader(byte[] input) {
    Contracts.history(Contracts.utf8(input));
  }

  // The input is the content of a saved summary: framed with the header and the checksum the
  // reader checks first, so the fuzzer reaches the content checks (counts, references, order).
  @DictionaryEntries({"\\x00", "\\x01", "\\x1F", "\\x80\\x80\\x80\\x80\\x08", "\\xFF\\xFF\\xFF\\xFF\\x07",
      "sts", "tlsa", "example.com", "starttls-not-supported"})
  @FuzzTest(maxDuration = "60s")
  void summaryReader(byte[] input) {
    Contracts.summary(input);
  }
}
