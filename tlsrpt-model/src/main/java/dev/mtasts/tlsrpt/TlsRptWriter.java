package dev.mtasts.tlsrpt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.mtasts.tlsrpt.internal.DateTimes;
import dev.mtasts.tlsrpt.internal.JsonTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes reports as canonical RFC 8460 JSON: members in the order of the §4.4 skeleton, date-times
 * in UTC ({@code 2016-04-01T00:00:00Z}), {@code mx-host} and {@code policy-string} always arrays,
 * {@code policy-string} and {@code failure-details} always present, {@code mx-host} always present
 * for {@code sts} (otherwise only when not empty), absent optional members left out, unknown
 * members after the known ones in name order. Compact (no whitespace) or pretty; plain or gzip.
 *
 * <pre>{@code
 * byte[] gz = TlsRptWriter.compact().writeGzip(report);
 * assert TlsRptReader.strict().read(gz).value().equals(report);
 * }</pre>
 *
 * <p>{@code read(write(r))} equals {@code r} for every report whose unknown members are valid
 * JSON in compact form (as the reader produces them), with one exception for the lenient reader:
 * a {@code tlsa} policy result whose only policy string is itself a JSON array of strings (such as
 * {@code "[\"3 1 1 AB\"]"}) is written exactly like Microsoft's JSON-encoded TLSA records, and the
 * lenient reader decodes it, with a {@link ReportErrorCode#POLICY_STRING_JSON_ENCODED} warning.
 * The strict reader never decodes, and what the lenient reader returns always reads back equal
 * (see that warning kind for the exact rule). Instances are immutable and thread-safe.
 */
public final class TlsRptWriter {

  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final TlsRptWriter COMPACT = new TlsRptWriter(false);
  private static final TlsRptWriter PRETTY = new TlsRptWriter(true);

  private final boolean pretty;

  private TlsRptWriter(boolean pretty) {
    this.pretty = pretty;
  }

  /**
   * Returns the writer of compact JSON.
   *
   * @return the writer
   */
  public static TlsRptWriter compact() {
    return COMPACT;
  }

  /**
   * Returns the writer of indented JSON.
   *
   * @return the writer
   */
  public static TlsRptWriter pretty() {
    return PRETTY;
  }

  /**
   * Returns the report as JSON text.
   *
   * @param report the report
   * @return the JSON
   */
  public String writeString(TlsRptReport report) {
    return new String(write(report), StandardCharsets.UTF_8);
  }

  /**
   * Returns the report as UTF-8 JSON bytes.
   *
   * @param report the report
   * @return the JSON bytes
   */
  public byte[] write(TlsRptReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    write(report, out);
    return out.toByteArray();
  }

  /**
   * Returns the report as gzip-compressed JSON ({@code application/tlsrpt+gzip}, RFC 8460 §5.2).
   *
   * @param report the report
   * @return the gzip bytes
   */
  public byte[] writeGzip(TlsRptReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    writeGzip(report, out);
    return out.toByteArray();
  }

  /**
   * Writes the report as gzip-compressed JSON; the stream is not closed.
   *
   * @param report the report
   * @param out the stream
   * @throws UncheckedIOException when writing fails
   */
  public void writeGzip(TlsRptReport report, OutputStream out) {
    try {
      GZIPOutputStream gz = new GZIPOutputStream(out, 4096);
      write(report, gz);
      gz.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the report as UTF-8 JSON; the stream is not closed.
   *
   * @param report the report
   * @param out the stream
   * @throws UncheckedIOException when writing fails
   * @throws IllegalArgumentException when an unknown member's value is not valid JSON
   */
  public void write(TlsRptReport report, OutputStream out) {
    Objects.requireNonNull(report, "report");
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      writeReport(g, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeReport(JsonGenerator g, TlsRptReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("organization-name", r.organizationName());
    g.writeFieldName("date-range");
    g.writeStartObject();
    g.writeStringField("start-datetime", DateTimes.format(r.dateRange().start()));
    g.writeStringField("end-datetime", DateTimes.format(r.dateRange().end()));
    writeUnknown(g, r.unknownDateRangeFields());
    g.writeEndObject();
    if (r.contactInfo() != null) {
      g.writeStringField("contact-info", r.contactInfo());
    }
    g.writeStringField("report-id", r.reportId());
    g.writeFieldName("policies");
    g.writeStartArray();
    for (PolicyResult p : r.policies()) {
      writePolicy(g, p);
    }
    g.writeEndArray();
    writeUnknown(g, r.unknownFields());
    g.writeEndObject();
  }

  private static void writePolicy(JsonGenerator g, PolicyResult p) throws IOException {
    g.writeStartObject();
    g.writeFieldName("policy");
    g.writeStartObject();
    g.writeStringField("policy-type", p.policyTypeText());
    g.writeFieldName("policy-string");
    writeStrings(g, p.policyStrings());
    if (p.policyDomain() != null) {
      g.writeStringField("policy-domain", p.policyDomain());
    }
    // RFC 8460 §4.4 lists mx-host for sts policies: always there for sts (the strict reader wants
    // it), elsewhere only when there is something to say.
    if (!p.mxHosts().isEmpty() || p.policyType() == PolicyType.STS) {
      g.writeFieldName("mx-host");
      writeStrings(g, p.mxHosts());
    }
    writeUnknown(g, p.unknownPolicyFields());
    g.writeEndObject();
    g.writeFieldName("summary");
    g.writeStartObject();
    g.writeNumberField("total-successful-session-count", p.successfulSessionCount());
    g.writeNumberField("total-failure-session-count", p.failedSessionCount());
    writeUnknown(g, p.unknownSummaryFields());
    g.writeEndObject();
    g.writeFieldName("failure-details");
    g.writeStartArray();
    for (FailureDetail f : p.failureDetails()) {
      writeDetail(g, f);
    }
    g.writeEndArray();
    writeUnknown(g, p.unknownFields());
    g.writeEndObject();
  }

  private static void writeDetail(JsonGenerator g, FailureDetail f) throws IOException {
    g.writeStartObject();
    g.writeStringField("result-type", f.resultType().wireName());
    optional(g, "sending-mta-ip", f.sendingMtaIp());
    optional(g, "receiving-mx-hostname", f.receivingMxHostname());
    optional(g, "receiving-mx-helo", f.receivingMxHelo());
    optional(g, "receiving-ip", f.receivingIp());
    g.writeNumberField("failed-session-count", f.failedSessionCount());
    optional(g, "additional-information", f.additionalInformation());
    optional(g, "failure-reason-code", f.failureReasonCode());
    writeUnknown(g, f.unknownFields());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static void writeUnknown(JsonGenerator g, Map<String, String> fields) throws IOException {
    if (fields.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(fields.keySet());
    Collections.sort(names);
    for (String name : names) {
      g.writeFieldName(name);
      copyJson(g, name, Objects.requireNonNull(fields.get(name)));
    }
  }

  /** Re-emits the value token by token, which both validates it and keeps numbers' text. */
  private static void copyJson(JsonGenerator g, String name, String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("unknown member " + name + " has no JSON value");
      }
      int depth = 0;
      do {
        int delta = JsonTokens.copyCurrent(p, g);
        if (delta == JsonTokens.NOT_A_VALUE_TOKEN) {
          throw new IllegalArgumentException("unknown member " + name + " is not JSON: " + json);
        }
        depth += delta;
      } while (depth > 0 && p.nextToken() != null);
      if (depth != 0 || p.nextToken() != null) {
        throw new IllegalArgumentException("unknown member " + name + " is not one JSON value: " + json);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("unknown member " + name + " is not JSON: " + json, e);
    }
  }
}
