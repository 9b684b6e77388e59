package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the counts of a report: a policy result's {@code summary} object (RFC 8460 §4.4) and any
 * session count, each an integer from 0 to 2^53 - 1 (I-JSON, RFC 7493 §2.2); the lenient reader
 * also takes counts sent as strings or with a zero fraction.
 */
final class CountJsonReader {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final int S_OK = 1;
  private static final int S_FAILED = 2;

  /**
   * A {@code summary} object.
   *
   * @param successful {@code total-successful-session-count}
   * @param failed {@code total-failure-session-count}
   * @param unknown its unknown members, as compact JSON text
   */
  record Totals(long successful, long failed, Map<String, String> unknown) {
    Totals {
      if (successful < 0 || failed < 0) {
        throw new IllegalArgumentException("negative count");
      }
      Objects.requireNonNull(unknown, "unknown");
    }

    /** The totals of a policy result without a {@code summary} (lenient reader only). */
    static final Totals ABSENT = new Totals(0, 0, Map.of());
  }

  private final ReadContext c;

  CountJsonReader(ReadContext c) {
    this.c = c;
  }

  /** Reads the {@code summary} object at {@code path}, the parser on its first token. */
  Totals readSummary(ReportPath path) throws IOException {
    c.expectObject(path);
    JsonParser p = c.p;
    int seen = 0;
    long ok = 0;
    long failed = 0;
    @Nullable Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "total-successful-session-count" -> {
          seen = c.once(seen, S_OK, path, name);
          ok = readCount(path, name);
        }
        case "total-failure-session-count" -> {
          seen = c.once(seen, S_FAILED, path, name);
          failed = readCount(path, name);
        }
        default -> unknown = c.unknownField(unknown, path, name);
      }
    }
    c.checkObjectEnd(t);
    if ((seen & S_OK) == 0) {
      missingCount(path, "total-successful-session-count");
    }
    if ((seen & S_FAILED) == 0) {
      missingCount(path, "total-failure-session-count");
    }
    return new Totals(ok, failed, unknown == null ? Map.of() : unknown);
  }

  private void missingCount(ReportPath object, String name) {
    if (c.strict) {
      throw ReadContext.missing(object, name);
    }
    c.warn(object, ReportErrorCode.MISSING_FIELD, name + " is absent; read as 0");
  }

  /** Reads the count that is the current value of member {@code name} of {@code object}. */
  long readCount(ReportPath object, String name) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw badCount(object.member(name), p.getText());
      }
      long v = p.getLongValue();
      if (v < 0 || v > MAX_SAFE_INTEGER) {
        throw badCount(object.member(name), p.getText());
      }
      return v;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
      String text = p.getText();
      if (c.strict) {
        if (t == JsonToken.VALUE_STRING) {
          throw ReadContext.wrongType(object.member(name), "an integer", t);
        }
        throw badCount(object.member(name), text);
      }
      long parsed = parseIntegral(text);
      if (parsed < 0) {
        throw badCount(object.member(name), text);
      }
      c.warn(object.member(name), ReportErrorCode.COUNT_NOT_INTEGER,
          "count \"" + ReadContext.shorten(text) + "\" read as " + parsed);
      return parsed;
    }
    throw ReadContext.wrongType(object.member(name), "a non-negative integer", t);
  }

  /** Returns the value of "12", " 12 ", "12.0", "1.2e1"; -1 when not a whole safe integer. */
  static long parseIntegral(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > 32) {
      return -1;
    }
    boolean plainDigits = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        plainDigits = false;
        if (!(ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-')) {
          return -1;
        }
      }
    }
    if (plainDigits) {
      if (s.length() > 16) {
        return -1;
      }
      long v = Long.parseLong(s);
      return v > MAX_SAFE_INTEGER ? -1 : v;
    }
    try {
      BigDecimal d = new BigDecimal(s);
      if (d.signum() < 0 || d.scale() < -32) {
        return -1;
      }
      BigDecimal stripped = d.stripTrailingZeros();
      if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 16) {
        return -1;
      }
      long v = stripped.longValueExact();
      return v > MAX_SAFE_INTEGER ? -1 : v;
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  private static ReportParseException badCount(ReportPath path, String text) {
    return ReadContext.error(ReportErrorCode.INVALID_COUNT, path,
        "count " + ReadContext.shorten(text) + " is not an integer between 0 and 2^53-1");
  }
}
