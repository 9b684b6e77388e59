package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import dev.mtasts.policy.Location;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.internal.json.JsonFailure;
import dev.mtasts.tlsrpt.internal.json.ReadConstraints;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Single-pass reader of one report from a Jackson {@link JsonParser}: no tree, no databind. Each
 * known member is read where it occurs; unknown members are copied as compact JSON text. This
 * class reads the document, the report object and its date range; {@link PolicyJsonReader} the
 * policies, {@link FailureDetailJsonReader} their failure details and {@link CountJsonReader} the
 * counts, all sharing one {@link ReadContext}.
 */
public final class ReportJsonReader {

  private static final int R_ORG = 1;
  private static final int R_RANGE = 2;
  private static final int R_CONTACT = 4;
  private static final int R_ID = 8;
  private static final int R_POLICIES = 16;

  private static final int D_START = 1;
  private static final int D_END = 2;

  private final ReadContext c;

  /**
   * Creates a reader over a parser positioned before the first token.
   *
   * @param p the parser
   * @param factory the factory, used to copy unknown members
   * @param strict {@code true} for RFC 8460 only, {@code false} for the lenient mode
   */
  public ReportJsonReader(JsonParser p, JsonFactory factory, boolean strict) {
    this.c = new ReadContext(p, factory, strict);
  }

  /**
   * Reads the document: exactly one report object and nothing after it.
   *
   * @return the report and the warnings
   * @throws ReportParseException for anything that is not a report in the reader's mode
   */
  public ParseResult<TlsRptReport> read() {
    JsonParser p = c.p;
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw ReadContext.error(ReportErrorCode.EMPTY_INPUT, ReportPath.ROOT,
            "the input is empty; expected a JSON object");
      }
      if (t != JsonToken.START_OBJECT) {
        throw ReadContext.wrongType(ReportPath.ROOT, "a JSON object", t);
      }
      TlsRptReport report = readReport();
      JsonToken after = p.nextToken();
      if (after != null) {
        throw ReadContext.error(ReportErrorCode.TRAILING_CONTENT, ReportPath.ROOT,
            "unexpected " + ReadContext.describe(after) + " after the report object");
      }
      return new ParseResult<>(report, List.copyOf(c.warnings()));
    } catch (ReportParseException e) {
      throw e;
    } catch (IOException e) {
      throw translate(e);
    } catch (IllegalArgumentException e) {
      // Jackson reports some malformed input (invalid surrogates in output copies) this way.
      throw new ReportParseException(
          ReportErrorCode.MALFORMED_JSON, c.parserPath(), String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Jackson's failure as a report error: a broken limit by the limit ({@link ReadConstraints}),
   * never by the words of Jackson's message; anything else is malformed JSON.
   */
  private ReportParseException translate(IOException e) {
    JsonFailure f = JsonFailure.of(e);
    ReadConstraints.Limit limit = f.limit();
    if (limit == null) {
      return new ReportParseException(ReportErrorCode.MALFORMED_JSON, c.parserPath(),
          "not well-formed JSON: " + f.message() + f.at(), e);
    }
    ReportErrorCode code = switch (limit) {
      case NESTING_DEPTH -> ReportErrorCode.NESTING_TOO_DEEP;
      case NUMBER_LENGTH, BIG_INTEGER_SCALE -> ReportErrorCode.NUMBER_TOO_LONG;
      case DOCUMENT_LENGTH, TOKEN_COUNT -> ReportErrorCode.INPUT_TOO_LARGE;
      case STRING_LENGTH -> ReportErrorCode.STRING_TOO_LONG;
      case NAME_LENGTH -> ReportErrorCode.NAME_TOO_LONG;
    };
    return new ReportParseException(code, c.parserPath(), f.message(), e);
  }

  private TlsRptReport readReport() throws IOException {
    JsonParser p = c.p;
    ReportPath root = ReportPath.ROOT;
    int seen = 0;
    String org = null;
    Range range = null;
    String contact = null;
    String reportId = null;
    List<PolicyResult> policies = null;
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "organization-name" -> {
          seen = c.once(seen, R_ORG, root, name);
          org = c.requiredString(root, name);
        }
        case "date-range" -> {
          seen = c.once(seen, R_RANGE, root, name);
          range = readDateRange(root.member(name));
        }
        case "contact-info" -> {
          seen = c.once(seen, R_CONTACT, root, name);
          contact = readContactInfo(root.member(name));
        }
        case "report-id" -> {
          seen = c.once(seen, R_ID, root, name);
          reportId = readReportId(root.member(name));
        }
        case "policies" -> {
          seen = c.once(seen, R_POLICIES, root, name);
          policies = new PolicyJsonReader(c).readPolicies(root.member(name));
        }
        default -> unknown = c.unknownField(unknown, root, name);
      }
    }
    c.checkObjectEnd(t);
    if (org == null) {
      throw ReadContext.missing(root, "organization-name");
    }
    if (range == null) {
      throw ReadContext.missing(root, "date-range");
    }
    if (reportId == null) {
      throw ReadContext.missing(root, "report-id");
    }
    if (policies == null) {
      throw ReadContext.missing(root, "policies");
    }
    if ((seen & R_CONTACT) == 0) {
      if (c.strict) {
        throw ReadContext.missing(root, "contact-info");
      }
      c.warn(root, ReportErrorCode.MISSING_FIELD, "contact-info is absent; read as unknown");
    }
    return new TlsRptReport(org, range.range(), contact, reportId, policies,
        unknown == null ? Map.of() : unknown, range.unknown());
  }

  /**
   * RFC 8460 §4.4: {@code contact-info} is a string holding an e-mail address. Strict: {@code
   * null} or {@code ""} is missing; lenient: read as unknown. Its text is echoed at most 80
   * characters long, as every other value of the report.
   */
  private @Nullable String readContactInfo(ReportPath path) throws IOException {
    JsonToken t = c.p.currentToken();
    boolean empty = t == JsonToken.VALUE_NULL
        || (t == JsonToken.VALUE_STRING && c.p.getTextLength() == 0);
    if (empty && c.strict) {
      throw ReadContext.error(ReportErrorCode.MISSING_FIELD, path,
          "contact-info is " + (t == JsonToken.VALUE_NULL ? "null" : "empty")
              + "; RFC 8460 §4.4 requires an e-mail address");
    }
    String contact = c.optionalString(ReportPath.ROOT, "contact-info");
    if (contact != null && !looksLikeAddrSpec(contact)) {
      c.invalid(path, "contact-info \"" + ReadContext.shorten(contact) + "\" is not an e-mail address");
    }
    return contact;
  }

  private String readReportId(ReportPath path) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String id = p.getText();
      if (id.isEmpty()) {
        throw ReadContext.error(ReportErrorCode.INVALID_VALUE, path, "report-id is empty");
      }
      return id;
    }
    if (!c.strict && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
      c.warn(path, ReportErrorCode.REPORT_ID_NOT_STRING,
          "report-id is a number; kept as the text " + ReadContext.shorten(p.getText()));
      return p.getText();
    }
    throw ReadContext.wrongType(path, "a string", t);
  }

  /** A {@code date-range} object: the range and its unknown members. */
  private record Range(DateRange range, Map<String, String> unknown) {}

  private Range readDateRange(ReportPath base) throws IOException {
    c.expectObject(base);
    JsonParser p = c.p;
    int seen = 0;
    Instant start = null;
    Instant end = null;
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "start-datetime" -> {
          seen = c.once(seen, D_START, base, name);
          start = readDateTime(base.member(name));
        }
        case "end-datetime" -> {
          seen = c.once(seen, D_END, base, name);
          end = readDateTime(base.member(name));
        }
        default -> unknown = c.unknownField(unknown, base, name);
      }
    }
    c.checkObjectEnd(t);
    if (start == null) {
      throw ReadContext.missing(base, "start-datetime");
    }
    if (end == null) {
      throw ReadContext.missing(base, "end-datetime");
    }
    if (end.isBefore(start)) {
      throw ReadContext.error(ReportErrorCode.INVALID_DATE_TIME, base,
          "end-datetime " + DateTimes.format(end) + " is before start-datetime "
              + DateTimes.format(start));
    }
    return new Range(new DateRange(start, end), unknown == null ? Map.of() : unknown);
  }

  private Instant readDateTime(ReportPath path) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw ReadContext.wrongType(path, "an RFC 3339 date-time string", t);
    }
    String text = p.getText();
    DateTimes.Parsed parsed = DateTimes.parse(text);
    if (parsed == null) {
      throw ReadContext.error(ReportErrorCode.INVALID_DATE_TIME, path,
          "\"" + ReadContext.shorten(text)
              + "\" is not an RFC 3339 date-time such as 2024-02-17T00:00:00Z");
    }
    if (!parsed.hadOffset()) {
      if (c.strict) {
        throw ReadContext.error(ReportErrorCode.INVALID_DATE_TIME, path,
            "\"" + text + "\" has no time offset; RFC 3339 requires Z or +hh:mm");
      }
      c.warn(path, ReportErrorCode.DATE_TIME_WITHOUT_OFFSET, "\"" + text + "\" has no offset; read as UTC");
    }
    return parsed.instant();
  }

  private static boolean looksLikeAddrSpec(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch <= ' ' || ch == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
