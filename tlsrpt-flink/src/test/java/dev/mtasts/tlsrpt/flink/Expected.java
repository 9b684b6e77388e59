package dev.mtasts.tlsrpt.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.internal.DomainSummaryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The single-machine answer, as JSON lines keyed by domain and day, and the comparison. */
final class Expected {
  private static final JsonFactory JSON = new JsonFactory();

  private Expected() {}

  /** The JSON of every domain-day of a summary, as the job writes them. */
  static TreeMap<String, String> dailyJson(ReportSummary s) {
    TreeMap<String, String> m = new TreeMap<>();
    for (String d : s.domains()) {
      for (LocalDate day : s.domain(d).coveredDays()) {
        m.put(d + " " + day, DomainSummaryJson.toJson(s.domain(d, day, day)));
      }
    }
    return m;
  }

  /** The last line per domain and day (a window fires again for late reports). */
  static TreeMap<String, String> byDomainDay(List<String> lines) {
    TreeMap<String, String> m = new TreeMap<>();
    for (String line : lines) {
      m.put(key(line), line);
    }
    return m;
  }

  static TreeMap<String, String> byDomainDay(Iterable<DailySummary> summaries) {
    TreeMap<String, String> m = new TreeMap<>();
    for (DailySummary d : summaries) {
      m.put(d.policyDomain() + " " + d.day(), d.toJson());
    }
    return m;
  }

  private static String key(String line) {
    String domain = null;
    String day = null;
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("policyDomain")) {
          domain = p.getText();
        } else if (name.equals("firstDay")) {
          day = p.getText();
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return domain + " " + day;
  }

  static List<String> lines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : TlsRptAggregationJob.outputFiles(dir)) {
      for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          lines.add(l);
        }
      }
    }
    return lines;
  }

  static void assertSame(Map<String, String> expected, Map<String, String> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "the domain-days");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
    }
  }
}
