package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ResultType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code policies} of a report (RFC 8460 §4.4): each policy result with its {@code
 * policy} object, its {@code summary} ({@link CountJsonReader}) and its {@code failure-details}
 * ({@link FailureDetailJsonReader}).
 */
final class PolicyJsonReader {
  private static final int R_POLICY = 1;
  private static final int R_SUMMARY = 2;
  private static final int R_DETAILS = 4;

  private static final int P_TYPE = 1;
  private static final int P_STRING = 2;
  private static final int P_DOMAIN = 4;
  private static final int P_MX = 8;
  private static final int P_MX_DRAFT = 16;

  private static final String POLICY_STAGE_TYPES =
      "sts-policy-fetch-error, sts-policy-invalid, sts-webpki-invalid, tlsa-invalid,"
          + " dnssec-invalid or dane-required";

  private final ReadContext c;
  private final CountJsonReader counts;
  private final FailureDetailJsonReader details;

  PolicyJsonReader(ReadContext c) {
    this.c = c;
    this.counts = new CountJsonReader(c);
    this.details = new FailureDetailJsonReader(c, counts);
  }

  /** Reads the {@code policies} array, the parser on its first token. */
  List<PolicyResult> readPolicies(ReportPath path) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      // RFC 8460 §4: policies MUST be an array even for one policy.
      throw ReadContext.wrongType(path, "an array", t);
    }
    List<PolicyResult> list = new ArrayList<>(2);
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw ReadContext.wrongType(path.index(i), "an object", t);
      }
      list.add(readPolicyResult(path.index(i)));
      i++;
    }
    return list;
  }

  private PolicyResult readPolicyResult(ReportPath base) throws IOException {
    JsonParser p = c.p;
    int seen = 0;
    Policy policy = null;
    CountJsonReader.Totals summary = null;
    List<FailureDetail> failures = List.of();
    Map<String, String> unknown = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "policy" -> {
          seen = c.once(seen, R_POLICY, base, name);
          policy = readPolicy(base.member(name));
        }
        case "summary" -> {
          seen = c.once(seen, R_SUMMARY, base, name);
          summary = counts.readSummary(base.member(name));
        }
        case "failure-details" -> {
          seen = c.once(seen, R_DETAILS, base, name);
          failures = details.readAll(base.member(name));
        }
        default -> unknown = c.unknownField(unknown, base, name);
      }
    }
    c.checkObjectEnd(t);
    if (policy == null) {
      throw ReadContext.missing(base, "policy");
    }
    if (summary == null) {
      if (c.strict) {
        throw ReadContext.missing(base, "summary");
      }
      c.warn(base, ReportErrorCode.MISSING_FIELD, "summary is absent; counts read as 0");
      summary = CountJsonReader.Totals.ABSENT;
    }
    checkPolicyMembers(base.member("policy"), policy, failures);
    return new PolicyResult(
        policy.type,
        policy.typeText,
        policy.strings,
        policy.domain,
        policy.mxHosts,
        summary.successful(),
        summary.failed(),
        failures,
        policy.unknown == null ? Map.of() : policy.unknown,
        summary.unknown(),
        unknown == null ? Map.of() : unknown);
  }

  /** The members of a {@code policy} object read so far. */
  private static final class Policy {
    PolicyType type = PolicyType.UNKNOWN;
    String typeText = "";
    List<String> strings = List.of();
    @Nullable String domain;
    List<String> mxHosts = List.of();
    @Nullable Map<String, String> unknown;
    /** The P_* bits of the members present. */
    int seen;
  }

  private Policy readPolicy(ReportPath base) throws IOException {
    c.expectObject(base);
    JsonParser p = c.p;
    Policy pol = new Policy();
    int seen = 0;
    // The draft name mx-host-pattern read as mx-host until the RFC name comes: its text, and the
    // warnings reading it gave.
    String draftText = null;
    int draftWarnings = 0;
    int draftWarningsEnd = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "policy-type" -> {
          seen = c.once(seen, P_TYPE, base, name);
          String text = c.requiredString(base, name);
          pol.type = PolicyType.fromWireName(text).orElse(PolicyType.UNKNOWN);
          // The constant's text for known types: aggregation keys then share one String.
          pol.typeText = pol.type == PolicyType.UNKNOWN ? text : pol.type.wireName();
          if (pol.type == PolicyType.UNKNOWN) {
            if (c.strict) {
              throw ReadContext.error(ReportErrorCode.UNKNOWN_POLICY_TYPE, base.member(name),
                  "policy-type \"" + ReadContext.shorten(text)
                      + "\" is not one of sts, tlsa, no-policy-found (RFC 8460 §4.4)");
            }
            c.warn(base.member(name), ReportErrorCode.UNKNOWN_POLICY_TYPE,
                "policy-type \"" + ReadContext.shorten(text) + "\" is not an RFC 8460 value; kept as unknown");
          }
        }
        case "policy-string" -> {
          seen = c.once(seen, P_STRING, base, name);
          pol.strings = readPolicyStrings(base.member(name));
        }
        case "policy-domain" -> {
          seen = c.once(seen, P_DOMAIN, base, name);
          pol.domain = c.optionalString(base, name);
          if (pol.domain != null && !ReadContext.isAscii(pol.domain)) {
            // RFC 8460 §4.4: IDNs as A-labels (MUST).
            c.invalid(base.member(name), "policy-domain \"" + ReadContext.shorten(pol.domain)
                + "\" is not in A-label (ASCII) form");
          }
        }
        case "mx-host" -> {
          seen = c.once(seen, P_MX, base, name);
          if (draftText != null) {
            // The RFC name wins over a draft name met before it: the draft member is kept
            // verbatim, as when it comes after the RFC name, and what reading it said goes.
            c.dropWarnings(draftWarnings, draftWarningsEnd);
            pol.unknown = c.keepUnknown(pol.unknown, base, "mx-host-pattern", draftText);
            draftText = null;
          }
          pol.mxHosts = readMxHosts(c, base.member(name));
        }
        case "mx-host-pattern" -> {
          if (!c.strict && (seen & P_MX) == 0) {
            seen = c.once(seen, P_MX_DRAFT, base, name);
            draftWarnings = c.warningCount();
            c.warn(base.member(name), ReportErrorCode.DRAFT_FIELD_NAME,
                "draft member name mx-host-pattern read as mx-host");
            draftText = c.copyValue();
            ReadContext again = c.reread(draftText);
            try {
              pol.mxHosts = readMxHosts(again, base.member(name));
            } finally {
              again.p.close();
            }
            draftWarningsEnd = c.warningCount();
          } else {
            pol.unknown = c.unknownField(pol.unknown, base, name);
          }
        }
        default -> pol.unknown = c.unknownField(pol.unknown, base, name);
      }
    }
    c.checkObjectEnd(t);
    // A draft mx-host-pattern stands for mx-host when no mx-host came.
    pol.seen = (seen & P_MX_DRAFT) != 0 ? seen | P_MX : seen;
    if ((seen & P_TYPE) == 0) {
      throw ReadContext.missing(base, "policy-type");
    }
    // Decided here, not where policy-string is read: policy-type may come after it.
    if (!c.strict && pol.type == PolicyType.TLSA) {
      List<String> decoded = jsonEncodedTlsaRecords(pol.strings);
      if (decoded != null) {
        c.warn(base.member("policy-string"), ReportErrorCode.POLICY_STRING_JSON_ENCODED,
            "tlsa policy-string holds one JSON-encoded array; read as its " + decoded.size()
                + " strings");
        pol.strings = decoded;
      }
    }
    if (pol.domain == null) {
      if (c.strict) {
        throw ReadContext.missing(base, "policy-domain");
      }
      c.warn(base, ReportErrorCode.MISSING_FIELD, "policy-domain is absent or empty");
    }
    return pol;
  }

  private List<String> readPolicyStrings(ReportPath path) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      if (c.strict) {
        throw ReadContext.wrongType(path, "an array of strings (RFC 8460 §4.5)", t);
      }
      c.warn(path, ReportErrorCode.POLICY_STRING_AS_STRING, "policy-string is one string; read as a list of one");
      return List.of(p.getText());
    }
    if (t == JsonToken.VALUE_NULL && !c.strict) {
      c.warn(path, ReportErrorCode.EMPTY_VALUE, "policy-string is null; read as absent");
      return List.of();
    }
    return c.readStringArray(path, t);
  }

  /**
   * Returns the TLSA records a lenient reader finds in a {@code policy-string} that Microsoft sent
   * as one JSON-encoded array ({@code ["[\"3 1 1 AB\",\"3 1 1 CD\"]"]}, or the same text as a
   * bare string), or {@code null} to keep the strings as they are.
   *
   * <p>The rule: exactly one string, which starts with {@code [} and is a JSON array of strings,
   * and whose decoded list is not itself exactly one such string. The last condition makes the
   * lenient reader idempotent: what it returns, written and read again, is not decoded again. A
   * TLSA record in presentation form starts with a digit (RFC 8460 §4.5), so a real record never
   * matches; a model value whose only tlsa policy string does match cannot be told apart from
   * Microsoft's encoding once written, and the lenient reader decodes it (the strict reader never
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
    try (JsonParser inner = c.factory.createParser(text)) {
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
   * has neither to give (the policy failures of RFC 8460 §4.3.2 happen before any MX host is
   * reached; Microsoft sends such results without both), so both may be left out when the policy
   * result has failure details and every one of them is a policy-stage failure ({@link
   * #isPolicyStage}). {@code no-policy-found} has no policy to describe, and unknown types are not
   * RFC 8460, so neither needs them.
   */
  private void checkPolicyMembers(ReportPath base, Policy policy, List<FailureDetail> failures) {
    boolean needString = policy.type == PolicyType.STS || policy.type == PolicyType.TLSA;
    boolean needMx = policy.type == PolicyType.STS;
    boolean missingString = needString && (policy.seen & P_STRING) == 0;
    boolean missingMx = needMx && (policy.seen & P_MX) == 0;
    if ((!missingString && !missingMx) || onlyPolicyStageFailures(failures)) {
      return;
    }
    String why =
        " for a " + policy.typeText + " policy (RFC 8460 §4.4); it may be left out only when every"
            + " failure detail is " + POLICY_STAGE_TYPES;
    if (c.strict) {
      throw ReadContext.error(ReportErrorCode.MISSING_FIELD, base,
          "required member " + (missingString ? "policy-string" : "mx-host") + " is missing" + why);
    }
    if (missingString) {
      c.warn(base, ReportErrorCode.MISSING_FIELD, "policy-string is absent" + why);
    }
    if (missingMx) {
      c.warn(base, ReportErrorCode.MISSING_FIELD, "mx-host is absent" + why);
    }
  }

  private static boolean onlyPolicyStageFailures(List<FailureDetail> failures) {
    if (failures.isEmpty()) {
      return false;
    }
    for (int i = 0; i < failures.size(); i++) {
      if (!isPolicyStage(failures.get(i).resultType())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether a result type is a failure before any MX session: fetching or validating the
   * MTA-STS policy (RFC 8460 §4.3.2.2) or the DANE DNS lookups (§4.3.2.1).
   */
  static boolean isPolicyStage(ResultType type) {
    return type.category() == ResultType.Category.MTA_STS
        || type.category() == ResultType.Category.DANE;
  }

  private static List<String> readMxHosts(ReadContext c, ReportPath path) throws IOException {
    JsonToken t = c.p.currentToken();
    List<String> list;
    if (t == JsonToken.VALUE_STRING) {
      // RFC 8460 Appendix B itself sends a string (EID 6241): accepted in both modes.
      c.warn(path, ReportErrorCode.MX_HOST_AS_STRING, "mx-host is a string; read as a list of one");
      String text = c.p.getText();
      list = text.isEmpty() ? List.of() : List.of(text);
    } else if (t == JsonToken.VALUE_NULL && !c.strict) {
      c.warn(path, ReportErrorCode.EMPTY_VALUE, "mx-host is null; read as absent");
      return List.of();
    } else {
      list = c.readStringArray(path, t);
    }
    if (c.strict) {
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
        c.warn(path.index(i), ReportErrorCode.MX_HOST_POLICY_LINE,
            "mx-host \"" + ReadContext.shorten(mx) + "\" is a policy line; read as \""
                + ReadContext.shorten(stripped) + "\"");
        out.add(stripped);
      } else if (out != null) {
        out.add(mx);
      }
    }
    return out == null ? list : out;
  }
}
