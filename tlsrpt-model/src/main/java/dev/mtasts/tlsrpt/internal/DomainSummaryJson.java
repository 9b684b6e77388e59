package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.tlsrpt.DayRange;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.FailureGroup;
import dev.mtasts.tlsrpt.ResultType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The JSON object of one policy domain's figures: what {@code mtasts report summarize --json}
 * prints in its {@code domains} list and what the Flink job writes per domain and day, one
 * writer for both.
 */
public final class DomainSummaryJson {
  private static final JsonFactory JSON = new JsonFactory();

  private DomainSummaryJson() {}

  /**
   * Returns the object as compact JSON text on one line.
   *
   * @param d the figures
   * @return the JSON
   */
  public static String toJson(DomainSummary d) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * Writes the object.
   *
   * @param g where to write it
   * @param d the figures
   * @throws IOException if writing fails
   */
  public static void write(JsonGenerator g, DomainSummary d) throws IOException {
    g.writeStartObject();
    g.writeStringField("policyDomain", d.policyDomain());
    SortedSet<LocalDate> covered = d.coveredDays();
    if (!covered.isEmpty()) {
      g.writeStringField("firstDay", covered.first().toString());
      g.writeStringField("lastDay", covered.last().toString());
    }
    g.writeNumberField("daysWithReports", covered.size());
    g.writeArrayFieldStart("missingDays");
    for (DayRange r : d.uncoveredDays()) {
      g.writeStartObject();
      g.writeStringField("first", r.first().toString());
      g.writeStringField("last", r.last().toString());
      g.writeNumberField("days", r.days());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("days");
    for (DaySummary day : d.days().values()) {
      g.writeStartObject();
      g.writeStringField("day", day.day().toString());
      g.writeNumberField("reports", day.reports());
      g.writeNumberField("successfulSessions", day.sessions().successful());
      g.writeNumberField("failedSessions", day.sessions().failed());
      g.writeBooleanField("estimated", day.estimated());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("successfulSessions", d.sessions().successful());
    g.writeNumberField("failedSessions", d.sessions().failed());
    g.writeArrayFieldStart("failures");
    List<Map.Entry<ResultType, Long>> byType = new ArrayList<>(d.byResultType().entrySet());
    byType.sort(Map.Entry.<ResultType, Long>comparingByValue().reversed()
        .thenComparing(e -> e.getKey().wireName()));
    for (Map.Entry<ResultType, Long> e : byType) {
      g.writeStartObject();
      g.writeStringField("resultType", e.getKey().wireName());
      g.writeNumberField("sessions", e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("failureGroups");
    for (FailureGroup f : d.failureGroups()) {
      g.writeStartObject();
      g.writeStringField("resultType", f.resultType().wireName());
      g.writeStringField("triage", f.triage().name());
      g.writeNumberField("sessions", f.failedSessions());
      writeCounts(g, "receivingMxHosts", f.receivingMxHosts());
      writeCounts(g, "sendingMtaIps", f.sendingMtaIps());
      g.writeArrayFieldStart("days");
      for (LocalDate day : f.days()) {
        g.writeString(day.toString());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeCounts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
