package dev.mtasts.tlsrpt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/** Generators of reports for the jqwik properties. */
final class ReportArbitraries {

  private ReportArbitraries() {}

  static final List<String> KNOWN_NAMES =
      List.of(
          "organization-name", "date-range", "contact-info", "report-id", "policies", "policy",
          "summary", "failure-details", "policy-type", "policy-string", "policy-domain", "mx-host",
          "mx-host-pattern", "result-type", "sending-mta-ip", "receiving-mx-hostname",
          "receiving-mx-helo", "receiving-ip", "failed-session-count", "additional-information",
          "additional-info-uri", "failure-reason-code");

  /** Text of any Unicode scalar values except surrogates, at least one character. */
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings()
            .withCharRange('\u0000', '\ud7ff')
            .withCharRange('\ue000', '\ufffd')
            .ofMinLength(1)
            .ofMaxLength(12));
  }

  static Arbitrary<String> optionalText() {
    return text().injectNull(0.3);
  }

  static Arbitrary<Long> count() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, (1L << 53) - 1));
  }

  static Arbitrary<Map<String, String>> unknownFields() {
    Arbitrary<String> names =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
            .map(s -> "x-" + s);
    Arbitrary<String> values =
        Arbitraries.of(
            "1", "-0.5e3", "\"s\"", "true", "false", "null", "{\"a\":[1,2.50,{}]}", "[]",
            "\"\u00e9\\n\"", "123456789012345678901234567890");
    return Arbitraries.maps(names, values).ofMaxSize(2);
  }

  static Arbitrary<ResultType> resultType() {
    return Arbitraries.oneOf(
        Arbitraries.of(ResultType.knownValues()), text().map(ResultType::of));
  }

  static Arbitrary<FailureDetail> failureDetail() {
    return Combinators.combine(
            resultType(),
            optionalText(),
            optionalText(),
            optionalText(),
            optionalText(),
            count(),
            optionalText(),
            optionalText())
        .as(
            (type, ip, mx, helo, rip, n, info, reason) ->
                new FailureDetail(type, ip, mx, helo, rip, n, info, reason, Map.of()))
        .flatMap(
            d -> unknownFields().map(u -> new FailureDetail(
                d.resultType(), d.sendingMtaIp(), d.receivingMxHostname(), d.receivingMxHelo(),
                d.receivingIp(), d.failedSessionCount(), d.additionalInformation(),
                d.failureReasonCode(), u)));
  }

  static Arbitrary<PolicyResult> policyResult() {
    Arbitrary<String> typeText =
        Arbitraries.oneOf(
            Arbitraries.of("sts", "tlsa", "no-policy-found"),
            Arbitraries.just("tlsa"),
            text().filter(t -> PolicyType.fromWireName(t).isEmpty()));
    // Includes single strings that are JSON arrays of strings (once and twice encoded), which the
    // lenient reader may take for Microsoft's JSON-encoded TLSA records.
    Arbitrary<List<String>> policyStrings =
        Arbitraries.oneOf(
            text().list().ofMaxSize(4),
            jsonArrayText().map(List::of),
            jsonArrayText().map(List::of).map(ReportArbitraries::jsonArray).map(List::of));
    Arbitrary<List<String>> mxHosts =
        text().filter(s -> !s.regionMatches(true, 0, "mx:", 0, 3)).list().ofMaxSize(3);
    return Combinators.combine(
            typeText,
            policyStrings,
            optionalText(),
            mxHosts,
            count(),
            count(),
            failureDetail().list().ofMaxSize(3),
            unknownFields())
        .as(
            (type, strings, domain, mx, ok, failed, details, unknown) ->
                new PolicyResult(
                    PolicyType.fromWireName(type).orElse(PolicyType.UNKNOWN), type, strings, domain, mx, ok, failed,
                    details, unknown, Map.of(), Map.of()))
        .flatMap(
            p -> unknownFields().map(u -> new PolicyResult(
                p.policyType(), p.policyTypeText(), p.policyStrings(), p.policyDomain(),
                p.mxHosts(), p.successfulSessionCount(), p.failedSessionCount(),
                p.failureDetails(), p.unknownPolicyFields(), u, u)));
  }

  /** The text of a JSON array of zero to three strings, for example {@code ["3 1 1 AB"]}. */
  static Arbitrary<String> jsonArrayText() {
    return Arbitraries.oneOf(
            text(), Arbitraries.strings().withChars("0123 ABCDEF").ofMinLength(1).ofMaxLength(12))
        .list()
        .ofMaxSize(3)
        .map(ReportArbitraries::jsonArray);
  }

  static String jsonArray(List<String> strings) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      for (String s : strings) {
        g.writeString(s);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Returns the strings of a JSON array of strings, or {@code null}; the test's own decoder (no
   * leading whitespace, nothing after the array), independent of the reader's.
   */
  static @Nullable List<String> decodeJsonArray(String text) {
    if (!text.startsWith("[")) {
      return null;
    }
    try (JsonParser p = new JsonFactory().createParser(text)) {
      p.nextToken();
      List<String> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
        out.add(p.getText());
      }
      return t == JsonToken.END_ARRAY && p.nextToken() == null ? out : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Returns what the lenient reader makes of a written report: the documented rule of
   * {@link ReportErrorCode#POLICY_STRING_JSON_ENCODED} applied to each tlsa policy.
   */
  static TlsRptReport lenientlyDecoded(TlsRptReport r) {
    List<PolicyResult> policies = new ArrayList<>();
    for (PolicyResult p : r.policies()) {
      List<String> decoded =
          p.policyType() == PolicyType.TLSA && p.policyStrings().size() == 1
              ? decodeJsonArray(p.policyStrings().get(0))
              : null;
      if (decoded != null && decoded.size() == 1 && decodeJsonArray(decoded.get(0)) != null) {
        decoded = null;
      }
      policies.add(
          decoded == null
              ? p
              : new PolicyResult(
                  p.policyType(), p.policyTypeText(), decoded, p.policyDomain(), p.mxHosts(),
                  p.successfulSessionCount(), p.failedSessionCount(), p.failureDetails(),
                  p.unknownPolicyFields(), p.unknownSummaryFields(), p.unknownFields()));
    }
    return new TlsRptReport(
        r.organizationName(), r.dateRange(), r.contactInfo(), r.reportId(), policies,
        r.unknownFields(), r.unknownDateRangeFields());
  }

  static Arbitrary<DateRange> dateRange() {
    long max = 253_402_300_799L; // 9999-12-31T23:59:59Z
    Arbitrary<Instant> instants =
        Combinators.combine(Arbitraries.longs().between(0, max), Arbitraries.integers().between(0, 999_999_999))
            .as((s, n) -> Instant.ofEpochSecond(s, n % 3 == 0 ? 0 : n));
    return Combinators.combine(instants, instants)
        .as((a, b) -> a.isAfter(b) ? new DateRange(b, a) : new DateRange(a, b));
  }

  static Arbitrary<TlsRptReport> report() {
    return Combinators.combine(
            text(), dateRange(), optionalText(), text(), policyResult().list().ofMaxSize(3), unknownFields(),
            unknownFields())
        .as(TlsRptReport::new);
  }

  /** Small reports over few domains and days, so that summaries share keys. */
  static Arbitrary<TlsRptReport> smallReport() {
    Arbitrary<PolicyResult> policy =
        Combinators.combine(
                Arbitraries.of(PolicyType.STS, PolicyType.TLSA, PolicyType.NO_POLICY_FOUND),
                Arbitraries.of("a.example", "b.example", "C.example"),
                Arbitraries.longs().between(0, 50),
                Arbitraries.of(ResultType.CERTIFICATE_EXPIRED, ResultType.STARTTLS_NOT_SUPPORTED, ResultType.of("x-new")),
                Arbitraries.of("192.0.2.1", "10.0.0.1"),
                Arbitraries.longs().between(0, 5))
            .as(
                (type, domain, ok, rt, ip, failed) ->
                    PolicyResult.of(
                        type, List.of("mx: mx." + domain), domain, List.of(), ok, failed,
                        failed == 0 ? List.of() : List.of(FailureDetail.of(rt, ip, "mx." + domain, failed))));
    return Combinators.combine(
            Arbitraries.of("Google Inc.", "Microsoft Corporation"),
            Arbitraries.integers().between(0, 3),
            Arbitraries.strings().withCharRange('0', '9').ofLength(3),
            policy.list().ofMinSize(1).ofMaxSize(2))
        .as(
            (org, day, id, policies) ->
                TlsRptReport.of(
                    org, DateRange.ofUtcDay(LocalDate.parse("2025-01-01").plusDays(day)), null, id, policies));
  }
}
