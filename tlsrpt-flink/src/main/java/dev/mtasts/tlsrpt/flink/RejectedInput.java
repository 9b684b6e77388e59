package dev.mtasts.tlsrpt.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An input or a report that was not counted, and why: the side output of the pipeline, never
 * silently dropped.
 *
 * @param source where the input came from ({@link RawReport#source()}), or the report's
 *     organization and report-id for a report that was read
 * @param kind why it was not counted
 * @param reason what is wrong, in words a person can act on (the reader's code and location
 *     included)
 */
public record RejectedInput(String source, Kind kind, String reason) {

  /** Why an input was not counted. */
  public enum Kind {
    /** The bytes are not a readable report (bad JSON, corrupt or oversized gzip, broken mail). */
    UNREADABLE,
    /** A readable mail that carries no TLS-RPT report. */
    NOT_A_REPORT,
    /** The report's first day closed longer ago than the allowed lateness. */
    LATE,
    /** Another report with the same organization and report-id but other content was counted. */
    CONFLICT
  }

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Checks the components.
   *
   * @param source the {@code source} component
   * @param kind the {@code kind} component
   * @param reason the {@code reason} component
   */
  public RejectedInput {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns this as one line of JSON: {@code {"source": ..., "kind": "LATE", "reason": ...}}.
   *
   * @return the JSON object
   */
  public String toJson() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("source", source);
      g.writeStringField("kind", kind.name());
      g.writeStringField("reason", reason);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
