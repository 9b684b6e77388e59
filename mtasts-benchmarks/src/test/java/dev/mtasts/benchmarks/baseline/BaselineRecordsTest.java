package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BaselineRecordsTest {

  @Test
  void stsBaselineReadsTheSdksId() {
    assertEquals(
        StsRecord.parse(PolicyData.STS_RECORD).id().value(),
        BaselineRecords.parseSts(PolicyData.STS_RECORD).id());
  }

  @Test
  void tlsRptBaselineReadsTheSdksUris() {
    assertEquals(
        TlsRptRecord.parse(PolicyData.TLSRPT_RECORD).rua(),
        BaselineRecords.parseTlsRpt(PolicyData.TLSRPT_RECORD).rua());
    assertEquals(2, BaselineRecords.parseTlsRpt(PolicyData.TLSRPT_RECORD).rua().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=STSv1;",
        "v=STSv1; id=abc-def;",
        "v=STSv1; id=123456789012345678901234567890123;",
        " v=STSv1; id=1;",
        "v=STSv1; id=1;;",
      })
  void stsBaselineRefusesInvalidRecords(String text) {
    assertThrows(IllegalArgumentException.class, () -> BaselineRecords.parseSts(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v=TLSRPTv1;",
        "v=TLSRPTv1; rua=ftp://example.com/",
        "v=TLSRPTv1; rua=mailto:nobody",
        "v=TLSRPTv1; ruf=mailto:a@example.com",
      })
  void tlsRptBaselineRefusesInvalidRecords(String text) {
    assertThrows(IllegalArgumentException.class, () -> BaselineRecords.parseTlsRpt(text));
  }
}
