package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ReadResult;
import dev.mtasts.tlsrpt.ReadWarning;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Single-pass reader of one report from a Jackson {@link JsonParser}: no tree, no databind. Each
 * known member is read where it occurs; unknown members are copied as compact JSON text.
 */
public final class ReportJsonReader {

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final JsonParser p;
  private final JsonFactory factory;
  private final boolean strict;
  private @Nullable List<ReadWarning> warnings;
  private @Nullable Map<String, String> dateRangeUnknown;
  private @Nullable Map<String, String> summaryUnknown;

  /**
   * Creates a reader over a parser positioned before the first token.
   *
   * @param p the parser
   * @param factory the factory, used to copy unknown members
   * @param strict {@code true} for RFC 8460 only, {@code false} for the tolerant mode
   */
  public ReportJsonReader(JsonParser p, JsonFactory factory, boolean strict) {
    this.p = p;
    this.factory = factory;
    this.strict = strict;
  }

  /**
   * Reads the document: exactly one report object and nothing after it.
   *
   * @return the report and the warnings
   * @throws ReportParseException for anything that is not a report in the reader's mode
   */
  public ReadResult read() {
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error(ReportErrorCode.EMPTY_INPUT, "$", "the input is empty; expected a JSON object");
      }
      if (t != JsonToken.START_OBJECT) {
        throw error(
            ReportErrorCode.WRONG_TYPE, "$", "expected a JSON object, found " + describe(t));
      }
      TlsRptReport report = readReport();
      JsonToken after = p.nextToken();
      if (after != null) {
        throw error(
            ReportErrorCode.TRAILING_CONTENT,
            "$",
            "unexpected " + describe(after) + " after the report object");
      }
      List<ReadWarning> w = warnings;
      return new ReadResult(report, w == null ? List.of() : w);
    } catch (StreamConstraintsException e) {
      throw constraint(e);
    } catch (ReportParseException e) {
      throw e;
    } catch (IOException e) {
      throw new ReportParseException(
          ReportErrorCode.MALFORMED_JSON, jacksonPath(), cleanMessage(e), e);
    } catch (IllegalArgumentException e) {
      // Jackson reports some malformed input (invalid surrogates in output copies) this way.
      throw new ReportParseException(
          ReportErrorCode.MALFORMED_JSON, jacksonPath(), String.valueOf(e.getMessage()), e);
    }
  }

  private ReportParseException constraint(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    ReportErrorCode code;
    if (m.contains("nesting depth")) {
      code = ReportErrorCode.NESTING_TOO_DEEP;
    } else if (m.startsWith("Number") || m.contains("Number value length")) {
      code = ReportErrorCode.NUMBER_TOO_LONG;
    } else if (m.contains("Document length")) {
      code = ReportErrorCode.DOCUMENT_TOO_LARGE;
    } else {
      code = ReportErrorCode.STRING_TOO_LONG;
    }
    return new ReportParseException(code, jacksonPath(), m, e);
  }

  private static String cleanMessage(IOException e) {
    String m =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException
            ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage()
            : e.getMessage();
    String loc = "";
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      com.fasterxml.jackson.core.JsonLocation l =
          ((com.fasterxml.jackson.core.JsonProcessingException) e).getLocation();
      if (l != null) {
        loc = " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
      }
    }
    return "not well-formed JSON: " + m + loc;
  }

  private String jacksonPath() {
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

  // ---- report ----

  private static final int R_ORG = 1;
  private static final int R_RANGE = 2;
  private static final int R_CONTACT = 4;
  private static final int R_ID = 8;
  private static final int R_POLICIES = 16;

  private TlsRptReport readReport() throws IOException {
    int seen = 0;
    String org = null;
    DateRange range = null;
    dateRangeUnknown = null;
    String contact = null;
    String reportId = null;
    List<PolicyResult> policies = null;
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "organization-name":
          seen = once(seen, R_ORG, "$", name);
          org = requiredString("$", name);
          break;
        case "date-range":
          seen = once(seen, R_RANGE, "$", name);
          range = readDateRange();
          break;
        case "contact-info":
          seen = once(seen, R_CONTACT, "$", name);
          contact = optionalString("$", name);
          if (contact == null) {
            if (strict) {
              throw error(
                  ReportErrorCode.MISSING_FIELD,
                  "$.contact-info",
                  "contact-info is null or empty; RFC 8460 §4.4 requires an e-mail address");
            }
          } else if (!looksLikeAddrSpec(contact)) {
            invalid("$.contact-info", "contact-info \"" + contact + "\" is not an e-mail address");
          }
          break;
        case "report-id":
          seen = once(seen, R_ID, "$", name);
          reportId = readReportId();
          break;
        case "policies":
          seen = once(seen, R_POLICIES, "$", name);
          policies = readPolicies();
          break;
        default:
          unknown = unknownField(unknown, "$", name);
      }
    }
    checkObjectEnd(t);
    if (org == null) {
      throw missing("$", "organization-name");
    }
    if (range == null) {
      throw missing("$", "date-range");
    }
    if (reportId == null) {
      throw missing("$", "report-id");
    }
    if (policies == null) {
      throw missing("$", "policies");
    }
    if ((seen & R_CONTACT) == 0) {
      if (strict) {
        throw missing("$", "contact-info");
      }
      warn("$", ReadWarning.Kind.MISSING_FIELD, "contact-info is absent; read as unknown");
    }
    return new TlsRptReport(
        org, range, contact, reportId, policies, orEmpty(unknown), orEmpty(dateRangeUnknown));
  }

  private String readReportId() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String id = p.getText();
      if (id.isEmpty()) {
        throw error(ReportErrorCode.INVALID_VALUE, "$.report-id", "report-id is empty");
      }
      return id;
    }
    if (!strict && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
      warn(
          "$.report-id",
          ReadWarning.Kind.REPORT_ID_NOT_STRING,
          "report-id is a number; kept as the text " + p.getText());
      return p.getText();
    }
    throw wrongType("$.report-id", "a string", t);
  }

  private DateRange readDateRange() throws IOException {
    expectObject("$.date-range");
    Instant start = null;
    Instant end = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "start-datetime":
          if (start != null) {
            throw duplicate("$.date-range", name);
          }
          start = readDateTime("$.date-range.start-datetime");
          break;
        case "end-datetime":
          if (end != null) {
            throw duplicate("$.date-range", name);
          }
          end = readDateTime("$.date-range.end-datetime");
          break;
        default:
          dateRangeUnknown = unknownField(dateRangeUnknown, "$.date-range", name);
      }
    }
    checkObjectEnd(t);
    if (start == null) {
      throw missing("$.date-range", "start-datetime");
    }
    if (end == null) {
      throw missing("$.date-range", "end-datetime");
    }
    if (end.isBefore(start)) {
      throw error(
          ReportErrorCode.INVALID_DATE_TIME,
          "$.date-range",
          "end-datetime " + DateTimes.format(end) + " is before start-datetime "
              + DateTimes.format(start));
    }
    return new DateRange(start, end);
  }

  private Instant readDateTime(String path) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType(path, "an RFC 3339 date-time string", t);
    }
    String text = p.getText();
    DateTimes.Parsed parsed = DateTimes.parse(text);
    if (parsed == null) {
      throw error(
          ReportErrorCode.INVALID_DATE_TIME,
          path,
          "\"" + shorten(text) + "\" is not an RFC 3339 date-time such as 2024-02-17T00:00:00Z");
    }
    if (!parsed.hadOffset()) {
      if (strict) {
        throw error(
            ReportErrorCode.INVALID_DATE_TIME,
            path,
            "\"" + text + "\" has no time offset; RFC 3339 requires Z or +hh:mm");
      }
      warn(path, ReadWarning.Kind.DATE_TIME_WITHOUT_OFFSET, "\"" + text + "\" has no offset; read as UTC");
    }
    return parsed.instant();
  }

  private List<PolicyResult> readPolicies() throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      // RFC 8460 §4: policies MUST be an array even for one policy.
      throw wrongType("$.policies", "an array", t);
    }
    List<PolicyResult> list = new ArrayList<>(2);
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw wrongType("$.policies[" + i + "]", "an object", t);
      }
      list.add(readPolicyResult(i));
      i++;
    }
    return list;
  }

  // ---- policy result ----

  private PolicyResult readPolicyResult(int index) throws IOException {
    Policy policy = null;
    long[] summary = null;
    summaryUnknown = null;
    List<FailureDetail> details = null;
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "policy":
          if (policy != null) {
            throw duplicate(policyPath(index), name);
          }
          policy = readPolicy(index);
          break;
        case "summary":
          if (summary != null) {
            throw duplicate(policyPath(index), name);
          }
          summary = readSummary(index);
          break;
        case "failure-details":
          if (details != null) {
            throw duplicate(policyPath(index), name);
          }
          details = readFailureDetails(index);
          break;
        default:
          unknown = unknownField(unknown, policyPath(index), name);
      }
    }
    checkObjectEnd(t);
    if (policy == null) {
      throw missing(policyPath(index), "policy");
    }
    if (summary == null) {
      if (strict) {
        throw missing(policyPath(index), "summary");
      }
      warn(policyPath(index), ReadWarning.Kind.MISSING_FIELD, "summary is absent; counts read as 0");
      summary = new long[2];
    }
    if (details == null) {
      details = List.of();
    }
    checkPolicyMembers(index, policy, details);
    return new PolicyResult(
        policy.type,
        policy.typeText,
        policy.strings,
        policy.domain,
        policy.mxHosts,
        summary[0],
        summary[1],
        details,
        orEmpty(policy.unknown),
        orEmpty(summaryUnknown),
        orEmpty(unknown));
  }

  private static final class Policy {
    PolicyType type = PolicyType.UNKNOWN;
    String typeText = "";
    List<String> strings = List.of();
    @Nullable String domain;
    List<String> mxHosts = List.of();
    @Nullable Map<String, String> unknown;
    /** The P_* bits of the members present (a draft name counts for the member it stands for). */
    int seen;
  }

  private static final int P_TYPE = 1;
  private static final int P_STRING = 2;
  private static final int P_DOMAIN = 4;
  private static final int P_MX = 8;

  private Policy readPolicy(int index) throws IOException {
    Loc base = new Loc(index, ".policy");
    expectObject(base);
    Policy pol = new Policy();
    int seen = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "policy-type":
          seen = once(seen, P_TYPE, base, name);
          String text = requiredString(base, name);
          pol.type = PolicyType.fromWireName(text);
          // The constant's text for known types: aggregation keys then share one String.
          pol.typeText = pol.type == PolicyType.UNKNOWN ? text : pol.type.wireName();
          if (pol.type == PolicyType.UNKNOWN) {
            if (strict) {
              throw error(
                  ReportErrorCode.UNKNOWN_POLICY_TYPE,
                  base + ".policy-type",
                  "policy-type \"" + shorten(text)
                      + "\" is not one of sts, tlsa, no-policy-found (RFC 8460 §4.4)");
            }
            warn(
                base + ".policy-type",
                ReadWarning.Kind.UNKNOWN_POLICY_TYPE,
                "policy-type \"" + shorten(text) + "\" is not an RFC 8460 value; kept as unknown");
          }
          break;
        case "policy-string":
          seen = once(seen, P_STRING, base, name);
          pol.strings = readPolicyStrings(base + ".policy-string");
          break;
        case "policy-domain":
          seen = once(seen, P_DOMAIN, base, name);
          pol.domain = optionalString(base, name);
          if (pol.domain != null && !isAscii(pol.domain)) {
            // RFC 8460 §4.4: IDNs as A-labels (MUST).
            invalid(base + ".policy-domain", "policy-domain \"" + shorten(pol.domain) + "\" is not in A-label (ASCII) form");
          }
          break;
        case "mx-host":
          seen = once(seen, P_MX, base, name);
          pol.mxHosts = readMxHosts(base + ".mx-host");
          break;
        case "mx-host-pattern":
          if (!strict && (seen & P_MX) == 0) {
            seen |= P_MX;
            warn(
                base + "." + name,
                ReadWarning.Kind.DRAFT_FIELD_NAME,
                "draft member name mx-host-pattern read as mx-host");
            pol.mxHosts = readMxHosts(base + "." + name);
          } else {
            pol.unknown = unknownField(pol.unknown, base, name);
          }
          break;
        default:
          pol.unknown = unknownField(pol.unknown, base, name);
      }
    }
    checkObjectEnd(t);
    pol.seen = seen;
    if ((seen & P_TYPE) == 0) {
      throw missing(base, "policy-type");
    }
    // Decided here, not where policy-string is read: policy-type may come after it.
    if (!strict && pol.type == PolicyType.TLSA) {
      List<String> decoded = jsonEncodedTlsaRecords(pol.strings);
      if (decoded != null) {
        warn(
            base + ".policy-string",
            ReadWarning.Kind.POLICY_STRING_JSON_ENCODED,
            "tlsa policy-string holds one JSON-encoded array; read as its " + decoded.size()
                + " strings");
        pol.strings = decoded;
      }
    }
    if (pol.domain == null) {
      if (strict) {
        throw missing(base, "policy-domain");
      }
      warn(base.toString(), ReadWarning.Kind.MISSING_FIELD, "policy-domain is absent or empty");
    }
    return pol;
  }

  private List<String> readPolicyStrings(String path) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      if (strict) {
        throw wrongType(path, "an array of strings (RFC 8460 §4.5)", t);
      }
      warn(path, ReadWarning.Kind.POLICY_STRING_AS_STRING, "policy-string is one string; read as a list of one");
      return List.of(p.getText());
    }
    if (t == JsonToken.VALUE_NULL && !strict) {
      warn(path, ReadWarning.Kind.EMPTY_VALUE, "policy-string is null; read as absent");
      return List.of();
    }
    return readStringArray(path, t);
  }

  /**
   * Returns the TLSA records a tolerant reader finds in a {@code policy-string} that Microsoft sent
   * as one JSON-encoded array ({@code ["[\"3 1 1 AB\",\"3 1 1 CD\"]"]}, or the same text as a
   * bare string), or {@code null} to keep the strings as they are.
   *
   * <p>The rule: exactly one string, which starts with {@code [} and is a JSON array of strings,
   * and whose decoded list is not itself exactly one such string. The last condition makes the
   * tolerant reader idempotent: what it returns, written and read again, is not decoded again. A
   * TLSA record in presentation form starts with a digit (RFC 8460 §4.5), so a real record never
   * matches; a model value whose only tlsa policy string does match cannot be told apart from
   * Microsoft's encoding once written, and the tolerant reader decodes it (the strict reader never
   * decodes).
   */
  private @Nullable List<String> jsonEncodedTlsaRecords(List<String> strings) {
    if (strings.size() != 1) {
      return null;
    }
    List<String> decoded = decodeJsonStringArray(strings.get(0));
    if (decoded == null
        || (decoded.size() == 1 && decodeJsonStringArray(decoded.get(0)) != null)) {
      return null;
    }
    return decoded;
  }

  private @Nullable List<String> decodeJsonStringArray(String text) {
    if (!text.startsWith("[")) {
      return null;
    }
    try (JsonParser inner = factory.createParser(text)) {
      if (inner.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<String> out = new ArrayList<>();
      JsonToken t;
      while ((t = inner.nextToken()) == JsonToken.VALUE_STRING) {
        out.add(inner.getText());
      }
      if (t != JsonToken.END_ARRAY || inner.nextToken() != null) {
        return null;
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * RFC 8460 §4.4 lists {@code policy-string} for every policy and {@code mx-host} for an sts
   * policy; §4.5 defines the policy string of sts and tlsa. A sender that never obtained the policy
   * has neither to give, so (digest edge case 19) both may be left out when the policy result has
   * failure details and every one of them is a policy-stage failure ({@link #isPolicyStage}).
   * {@code no-policy-found} has no policy to describe, and unknown types are not RFC 8460, so
   * neither needs them.
   */
  private void checkPolicyMembers(int index, Policy policy, List<FailureDetail> details) {
    boolean needString = policy.type == PolicyType.STS || policy.type == PolicyType.TLSA;
    boolean needMx = policy.type == PolicyType.STS;
    boolean missingString = needString && (policy.seen & P_STRING) == 0;
    boolean missingMx = needMx && (policy.seen & P_MX) == 0;
    if ((!missingString && !missingMx) || onlyPolicyStageFailures(details)) {
      return;
    }
    String base = policyPath(index) + ".policy";
    String why =
        " for a " + policy.typeText + " policy (RFC 8460 §4.4); it may be left out only when every"
            + " failure detail is " + POLICY_STAGE_TYPES;
    if (strict) {
      throw error(
          ReportErrorCode.MISSING_FIELD,
          base,
          "required member " + (missingString ? "policy-string" : "mx-host") + " is missing" + why);
    }
    if (missingString) {
      warn(base, ReadWarning.Kind.MISSING_FIELD, "policy-string is absent" + why);
    }
    if (missingMx) {
      warn(base, ReadWarning.Kind.MISSING_FIELD, "mx-host is absent" + why);
    }
  }

  private static final String POLICY_STAGE_TYPES =
      "sts-policy-fetch-error, sts-policy-invalid, sts-webpki-invalid, tlsa-invalid,"
          + " dnssec-invalid or dane-required";

  private static boolean onlyPolicyStageFailures(List<FailureDetail> details) {
    if (details.isEmpty()) {
      return false;
    }
    for (int i = 0; i < details.size(); i++) {
      if (!isPolicyStage(details.get(i).resultType())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a result type is a failure before any MX session: fetching or validating the
   * MTA-STS policy (RFC 8460 §4.3.2.2) or the DANE DNS lookups (§4.3.2.1).
   */
  private static boolean isPolicyStage(ResultType type) {
    return type.category() == ResultType.Category.MTA_STS
        || type.category() == ResultType.Category.DANE;
  }

  private List<String> readMxHosts(String path) throws IOException {
    JsonToken t = p.currentToken();
    List<String> list;
    if (t == JsonToken.VALUE_STRING) {
      // RFC 8460 Appendix B itself sends a string (EID 6241): accepted in both modes.
      warn(path, ReadWarning.Kind.MX_HOST_AS_STRING, "mx-host is a string; read as a list of one");
      list = p.getText().isEmpty() ? List.of() : List.of(p.getText());
    } else if (t == JsonToken.VALUE_NULL && !strict) {
      warn(path, ReadWarning.Kind.EMPTY_VALUE, "mx-host is null; read as absent");
      return List.of();
    } else {
      list = readStringArray(path, t);
    }
    if (strict) {
      return list;
    }
    List<String> out = null;
    for (int i = 0; i < list.size(); i++) {
      String mx = list.get(i);
      if (mx.regionMatches(true, 0, "mx:", 0, 3)) {
        if (out == null) {
          out = new ArrayList<>(list.subList(0, i));
        }
        String stripped = mx.substring(3).trim();
        warn(
            path + "[" + i + "]",
            ReadWarning.Kind.MX_HOST_POLICY_LINE,
            "mx-host \"" + shorten(mx) + "\" is a policy line; read as \"" + shorten(stripped) + "\"");
        out.add(stripped);
      } else if (out != null) {
        out.add(mx);
      }
    }
    return out == null ? list : out;
  }

  private List<String> readStringArray(String path, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(path, "an array of strings", t);
    }
    List<String> list = new ArrayList<>();
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING) {
        throw wrongType(path + "[" + i + "]", "a string", t);
      }
      list.add(p.getText());
      i++;
    }
    return list;
  }

  private long[] readSummary(int index) throws IOException {
    Loc base = new Loc(index, ".summary");
    expectObject(base);
    long ok = -1;
    long failed = -1;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "total-successful-session-count":
          if (ok >= 0) {
            throw duplicate(base, name);
          }
          ok = readCount(base, name);
          break;
        case "total-failure-session-count":
          if (failed >= 0) {
            throw duplicate(base, name);
          }
          failed = readCount(base, name);
          break;
        default:
          summaryUnknown = unknownField(summaryUnknown, base, name);
      }
    }
    checkObjectEnd(t);
    if (ok < 0) {
      ok = missingCount(base, "total-successful-session-count");
    }
    if (failed < 0) {
      failed = missingCount(base, "total-failure-session-count");
    }
    return new long[] {ok, failed};
  }

  private long missingCount(Object base, String name) {
    if (strict) {
      throw missing(base, name);
    }
    warn(base.toString(), ReadWarning.Kind.MISSING_FIELD, name + " is absent; read as 0");
    return 0;
  }

  private long readCount(Object base, String name) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw badCount(base + "." + name, p.getText());
        }
        long v = p.getLongValue();
        if (v < 0 || v > MAX_SAFE_INTEGER) {
          throw badCount(base + "." + name, p.getText());
        }
        return v;
      case VALUE_NUMBER_FLOAT:
      case VALUE_STRING:
        String text = p.getText();
        if (strict) {
          if (t == JsonToken.VALUE_STRING) {
            throw wrongType(base + "." + name, "an integer", t);
          }
          throw badCount(base + "." + name, text);
        }
        long parsed = parseIntegral(text);
        if (parsed < 0) {
          throw badCount(base + "." + name, text);
        }
        warn(base + "." + name, ReadWarning.Kind.COUNT_NOT_INTEGER, "count \"" + shorten(text) + "\" read as " + parsed);
        return parsed;
      default:
        throw wrongType(base + "." + name, "a non-negative integer", t);
    }
  }

  /** Returns the value of "12", " 12 ", "12.0", "1.2e1"; -1 when not a whole safe integer. */
  private static long parseIntegral(String text) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > 32) {
      return -1;
    }
    boolean plainDigits = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        plainDigits = false;
        if (!(c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
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
      java.math.BigDecimal d = new java.math.BigDecimal(s);
      if (d.signum() < 0 || d.scale() < -32) {
        return -1;
      }
      java.math.BigDecimal stripped = d.stripTrailingZeros();
      if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 16) {
        return -1;
      }
      long v = stripped.longValueExact();
      return v > MAX_SAFE_INTEGER ? -1 : v;
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  private ReportParseException badCount(String path, String text) {
    return error(
        ReportErrorCode.INVALID_COUNT,
        path,
        "count " + shorten(text) + " is not an integer between 0 and 2^53-1");
  }

  // ---- failure details ----

  private List<FailureDetail> readFailureDetails(int index) throws IOException {
    String base = policyPath(index) + ".failure-details";
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL && !strict) {
      warn(base, ReadWarning.Kind.EMPTY_VALUE, "failure-details is null; read as []");
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongType(base, "an array", t);
    }
    List<FailureDetail> list = new ArrayList<>(4);
    Loc item = new Loc(index, ".failure-details");
    int j = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw wrongType(base + "[" + j + "]", "an object", t);
      }
      item.item = j;
      list.add(readFailureDetail(item));
      j++;
    }
    return list;
  }

  private static final int F_RESULT = 1;
  private static final int F_IP = 2;
  private static final int F_MX = 4;
  private static final int F_HELO = 8;
  private static final int F_RIP = 16;
  private static final int F_COUNT = 32;
  private static final int F_INFO = 64;
  private static final int F_REASON = 128;

  private FailureDetail readFailureDetail(Object base) throws IOException {
    int seen = 0;
    ResultType type = null;
    String ip = null;
    String mx = null;
    String helo = null;
    String rip = null;
    long count = 0;
    String info = null;
    String reason = null;
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "result-type":
          seen = once(seen, F_RESULT, base, name);
          String text = requiredString(base, name);
          type = ResultType.of(text);
          if (!type.isKnown()) {
            warn(
                base + ".result-type",
                ReadWarning.Kind.UNKNOWN_RESULT_TYPE,
                "result-type \"" + shorten(text) + "\" is not registered; kept as unknown");
          }
          break;
        case "sending-mta-ip":
          seen = once(seen, F_IP, base, name);
          ip = ipAddress(base, name);
          break;
        case "receiving-mx-hostname":
          seen = once(seen, F_MX, base, name);
          mx = optionalString(base, name);
          break;
        case "receiving-mx-helo":
          seen = once(seen, F_HELO, base, name);
          helo = optionalString(base, name);
          break;
        case "receiving-ip":
          seen = once(seen, F_RIP, base, name);
          rip = ipAddress(base, name);
          break;
        case "failed-session-count":
          seen = once(seen, F_COUNT, base, name);
          count = readCount(base, name);
          break;
        case "additional-information":
          seen = once(seen, F_INFO, base, name);
          info = optionalString(base, name);
          break;
        case "additional-info-uri":
          if (!strict && (seen & F_INFO) == 0) {
            seen |= F_INFO;
            warn(
                base + "." + name,
                ReadWarning.Kind.DRAFT_FIELD_NAME,
                "draft member name additional-info-uri read as additional-information");
            info = optionalString(base, name);
          } else {
            unknown = unknownField(unknown, base, name);
          }
          break;
        case "failure-reason-code":
          seen = once(seen, F_REASON, base, name);
          reason = optionalString(base, name);
          break;
        default:
          unknown = unknownField(unknown, base, name);
      }
    }
    checkObjectEnd(t);
    if (type == null) {
      throw missing(base, "result-type");
    }
    if ((seen & F_COUNT) == 0) {
      if (strict) {
        throw missing(base, "failed-session-count");
      }
      warn(base.toString(), ReadWarning.Kind.MISSING_FIELD, "failed-session-count is absent; read as 0");
    }
    // RFC 8460 §4.4 lists both; Microsoft leaves them out for failures before any MX was reached
    // (policy fetch, DNS), which even the strict mode accepts.
    boolean beforeMx = isPolicyStage(type);
    if ((seen & F_IP) == 0 && !beforeMx) {
      absent(base, "sending-mta-ip");
    }
    if ((seen & F_MX) == 0 && !beforeMx) {
      absent(base, "receiving-mx-hostname");
    }
    return new FailureDetail(type, ip, mx, helo, rip, count, info, reason, orEmpty(unknown));
  }

  private void absent(Object base, String name) {
    if (strict) {
      throw missing(base, name);
    }
    warn(base.toString(), ReadWarning.Kind.MISSING_FIELD, name + " is absent");
  }

  private @Nullable String ipAddress(Object base, String name) throws IOException {
    String ip = optionalString(base, name);
    if (ip != null && !IpAddresses.isValid(ip)) {
      invalid(base + "." + name, name + " \"" + shorten(ip) + "\" is not an IPv4 or IPv6 address");
    }
    return ip;
  }

  // ---- helpers ----

  private void invalid(String path, String message) {
    if (strict) {
      throw error(ReportErrorCode.INVALID_VALUE, path, message);
    }
    warn(path, ReadWarning.Kind.INVALID_VALUE, message + "; kept verbatim");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeAddrSpec(String s) {
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private String requiredString(Object base, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType(base + "." + name, "a string", t);
    }
    return p.getText();
  }

  /** A string member where {@code null} and {@code ""} mean absent (tolerant) or are errors (strict). */
  private @Nullable String optionalString(Object base, String name) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      if (!s.isEmpty()) {
        return s;
      }
      if (strict) {
        throw error(ReportErrorCode.INVALID_VALUE, base + "." + name, name + " is an empty string");
      }
      warn(base + "." + name, ReadWarning.Kind.EMPTY_VALUE, name + " is \"\"; read as absent");
      return null;
    }
    if (t == JsonToken.VALUE_NULL) {
      if (strict) {
        throw error(ReportErrorCode.MISSING_FIELD, base + "." + name, name + " is null; expected a string");
      }
      warn(base + "." + name, ReadWarning.Kind.EMPTY_VALUE, name + " is null; read as absent");
      return null;
    }
    throw wrongType(base + "." + name, "a string", t);
  }

  private Map<String, String> unknownField(@Nullable Map<String, String> map, Object base, String name)
      throws IOException {
    Map<String, String> m = map == null ? new HashMap<>(4) : map;
    if (m.containsKey(name)) {
      throw duplicate(base, name);
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      copyValue(g);
    }
    m.put(name, out.toString());
    warn(base + "." + name, ReadWarning.Kind.UNKNOWN_FIELD, "unknown member " + name + " kept verbatim");
    return m;
  }

  /** Copies the current value; numbers keep their exact text. */
  private void copyValue(JsonGenerator g) throws IOException {
    int depth = 0;
    while (true) {
      JsonToken t = p.currentToken();
      int delta = JsonTokens.copyCurrent(p, g);
      if (delta == JsonTokens.NOT_A_VALUE_TOKEN) {
        throw error(ReportErrorCode.MALFORMED_JSON, jacksonPath(), "unexpected " + describe(t));
      }
      depth += delta;
      if (depth == 0) {
        return;
      }
      if (p.nextToken() == null) {
        throw error(ReportErrorCode.MALFORMED_JSON, jacksonPath(), "unexpected end of input");
      }
    }
  }

  private void expectObject(Object path) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(path.toString(), "an object", t);
    }
  }

  private void checkObjectEnd(@Nullable JsonToken t) {
    if (t != JsonToken.END_OBJECT) {
      throw error(ReportErrorCode.MALFORMED_JSON, jacksonPath(), "unexpected " + describe(t));
    }
  }

  private int once(int seen, int bit, Object base, String name) {
    if ((seen & bit) != 0) {
      throw duplicate(base, name);
    }
    return seen | bit;
  }

  /** A JSON path below {@code $.policies[i]}, turned into text only when a message needs it. */
  private static final class Loc {
    final int policy;
    final String member;
    int item = -1;

    Loc(int policy, String member) {
      this.policy = policy;
      this.member = member;
    }

    @Override
    public String toString() {
      String s = "$.policies[" + policy + "]" + member;
      return item < 0 ? s : s + "[" + item + "]";
    }
  }

  private static String policyPath(int index) {
    return "$.policies[" + index + "]";
  }

  private void warn(String path, ReadWarning.Kind kind, String message) {
    List<ReadWarning> w = warnings;
    if (w == null) {
      w = new ArrayList<>(4);
      warnings = w;
    }
    w.add(new ReadWarning(path, kind, message));
  }

  private static Map<String, String> orEmpty(@Nullable Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static ReportParseException error(ReportErrorCode code, String path, String message) {
    return new ReportParseException(code, path, message, null);
  }

  private static ReportParseException missing(Object base, String name) {
    return error(
        ReportErrorCode.MISSING_FIELD, base.toString(), "required member " + name + " is missing (RFC 8460 §4.4)");
  }

  private static ReportParseException duplicate(Object base, String name) {
    return error(
        ReportErrorCode.DUPLICATE_FIELD,
        base + "." + name,
        "member " + name + " occurs twice; I-JSON (RFC 7493 §2.3) forbids duplicate names");
  }

  private static ReportParseException wrongType(String path, String expected, @Nullable JsonToken t) {
    return error(ReportErrorCode.WRONG_TYPE, path, "expected " + expected + ", found " + describe(t));
  }

  private static String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
