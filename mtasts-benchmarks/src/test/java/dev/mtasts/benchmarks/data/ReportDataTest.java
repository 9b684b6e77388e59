package dev.mtasts.benchmarks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ReportDataTest {

  @Test
  void typicalPolicyIsAboutOneHundredFiftyBytes() {
    int size = PolicyData.TYPICAL.getBytes(StandardCharsets.US_ASCII).length;
    assertTrue(size >= 130 && size <= 170, "typical policy is " + size + " bytes");
  }

  @Test
  void largePolicyHasFiveHundredMxLines() {
    long mx = PolicyData.policy(500).lines().filter(l -> l.startsWith("mx: ")).count();
    assertEquals(500, mx);
  }

  @Test
  void largeReportIsAboutOneMegabyte() {
    int size = ReportData.largeReport().toJsonBytes().length;
    assertTrue(size >= 1_000_000 && size <= 2_000_000, "large report is " + size + " bytes");
  }

  @Test
  void endToEndReportsAverageAboutFiveKilobytes() {
    long total = 0;
    for (int i = 0; i < 100; i++) {
      total += ReportData.endToEndReport(i).toJsonBytes().length;
    }
    long average = total / 100;
    assertTrue(average >= 4_000 && average <= 7_000, "average report is " + average + " bytes");
  }

  @Test
  void generatorIsDeterministic() {
    assertEquals(
        ReportData.aggregationReport(12_345, 1_000, 0).toJson(),
        ReportData.aggregationReport(12_345, 1_000, 0).toJson());
    assertEquals(ReportData.endToEndReport(7).toJson(), ReportData.endToEndReport(7).toJson());
  }

  @Test
  void gzipRoundTrips() {
    byte[] json = ReportData.endToEndReport(1).toJsonBytes();
    assertEquals(new String(json, StandardCharsets.UTF_8),
        new String(Corpus.gunzip(Corpus.gzip(json)), StandardCharsets.UTF_8));
  }
}
