package dev.mtasts.lifecycle.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.HistoryFormatException.Code;
import dev.mtasts.lifecycle.HistoryFormatException;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.DomainNameException;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.tlsrpt.internal.json.JsonTokenNames;
import dev.mtasts.tlsrpt.internal.json.JsonFailure;
import dev.mtasts.tlsrpt.internal.json.ReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the publication history document with Jackson's streaming API.
 *
 * <pre>{@code
 * {
 *   "version" : 1,
 *   "domain" : "example.com",
 *   "served" : [ {
 *     "id" : "20261124T100000Z",
 *     "from" : "2026-11-24T10:00:00Z",
 *     "until" : "2026-12-08T10:00:00Z",
 *     "policy" : "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n"
 *   } ]
 * }
 * }</pre>
 *
 * <p>{@code until} is absent (or {@code null}) while the policy is still served. Anything else,
 * including unknown members (usually typos in a hand edit), is an error with its JSON path.
 */
public final class HistoryJson {
  /** The only format version this code reads and writes. */
  public static final int VERSION = 1;

  /** The largest history document read, in bytes (a history is a few kilobytes). */
  public static final int MAX_BYTES = 4 << 20;

  /** The most entries a history may have. */
  public static final int MAX_ENTRIES = 5_000;

  /** The longest string read: a policy file may have 64 KiB (RFC 8461 §3.3), escaped in JSON. */
  private static final int MAX_STRING_CHARS = 6 * PolicyParser.DEFAULT_MAX_BYTES;

  // The caller owns the stream; the parser must not close it. Unknown members are refused at
  // once, so the nesting never goes deeper than the format's three levels plus one.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .streamReadConstraints(ReadConstraints.of(StreamReadConstraints.builder()
              .maxDocumentLength(MAX_BYTES)
              .maxStringLength(MAX_STRING_CHARS)
              .maxNameLength(1024)
              .maxNumberLength(32)
              .maxNestingDepth(8)
              .build()))
          .build();

  private HistoryJson() {}

  /**
   * Serializes a history.
   *
   * @param history the history
   * @return the document, pretty-printed, ending with a line feed
   */
  public static String write(PublicationHistory history) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(
          new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("domain", history.domain());
      g.writeArrayFieldStart("served");
      for (ServedPolicy entry : history.entries()) {
        g.writeStartObject();
        g.writeStringField("id", entry.id().value());
        g.writeStringField("from", entry.from().toString());
        Instant until = entry.until();
        if (until != null) {
          g.writeStringField("until", until.toString());
        }
        g.writeStringField("policy", entry.policy().toText());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail; this would be a bug in the generator.
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  /**
   * Parses a history document held in memory.
   *
   * @param json the document
   * @return the history
   * @throws HistoryFormatException if it is not a valid history
   */
  public static PublicationHistory parse(String json) {
    if (json.length() > MAX_BYTES) {
      throw tooLarge("the document has " + json.length() + " characters, over");
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads a history document from a stream.
   *
   * @param in the stream, not closed
   * @return the history
   * @throws HistoryFormatException if it is not a valid history
   * @throws IOException if the stream fails
   */
  public static PublicationHistory read(InputStream in) throws IOException {
    // Reading one byte past the limit tells "exactly at the limit" from "over it" without ever
    // holding more than the limit plus one byte, whatever the stream (a FIFO, /dev/zero) holds.
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge("the file is larger than");
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return read(p);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static HistoryFormatException tooLarge(String found) {
    return new HistoryFormatException(Code.INPUT_TOO_LARGE, "$", 0, 0, found + " the limit of "
        + MAX_BYTES + " bytes for a publication history (a real one has a few kilobytes); is it"
        + " the right file?", null);
  }

  private static HistoryFormatException malformed(IOException e) {
    // The one translation of Jackson's errors the TLS-RPT reader uses too.
    JsonFailure f = JsonFailure.of(e);
    if (f.isLimit()) {
      return new HistoryFormatException(Code.INPUT_TOO_LARGE, "$", f.line(), f.column(),
          "a value exceeds the limits of a publication history: " + f.message(), e);
    }
    return new HistoryFormatException(Code.MALFORMED_JSON, "$", f.line(), f.column(),
        "not valid JSON: " + f.message(), e);
  }

  private static PublicationHistory read(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new HistoryFormatException(Code.MALFORMED_JSON, "$", 0, 0,
          "the file is empty; expected a JSON object with \"version\", \"domain\" and \"served\"",
          null);
    }
    expect(p, first, JsonToken.START_OBJECT, "$", "an object");
    @Nullable Integer version = null;
    @Nullable String domain = null;
    @Nullable List<ServedPolicy> served = null;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String path = "$." + name;
      duplicate(p, seen, name, path);
      JsonToken value = p.nextToken();
      switch (name) {
        case "version":
          if (value != JsonToken.VALUE_NUMBER_INT) {
            throw error(p, Code.WRONG_TYPE, path, "expected the integer " + VERSION + ", found "
                + describe(value));
          }
          if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() != VERSION) {
            throw error(p, Code.UNSUPPORTED_VERSION, path, "format version " + p.getText()
                + " is not supported; this library reads version " + VERSION);
          }
          version = VERSION;
          break;
        case "domain":
          String text = string(p, value, path);
          try {
            // RFC 8461 §3: the policy domain, as RFC 5321 Domain in A-label form.
            domain = DomainName.parse(text).toString();
          } catch (DomainNameException e) {
            throw error(p, Code.INVALID_DOMAIN, path, e.detail());
          }
          break;
        case "served":
          served = readEntries(p, value, path);
          break;
        default:
          throw error(p, Code.UNKNOWN_MEMBER, path, "unknown member \"" + name
              + "\"; a history has only \"version\", \"domain\" and \"served\"");
      }
    }
    expect(p, p.currentToken(), JsonToken.END_OBJECT, "$", "the end of the object");
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw error(p, Code.MALFORMED_JSON, "$", "unexpected " + describe(trailing)
          + " after the end of the document");
    }
    if (version == null) {
      throw error(p, Code.MISSING_MEMBER, "$.version", "missing member \"version\" (expected "
          + VERSION + ")");
    }
    if (domain == null) {
      throw error(p, Code.MISSING_MEMBER, "$.domain", "missing member \"domain\"");
    }
    if (served == null) {
      throw error(p, Code.MISSING_MEMBER, "$.served", "missing member \"served\" (use [] when"
          + " nothing was published)");
    }
    HistoryRules.Problem problem = HistoryRules.firstProblem(served);
    if (problem != null) {
      throw new HistoryFormatException(Code.INCONSISTENT_ENTRIES, "$.served[" + problem.index()
          + "]", 0, 0, problem.message(), null);
    }
    return new PublicationHistory(domain, served);
  }

  private static List<ServedPolicy> readEntries(JsonParser p, JsonToken value, String path)
      throws IOException {
    expect(p, value, JsonToken.START_ARRAY, path, "an array");
    List<ServedPolicy> entries = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (entries.size() == MAX_ENTRIES) {
        throw error(p, Code.TOO_MANY_ENTRIES, path + "[" + MAX_ENTRIES + "]", "the history has"
            + " more than " + MAX_ENTRIES + " entries; a real one has one per published policy");
      }
      entries.add(readEntry(p, token, path + "[" + entries.size() + "]"));
    }
    return entries;
  }

  private static ServedPolicy readEntry(JsonParser p, @Nullable JsonToken start, String path)
      throws IOException {
    expect(p, start, JsonToken.START_OBJECT, path, "an object");
    @Nullable PolicyId id = null;
    @Nullable Instant from = null;
    @Nullable Instant until = null;
    @Nullable MtaStsPolicy policy = null;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String member = path + "." + name;
      duplicate(p, seen, name, member);
      JsonToken value = p.nextToken();
      switch (name) {
        case "id":
          id = policyId(p, string(p, value, member), member);
          break;
        case "from":
          from = instant(p, string(p, value, member), member);
          break;
        case "until":
          if (value != JsonToken.VALUE_NULL) {
            until = instant(p, string(p, value, member), member);
          }
          break;
        case "policy":
          policy = policy(p, string(p, value, member), member);
          break;
        default:
          throw error(p, Code.UNKNOWN_MEMBER, member, "unknown member \"" + name
              + "\"; an entry has only \"id\", \"from\", \"until\" and \"policy\"");
      }
    }
    if (id == null || from == null || policy == null) {
      String missing = id == null ? "id" : from == null ? "from" : "policy";
      throw error(p, Code.MISSING_MEMBER, path + "." + missing, "missing member \"" + missing
          + "\"");
    }
    if (until != null && until.isBefore(from)) {
      throw error(p, Code.INCONSISTENT_ENTRIES, path + ".until", "\"until\" " + until
          + " is before \"from\" " + from);
    }
    return new ServedPolicy(id, policy, from, until);
  }

  private static void duplicate(JsonParser p, Set<String> seen, String name, String path) {
    if (!seen.add(name)) {
      throw error(p, Code.DUPLICATE_MEMBER, path, "member \"" + name + "\" appears twice");
    }
  }

  private static String string(JsonParser p, @Nullable JsonToken value, String path)
      throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw error(p, Code.WRONG_TYPE, path, "expected a string, found " + describe(value));
    }
    return p.getText();
  }

  private static PolicyId policyId(JsonParser p, String text, String path) {
    try {
      return PolicyId.of(text);
    } catch (IllegalArgumentException | MtaStsException e) {
      throw error(p, Code.INVALID_ID, path, "\"" + text + "\" is not a policy id (1 to 32 letters"
          + " and digits, RFC 8461 §3.1)");
    }
  }

  private static Instant instant(JsonParser p, String text, String path) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw error(p, Code.INVALID_INSTANT, path, "\"" + text + "\" is not a UTC instant such as"
          + " 2026-11-24T10:00:00Z");
    }
  }

  private static MtaStsPolicy policy(JsonParser p, String text, String path) {
    try {
      return MtaStsPolicy.parse(text);
    } catch (MtaStsException | IllegalArgumentException e) {
      throw error(p, Code.INVALID_POLICY, path, "not a valid MTA-STS policy: " + e.getMessage());
    }
  }

  private static void expect(JsonParser p, @Nullable JsonToken found, JsonToken expected,
      String path, String what) {
    if (found != expected) {
      throw error(p, Code.WRONG_TYPE, path, "expected " + what + ", found " + describe(found));
    }
  }

  private static String describe(@Nullable JsonToken token) {
    return JsonTokenNames.describe(token, "the end of the file");
  }

  private static HistoryFormatException error(JsonParser p, Code code, String path, String detail) {
    JsonLocation at = p.currentTokenLocation();
    return new HistoryFormatException(code, path, Math.max(at.getLineNr(), 0),
        Math.max(at.getColumnNr(), 0), detail, null);
  }
}
