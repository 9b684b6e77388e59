package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.policy.Warning;
import dev.mtasts.policy.Location;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.internal.json.JsonTokenNames;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the parts of the report reader share while they read one document: the parser, the mode,
 * the warnings so far, and the helpers that read plain values, check the shape and word the
 * errors. One per document; not thread-safe.
 *
 * <p>Duplicate members are told one way everywhere: a known member sets its bit in the object's
 * {@code seen} mask through {@link #once}; an unknown member is refused when the object's map of
 * unknown members already has its name ({@link #unknownField}).
 */
final class ReadContext {
  final JsonParser p;
  final JsonFactory factory;
  final boolean strict;
  private @Nullable List<Warning> warnings;
  /** The context of the document, when this one reads a value copied out of it. */
  private final @Nullable ReadContext document;

  ReadContext(JsonParser p, JsonFactory factory, boolean strict) {
    this.p = p;
    this.factory = factory;
    this.strict = strict;
    this.document = null;
  }

  private ReadContext(ReadContext document, JsonParser p) {
    this.p = p;
    this.factory = document.factory;
    this.strict = document.strict;
    this.document = document;
  }

  /**
   * Reads a value again from its copied JSON text (a draft member whose text must also be kept
   * verbatim): the returned context's parser is on the value's first token and its warnings go to
   * this context. The caller closes the parser.
   */
  ReadContext reread(String json) throws IOException {
    JsonParser sub = factory.createParser(json);
    sub.nextToken();
    return new ReadContext(this, sub);
  }

  /** The warnings so far. */
  List<Warning> warnings() {
    List<Warning> w = warnings;
    return w == null ? List.of() : w;
  }

  int warningCount() {
    if (document != null) {
      return document.warningCount();
    }
    List<Warning> w = warnings;
    return w == null ? 0 : w.size();
  }

  /** Takes back the warnings from index {@code from} on (a value read, then set aside). */
  void dropWarnings(int from, int to) {
    if (document != null) {
      document.dropWarnings(from, to);
      return;
    }
    List<Warning> w = warnings;
    if (w != null && from < to) {
      w.subList(from, to).clear();
    }
  }

  void warn(ReportPath path, ReportErrorCode kind, String message) {
    warn(path.toString(), kind, message);
  }

  void warn(String path, ReportErrorCode kind, String message) {
    if (document != null) {
      document.warn(path, kind, message);
      return;
    }
    List<Warning> w = warnings;
    if (w == null) {
      w = new ArrayList<>(4);
      warnings = w;
    }
    w.add(new Warning(kind, new Location.JsonPath(path), message));
  }

  /** A value that breaks RFC 8460 but can be kept: an error in strict mode, else a warning. */
  void invalid(ReportPath path, String message) {
    if (strict) {
      throw error(ReportErrorCode.INVALID_VALUE, path, message);
    }
    warn(path, ReportErrorCode.INVALID_VALUE, message + "; kept verbatim");
  }

  // ---- values ----

  String requiredString(ReportPath object, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType(object.member(name), "a string", t);
    }
    return p.getText();
  }

  /** A string member where {@code null} and {@code ""} mean absent (lenient) or are errors (strict). */
  @Nullable String optionalString(ReportPath object, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      if (!s.isEmpty()) {
        return s;
      }
      if (strict) {
        throw error(ReportErrorCode.INVALID_VALUE, object.member(name), name + " is an empty string");
      }
      warn(object.member(name), ReportErrorCode.EMPTY_VALUE, name + " is \"\"; read as absent");
      return null;
    }
    if (t == JsonToken.VALUE_NULL) {
      if (strict) {
        throw error(ReportErrorCode.MISSING_FIELD, object.member(name), name + " is null; expected a string");
      }
      warn(object.member(name), ReportErrorCode.EMPTY_VALUE, name + " is null; read as absent");
      return null;
    }
    throw wrongType(object.member(name), "a string", t);
  }

  List<String> readStringArray(ReportPath path, @Nullable JsonToken first) throws IOException {
    if (first != JsonToken.START_ARRAY) {
      throw wrongType(path, "an array of strings", first);
    }
    List<String> list = new ArrayList<>();
    int i = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING) {
        throw wrongType(path.index(i), "a string", t);
      }
      list.add(p.getText());
      i++;
    }
    return list;
  }

  /**
   * Copies the current value of an unknown member as compact JSON text into the object's map of
   * unknown members, refusing a name met before.
   */
  Map<String, String> unknownField(@Nullable Map<String, String> map, ReportPath object, String name)
      throws IOException {
    Map<String, String> m = map == null ? new HashMap<>(4) : map;
    if (m.containsKey(name)) {
      throw duplicate(object, name);
    }
    return keepUnknown(m, object, name, copyValue());
  }

  /** Keeps {@code json} as the value of the unknown member {@code name}. */
  Map<String, String> keepUnknown(@Nullable Map<String, String> map, ReportPath object, String name,
      String json) {
    Map<String, String> m = map == null ? new HashMap<>(4) : map;
    if (m.containsKey(name)) {
      throw duplicate(object, name);
    }
    m.put(name, json);
    warn(object.member(name), ReportErrorCode.UNKNOWN_FIELD, "unknown member " + name + " kept verbatim");
    return m;
  }

  /** Copies the current value as compact JSON text; numbers keep their exact text. */
  String copyValue() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      int depth = 0;
      while (true) {
        JsonToken t = p.currentToken();
        int delta = JsonTokens.copyCurrent(p, g);
        if (delta == JsonTokens.NOT_A_VALUE_TOKEN) {
          throw error(ReportErrorCode.MALFORMED_JSON, parserPath(), "unexpected " + describe(t));
        }
        depth += delta;
        if (depth == 0) {
          break;
        }
        if (p.nextToken() == null) {
          throw error(ReportErrorCode.MALFORMED_JSON, parserPath(), "unexpected end of input");
        }
      }
    }
    return out.toString();
  }

  // ---- shape ----

  void expectObject(ReportPath path) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(path, "an object", t);
    }
  }

  void checkObjectEnd(@Nullable JsonToken t) {
    if (t != JsonToken.END_OBJECT) {
      throw error(ReportErrorCode.MALFORMED_JSON, parserPath(), "unexpected " + describe(t));
    }
  }

  /** Marks a known member as seen; refuses it the second time. */
  int once(int seen, int bit, ReportPath object, String name) {
    if ((seen & bit) != 0) {
      throw duplicate(object, name);
    }
    return seen | bit;
  }

  /** The parser's own idea of where it is, for errors found by Jackson. */
  String parserPath() {
    // Iterative: the nesting limit is configurable, so recursion depth must not depend on it.
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (JsonStreamContext ctx = p.getParsingContext();
        ctx != null && !ctx.inRoot();
        ctx = ctx.getParent()) {
      if (ctx.inArray()) {
        parts.addFirst("[" + ctx.getCurrentIndex() + "]");
      } else if (ctx.getCurrentName() != null) {
        parts.addFirst("." + ctx.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder("$");
    for (String part : parts) {
      sb.append(part);
    }
    return sb.toString();
  }

  // ---- errors ----

  static ReportParseException error(ReportErrorCode code, ReportPath path, String message) {
    return error(code, path.toString(), message);
  }

  static ReportParseException error(ReportErrorCode code, String path, String message) {
    return new ReportParseException(code, path, message, null);
  }

  static ReportParseException missing(ReportPath object, String name) {
    return error(ReportErrorCode.MISSING_FIELD, object,
        "required member " + name + " is missing (RFC 8460 §4.4)");
  }

  static ReportParseException duplicate(ReportPath object, String name) {
    return error(ReportErrorCode.DUPLICATE_FIELD, object.member(name),
        "member " + name + " occurs twice; I-JSON (RFC 7493 §2.3) forbids duplicate names");
  }

  static ReportParseException wrongType(ReportPath path, String expected, @Nullable JsonToken t) {
    return error(ReportErrorCode.WRONG_TYPE, path, "expected " + expected + ", found " + describe(t));
  }

  static String describe(@Nullable JsonToken t) {
    return JsonTokenNames.describe(t, "end of input");
  }

  /** Echoes at most 80 characters of report text into a message. */
  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
