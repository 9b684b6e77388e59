package dev.mtasts.benchmarks.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.benchmarks.data.ReportSets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON result file ({@code -rf json}) into the one Markdown table {@code bench/run}
 * prints: benchmark, parameters, score, error, unit, speed relative to the baseline measured in
 * the same run, allocation per operation ({@code -prof gc}), a derived throughput where the
 * target is one (MB/s, policy results/s), the target and whether it is met.
 *
 * <p>Usage: {@code ResultTable RESULT.json [EXTRA.tsv]}. The optional TSV adds rows measured
 * outside JMH (end-to-end run, retained memory), one per line: benchmark, params, score, error,
 * unit, ratio, target, met, separated by tabs.
 */
public final class ResultTable {

  private static final double NANOS_PER_SECOND = 1e9;

  private final Map<String, Long> setBytes = new HashMap<>();

  ResultTable() {}

  /**
   * Prints the table.
   *
   * @param args the JMH JSON file, then optionally the TSV of extra rows
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ResultTable RESULT.json [EXTRA.tsv]");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    List<String> extra =
        args.length == 2 && Files.exists(Path.of(args[1]))
            ? Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)
            : List.of();
    new ResultTable().print(results, extra, System.out);
  }

  /** One JMH result. */
  private record Row(
      String benchmark,
      String method,
      String params,
      Map<String, String> paramMap,
      double score,
      double error,
      String unit,
      double nanos,
      double allocBytes) {}

  void print(JsonNode results, List<String> extra, PrintStream out) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : results) {
      rows.add(row(r));
    }
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : rows) {
      byKey.put(r.benchmark() + "." + r.method() + "|" + r.params(), r);
    }
    out.println(
        "| benchmark | params | score | error | unit | vs baseline | alloc B/op | throughput |"
            + " target | met |");
    out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |");
    for (Row r : rows) {
      String ratio = ratio(r, byKey);
      String derived = derived(r);
      String[] target = target(r, byKey);
      out.printf(
          Locale.ROOT,
          "| %s.%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.benchmark(),
          r.method(),
          r.params().isEmpty() ? "" : r.params(),
          num(r.score()),
          Double.isNaN(r.error()) ? "" : "± " + num(r.error()),
          r.unit(),
          ratio,
          Double.isNaN(r.allocBytes()) ? "" : num(r.allocBytes()),
          derived,
          target[0],
          target[1]);
    }
    for (String line : extra) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String[] c = new String[8];
      for (int i = 0; i < c.length; i++) {
        c[i] = i < f.length ? f[i] : "";
      }
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s |  |  | %s | %s |%n",
          c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }
  }

  private static Row row(JsonNode r) {
    String full = r.path("benchmark").asText();
    int dot = full.lastIndexOf('.');
    String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot).replace("Benchmark", "");
    String method = full.substring(dot + 1);
    Map<String, String> params = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : r.path("params").properties()) {
      params.put(e.getKey(), e.getValue().asText());
    }
    StringBuilder p = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (p.length() > 0) {
        p.append(' ');
      }
      p.append(e.getKey()).append('=').append(e.getValue());
    }
    JsonNode primary = r.path("primaryMetric");
    double score = primary.path("score").asDouble();
    double error = primary.path("scoreError").asDouble(Double.NaN);
    String unit = primary.path("scoreUnit").asText();
    JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
    double allocBytes = alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble();
    return new Row(cls, method, p.toString(), params, score, error, unit, nanos(score, unit),
        allocBytes);
  }

  private static double nanos(double score, String unit) {
    return switch (unit) {
      case "ns/op" -> score;
      case "us/op" -> score * 1e3;
      case "ms/op" -> score * 1e6;
      case "s/op" -> score * 1e9;
      default -> Double.NaN;
    };
  }

  private static String ratio(Row r, Map<String, Row> byKey) {
    if (r.method().endsWith("Baseline")) {
      return "1.00x (baseline)";
    }
    if (r.method().equals("inflateOnly")) {
      return "(inflate floor)";
    }
    if (r.method().equals("jacksonFloor")) {
      return "(parser floor)";
    }
    Row base = byKey.get(r.benchmark() + "." + r.method() + "Baseline|" + r.params());
    if (base == null) {
      return "no baseline";
    }
    return String.format(Locale.ROOT, "%.2fx", base.nanos() / r.nanos());
  }

  private String derived(Row r) {
    String set = r.paramMap().get("reportSet");
    if (set != null) {
      return String.format(Locale.ROOT, "%.0f MB/s", mbPerSecond(r, set));
    }
    if (r.benchmark().equals("Aggregation")) {
      return String.format(Locale.ROOT, "%.2f M results/s", resultsPerSecond(r) / 1e6);
    }
    return "";
  }

  private double mbPerSecond(Row r, String set) {
    long bytes = setBytes.computeIfAbsent(set, ReportSets::jsonBytes);
    return bytes / r.nanos() * NANOS_PER_SECOND / 1e6;
  }

  private static double resultsPerSecond(Row r) {
    // One policy result per synthetic report.
    return ReportData.AGGREGATION_REPORTS / r.nanos() * NANOS_PER_SECOND;
  }

  /** Returns {target text, verdict}, or blanks where the issue sets no target. */
  private String[] target(Row r, Map<String, Row> byKey) {
    String m = r.benchmark() + "." + r.method();
    String mx = r.paramMap().get("mxCount");
    switch (m) {
      case "PolicyParse.parse":
        // Issue 20: typical <= 150 ns and <= 350 B; 500 mx lines <= 40 ns per line.
        if ("3".equals(mx)) {
          return both(
              atMost(r.nanos(), 150, "ns/op"),
              atMost(Double.isNaN(r.allocBytes()) ? 0 : r.allocBytes(), 350, "B/op"));
        }
        if ("500".equals(mx)) {
          return atMost(r.nanos() / 500, 40, "ns per mx line");
        }
        return none();
      case "PolicySerialize.serialize":
        return "3".equals(mx) ? atMost(r.nanos(), 150, "ns/op") : none();
      case "MxMatch.match":
        return both(
            atMost(r.nanos(), 20, "ns/op"),
            atMost(Double.isNaN(r.allocBytes()) ? 0 : r.allocBytes(), 0.5, "B/op (none)"));
      case "RecordParse.stsRecord":
        return atMost(r.nanos(), 60, "ns/op");
      case "RecordParse.tlsRptRecord":
        return atMost(r.nanos(), 150, "ns/op");
      case "ReportRead.read":
        {
          Row base = byKey.get("ReportRead.readBaseline|" + r.params());
          double speed = base == null ? Double.NaN : base.nanos() / r.nanos();
          return both(
              atLeast(mbPerSecond(r, r.paramMap().get("reportSet")), 600, "MB/s"),
              atLeast(speed, 1.8, "x baseline"));
        }
      case "ReportReadGzip.readGzip":
        {
          // Issue 20: what gzip adds to the plain read of the same documents, in units of the
          // time inflating alone takes (parsing cannot be faster than it is without gzip).
          Row inflate = byKey.get("ReportReadGzip.inflateOnly|" + r.params());
          Row plain = byKey.get("ReportRead.read|" + r.params());
          double added = inflate == null || plain == null ? Double.NaN
              : (r.nanos() - plain.nanos()) / inflate.nanos();
          String[] verdict = atMost(added, 1.1, "x inflate alone added to the plain read");
          if (inflate != null) {
            verdict[1] += String.format(Locale.ROOT, " (%.2fx inflate alone in all)",
                r.nanos() / inflate.nanos());
          }
          return verdict;
        }
      case "Aggregation.aggregate":
        // The reports are read before measuring: all the allocation is the aggregation's.
        return both(
            atLeast(resultsPerSecond(r) / 1e6, 3, "M results/s"),
            atMost(r.allocBytes() / ReportData.AGGREGATION_REPORTS, 64, "B allocated per report"));
      case "Merge.merge":
        return atMost(r.nanos() / 1e3, 25, "us/op");
      case "PolicyDiscovery.hit":
        return both(
            atMost(r.nanos(), 200, "ns/op"),
            atMost(Double.isNaN(r.allocBytes()) ? 0 : r.allocBytes(), 0.5, "B/op (none)"));
      default:
        return none();
    }
  }

  private static String[] none() {
    return new String[] {"", ""};
  }

  private static String[] atMost(double value, double limit, String unit) {
    String target = "<= " + num(limit) + " " + unit;
    if (Double.isNaN(value)) {
      return new String[] {target, "n/a"};
    }
    return new String[] {
      target,
      value <= limit
          ? "yes"
          : String.format(Locale.ROOT, "NO: %s, %.2fx the limit", num(value), value / limit)
    };
  }

  private static String[] atLeast(double value, double limit, String unit) {
    String target = ">= " + num(limit) + " " + unit;
    if (Double.isNaN(value)) {
      return new String[] {target, "n/a"};
    }
    return new String[] {
      target,
      value >= limit
          ? "yes"
          : String.format(Locale.ROOT, "NO: %s, %.0f%% short", num(value),
              100 * (1 - value / limit))
    };
  }

  private static String[] both(String[] a, String[] b) {
    List<String> misses = new ArrayList<>();
    for (String verdict : new String[] {a[1], b[1]}) {
      if (!verdict.equals("yes")) {
        misses.add(verdict);
      }
    }
    return new String[] {a[0] + "; " + b[0], misses.isEmpty() ? "yes" : String.join("; ", misses)};
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    String text = String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.3f", v);
    // 2.000 reads better as 2, 0.150 as 0.15.
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
