package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.tlsrpt.FailureGroup;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes lifecycle reasons as text lines and as JSON objects with their data, and small JSON helpers. */
final class ReasonOutput {
  private ReasonOutput() {}

  static void printList(PrintWriter out, String title, List<? extends Reason> reasons) {
    if (reasons.isEmpty()) {
      return;
    }
    out.println("  " + title + " (" + reasons.size() + "):");
    for (Reason r : reasons) {
      out.println("    - " + r.code().id() + ": " + TerminalText.escape(r.message()));
    }
  }

  static void writeList(JsonGenerator g, String name, List<? extends Reason> reasons)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Reason r : reasons) {
      write(g, r);
    }
    g.writeEndArray();
  }

  static void write(JsonGenerator g, Reason reason) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", reason.code().id());
    g.writeStringField("message", reason.message());
    if (reason instanceof Reason.MissingDays missing) {
      g.writeArrayFieldStart("days");
      for (LocalDate d : missing.days()) {
        g.writeString(d.toString());
      }
      g.writeEndArray();
    } else if (reason instanceof Reason.Failures failures) {
      FailureGroup group = failures.group();
      g.writeStringField("resultType", group.resultType().wireName());
      g.writeStringField("triage", group.triage().name());
      g.writeNumberField("sessions", group.failedSessions());
      counts(g, "receivingMxHosts", group.receivingMxHosts());
      counts(g, "sendingMtaIps", group.sendingMtaIps());
      counts(g, "reportingOrganizations", group.reportingOrganizations());
      g.writeArrayFieldStart("days");
      for (LocalDate d : group.days()) {
        g.writeString(d.toString());
      }
      g.writeEndArray();
    } else if (reason instanceof Reason.UncoveredMxHosts uncovered) {
      g.writeArrayFieldStart("hosts");
      for (String h : uncovered.hosts()) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("patterns");
      for (MxPattern p : uncovered.patterns()) {
        g.writeString(p.pattern());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
