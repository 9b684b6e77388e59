package dev.mtasts.benchmarks.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ResultTableTest {

  private static String result(String method, String mxCount, double score, double alloc) {
    return "{\"benchmark\":\"dev.mtasts.benchmarks.PolicyParseBenchmark." + method + "\","
        + "\"mode\":\"avgt\",\"params\":{\"mxCount\":\"" + mxCount + "\"},"
        + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.5,\"scoreUnit\":\"ns/op\"},"
        + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + alloc
        + ",\"scoreUnit\":\"B/op\"}}}";
  }

  private static String render(String json, List<String> extra) throws IOException {
    JsonNode results = new ObjectMapper().readTree(json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new ResultTable().print(results, extra, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ratioIsBaselineTimeOverSdkTimeFromTheSameParameters() throws IOException {
    String table =
        render(
            "[" + result("parse", "3", 150, 300) + "," + result("parseBaseline", "3", 900, 2000)
                + "]",
            List.of());
    assertTrue(table.contains("| PolicyParse.parse | mxCount=3 | 150 | ± 1.5 | ns/op | 6.00x |"),
        table);
    assertTrue(table.contains("1.00x (baseline)"), table);
    assertTrue(table.contains("<= 150 ns/op; <= 350 B/op | yes |"), table);
  }

  @Test
  void missedTargetSaysByHowMuch() throws IOException {
    String table =
        render(
            "[" + result("parse", "3", 650, 400) + "," + result("parseBaseline", "3", 1300, 2000)
                + "]",
            List.of());
    assertTrue(table.contains("NO: 650, 4.33x the limit; NO: 400, 1.14x the limit"), table);
  }

  @Test
  void largePolicyIsJudgedPerMxLine() throws IOException {
    String met = render("[" + result("parse", "500", 15_000, 40_000) + "]", List.of());
    assertTrue(met.contains("<= 40 ns per mx line | yes |"), met);
    String missed = render("[" + result("parse", "500", 30_000, 40_000) + "]", List.of());
    assertTrue(missed.contains("<= 40 ns per mx line | NO: 60, 1.50x the limit |"), missed);
  }

  @Test
  void parserFloorIsMarkedAndNotJudged() throws IOException {
    String floor = "{\"benchmark\":\"dev.mtasts.benchmarks.ReportReadBenchmark.jacksonFloor\","
        + "\"mode\":\"avgt\",\"params\":{\"reportSet\":\"large\"},"
        + "\"primaryMetric\":{\"score\":1000,\"scoreError\":1.5,\"scoreUnit\":\"us/op\"},"
        + "\"secondaryMetrics\":{}}";
    String table = render("[" + floor + "]", List.of());
    assertTrue(table.contains("| ReportRead.jacksonFloor | reportSet=large | 1,000 |"), table);
    assertTrue(table.contains("| (parser floor) |"), table);
    assertTrue(table.contains("MB/s |  |  |"), table);
  }

  @Test
  void extraRowsAreAppended() throws IOException {
    String table =
        render(
            "[]",
            List.of("EndToEnd.cliPeakRss\treports=10000\t300\t± 5\tMB\t\t<= 512 MB\tyes"));
    assertTrue(
        table.contains("| EndToEnd.cliPeakRss | reports=10000 | 300 | ± 5 | MB |  |  |  | <= 512 MB | yes |"),
        table);
  }

  private static String aggregation(double millis, double alloc) {
    return "{\"benchmark\":\"dev.mtasts.benchmarks.AggregationBenchmark.aggregate\","
        + "\"mode\":\"avgt\",\"params\":{},"
        + "\"primaryMetric\":{\"score\":" + millis + ",\"scoreError\":1.5,\"scoreUnit\":\"ms/op\"},"
        + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + alloc
        + ",\"scoreUnit\":\"B/op\"}}}";
  }

  @Test
  void aggregationNeedsBothTheRateAndTheAllocationPerReport() throws IOException {
    // 100,000 reports in 25 ms: 4 M results/s; 5 MB allocated: 50 B per report.
    String met = render("[" + aggregation(25, 5_000_000) + "]", List.of());
    assertTrue(met.contains(">= 3 M results/s; <= 64 B allocated per report | yes |"), met);
    String missed = render("[" + aggregation(50, 10_000_000) + "]", List.of());
    assertTrue(missed.contains("NO: 2, 33% short; NO: 100, 1.56x the limit"), missed);
  }
}
