package dev.mtasts.benchmarks.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a report the way most code does: jackson-databind's {@code readTree}, then a walk of the
 * tree into {@link BaselineReport}. It tolerates the common deviations that cost nothing in a
 * tree walk ({@code mx-host} as a string, counts as strings, a date-time without offset).
 */
public final class BaselineReportReader {

  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;

  private final ObjectMapper mapper = new ObjectMapper();

  /** Creates a reader with its own {@link ObjectMapper}. */
  public BaselineReportReader() {}

  /**
   * Reads a plain JSON report.
   *
   * @param json the UTF-8 JSON text
   * @return the report
   * @throws UncheckedIOException when the JSON is malformed
   */
  public BaselineReport read(byte[] json) {
    try {
      return map(mapper.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a report that may be gzip-compressed (detected by its magic bytes), through a {@link
   * GZIPInputStream}.
   *
   * @param bytes the file's bytes
   * @return the report
   * @throws UncheckedIOException when the data is malformed
   */
  public BaselineReport readMaybeGzip(byte[] bytes) {
    if (bytes.length < 2
        || (bytes[0] & 0xff) != GZIP_MAGIC_0
        || (bytes[1] & 0xff) != GZIP_MAGIC_1) {
      return read(bytes);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return map(mapper.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BaselineReport map(JsonNode root) {
    JsonNode range = root.path("date-range");
    List<BaselineReport.Policy> policies = new ArrayList<>();
    for (JsonNode p : root.path("policies")) {
      JsonNode policy = p.path("policy");
      JsonNode summary = p.path("summary");
      List<BaselineReport.FailureDetail> details = new ArrayList<>();
      for (JsonNode d : p.path("failure-details")) {
        details.add(
            new BaselineReport.FailureDetail(
                text(d, "result-type"),
                text(d, "sending-mta-ip"),
                text(d, "receiving-mx-hostname"),
                text(d, "receiving-mx-helo"),
                text(d, "receiving-ip"),
                d.path("failed-session-count").asLong(),
                text(d, "additional-information"),
                text(d, "failure-reason-code")));
      }
      policies.add(
          new BaselineReport.Policy(
              text(policy, "policy-type"),
              strings(policy.path("policy-string")),
              text(policy, "policy-domain"),
              strings(policy.path("mx-host")),
              summary.path("total-successful-session-count").asLong(),
              summary.path("total-failure-session-count").asLong(),
              details));
    }
    return new BaselineReport(
        text(root, "organization-name"),
        instant(text(range, "start-datetime")),
        instant(text(range, "end-datetime")),
        text(root, "contact-info"),
        text(root, "report-id"),
        policies);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    } else {
      for (JsonNode n : node) {
        out.add(n.asText());
      }
    }
    return out;
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // Microsoft 2023-2024 sent date-times without an offset; read them as UTC.
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }
}
