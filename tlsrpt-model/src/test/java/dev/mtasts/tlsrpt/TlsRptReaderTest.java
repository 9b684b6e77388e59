package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TlsRptReaderTest {

  /** A valid report with one STS policy and one failure detail; parts replaced by the tests. */
  static String doc(String policy, String summary, String detail, String top) {
    return "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":\"2024-01-01T00:00:00Z\","
        + "\"end-datetime\":\"2024-01-01T23:59:59Z\"},\"contact-info\":\"a@b.example\","
        + "\"report-id\":\"id-1\"" + top + ",\"policies\":[{\"policy\":{" + policy + "},"
        + "\"summary\":{" + summary + "},\"failure-details\":[{" + detail + "}]}]}";
  }

  static final String POLICY =
      "\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\"],\"policy-domain\":\"d.example\","
          + "\"mx-host\":[\"mx.d.example\"]";
  static final String SUMMARY =
      "\"total-successful-session-count\":5,\"total-failure-session-count\":1";
  static final String DETAIL =
      "\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.2.1\","
          + "\"receiving-mx-hostname\":\"mx.d.example\",\"failed-session-count\":1";

  static String json(String from, String to) {
    return doc(POLICY, SUMMARY, DETAIL, "").replace(from, to);
  }

  @Test
  void baseDocumentIsStrictlyValid() {
    ParseResult<TlsRptReport> r = TlsRptReader.strict().read(doc(POLICY, SUMMARY, DETAIL, ""));
    assertEquals(List.of(), r.warnings());
    assertEquals(5, r.value().policies().get(0).successfulSessionCount());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          count as string           | "failed-session-count":1                  | "failed-session-count":"1"                | COUNT_NOT_INTEGER          | $.policies[0].failure-details[0].failed-session-count
          count as 1.0              | "total-successful-session-count":5        | "total-successful-session-count":5.0      | COUNT_NOT_INTEGER          | $.policies[0].summary.total-successful-session-count
          date without offset       | 2024-01-01T00:00:00Z                      | 2024-01-01T00:00:00                       | DATE_TIME_WITHOUT_OFFSET   | $.date-range.start-datetime
          contact-info null         | "a@b.example"                             | null                                      | EMPTY_VALUE                | $.contact-info
          empty sending IP          | "sending-mta-ip":"192.0.2.1"              | "sending-mta-ip":""                       | EMPTY_VALUE                | $.policies[0].failure-details[0].sending-mta-ip
          invalid sending IP        | "sending-mta-ip":"192.0.2.1"              | "sending-mta-ip":"x.x.x.x"                | INVALID_VALUE              | $.policies[0].failure-details[0].sending-mta-ip
          missing sending IP        | "sending-mta-ip":"192.0.2.1",             | ''                                        | MISSING_FIELD              | $.policies[0].failure-details[0]
          policy-string as string   | "policy-string":["version: STSv1"]        | "policy-string":"version: STSv1"          | POLICY_STRING_AS_STRING    | $.policies[0].policy.policy-string
          unknown policy type       | "policy-type":"sts"                       | "policy-type":"dane"                      | UNKNOWN_POLICY_TYPE        | $.policies[0].policy.policy-type
          missing policy domain     | ,"policy-domain":"d.example"              | ''                                        | MISSING_FIELD              | $.policies[0].policy
          missing failure count     | "total-failure-session-count":1           | "x":1                                     | MISSING_FIELD              | $.policies[0].summary
          U-label policy domain     | "policy-domain":"d.example"               | "policy-domain":"bücher.example"          | INVALID_VALUE              | $.policies[0].policy.policy-domain
          report-id as number       | "report-id":"id-1"                        | "report-id":12345                         | REPORT_ID_NOT_STRING       | $.report-id
          null failure-details      | "failure-details":[{                      | "failure-details":null,"y":[{             | EMPTY_VALUE                | $.policies[0].failure-details
          sts without policy-string | "policy-string":["version: STSv1"],        | ''                                        | MISSING_FIELD              | $.policies[0].policy
          sts without mx-host       | ,"mx-host":["mx.d.example"]               | ''                                        | MISSING_FIELD              | $.policies[0].policy
          tlsa without policy-string | "policy-type":"sts","policy-string":["version: STSv1"] | "policy-type":"tlsa"     | MISSING_FIELD              | $.policies[0].policy
          """)
  void lenientModeAcceptsWithWarningStrictModeRejects(
      String name, String from, String to, ReportErrorCode kind, String path) {
    String input = json(from, to);
    ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(input);
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.code() == kind && w.location().toString().equals(path)),
        () -> name + ": " + r.warnings());
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(input), name);
    assertTrue(e.getMessage().startsWith(e.location().path() + ": "), e.getMessage());
  }

  @Test
  void draftNamesAreMappedWhenLenientAndKeptAsUnknownWhenStrict() {
    String input =
        json("\"mx-host\":[", "\"mx-host-pattern\":[")
            .replace(
                "\"failed-session-count\":1",
                "\"failed-session-count\":1,\"additional-info-uri\":\"https://x.example/\"");
    ParseResult<TlsRptReport> lenient = TlsRptReader.lenient().read(input);
    PolicyResult p = lenient.value().policies().get(0);
    assertEquals(List.of("mx.d.example"), p.mxHosts());
    assertEquals("https://x.example/", p.failureDetails().get(0).additionalInformation());
    assertEquals(
        List.of(
            "$.policies[0].policy.mx-host-pattern",
            "$.policies[0].failure-details[0].additional-info-uri"),
        lenient.warnings().stream().map(w -> w.location().toString()).collect(Collectors.toList()));
    assertTrue(lenient.warnings().stream().allMatch(w -> w.code() == ReportErrorCode.DRAFT_FIELD_NAME));
    // Strictly, mx-host-pattern is not mx-host, so the sts policy lacks its mx-host ...
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(input));
    assertEquals(ReportErrorCode.MISSING_FIELD, e.code());
    assertEquals("$.policies[0].policy", e.location().path());
    // ... and beside a real mx-host the draft names are unknown members, kept verbatim.
    String both = input.replace("\"mx-host-pattern\":[", "\"mx-host\":[],\"mx-host-pattern\":[");
    PolicyResult strict = TlsRptReader.strict().read(both).value().policies().get(0);
    assertEquals(List.of(), strict.mxHosts());
    assertEquals("[\"mx.d.example\"]", strict.unknownPolicyFields().get("mx-host-pattern"));
    assertEquals(
        "\"https://x.example/\"",
        strict.failureDetails().get(0).unknownFields().get("additional-info-uri"));
  }

  private static final String FETCH_ERROR =
      "\"result-type\":\"sts-policy-fetch-error\",\"failed-session-count\":3";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid", "tlsa-invalid",
        "dnssec-invalid", "dane-required"
      })
  void policyStageFailuresExcuseAbsentPolicyStringAndMxHostEvenStrictly(String resultType) {
    // Digest edge case 19 (Microsoft): no policy was obtained, so there is none to report.
    String detail = "\"result-type\":\"" + resultType + "\",\"failed-session-count\":3";
    for (String type : List.of("sts", "tlsa")) {
      String input =
          doc("\"policy-type\":\"" + type + "\",\"policy-domain\":\"d.example\"", SUMMARY, detail, "");
      for (TlsRptReader reader : List.of(TlsRptReader.strict(), TlsRptReader.lenient())) {
        ParseResult<TlsRptReport> r = reader.read(input);
        assertEquals(List.of(), r.warnings(), type + " " + resultType);
        assertEquals(List.of(), r.value().policies().get(0).policyStrings());
      }
    }
  }

  @Test
  void stsPolicyWithoutPolicyStringIsRefusedStrictlyUnlessEveryFailureIsPolicyStage() {
    // Regression: the strict reader accepted an sts policy with neither policy-string nor mx-host
    // whatever its failures, and the lenient reader did not warn.
    String policy = "\"policy-type\":\"sts\",\"policy-domain\":\"d.example\"";
    String mixed =
        doc(policy, SUMMARY, FETCH_ERROR, "").replace("}]}]}", "}," + "{" + DETAIL + "}]}]}");
    String noFailures = doc(policy, SUMMARY, FETCH_ERROR, "").replace("[{" + FETCH_ERROR + "}]", "[]");
    String certificateOnly = doc(policy, SUMMARY, DETAIL, "");
    for (String input : List.of(mixed, noFailures, certificateOnly)) {
      ReportParseException e =
          assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(input), input);
      assertEquals(ReportErrorCode.MISSING_FIELD, e.code());
      assertEquals("$.policies[0].policy", e.location().path());
      assertTrue(e.detail().contains("policy-string"), e.detail());
      ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(input);
      assertEquals(
          List.of("policy-string is absent", "mx-host is absent"),
          r.warnings().stream()
              .filter(w -> w.code() == ReportErrorCode.MISSING_FIELD)
              .map(w -> w.message().substring(0, w.message().indexOf(" for a ")))
              .collect(Collectors.toList()),
          input);
    }
    // The failure details may come before the policy object: the check waits for both.
    String detailsFirst =
        "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":\"2024-01-01T00:00:00Z\","
            + "\"end-datetime\":\"2024-01-01T23:59:59Z\"},\"contact-info\":\"a@b.example\","
            + "\"report-id\":\"id-1\",\"policies\":[{\"failure-details\":[{" + FETCH_ERROR + "}],"
            + "\"summary\":{" + SUMMARY + "},\"policy\":{" + policy + "}}]}";
    assertEquals(List.of(), TlsRptReader.strict().read(detailsFirst).warnings());
  }

  @Test
  void noPolicyFoundNeedsNeitherPolicyStringNorMxHost() {
    String input =
        doc("\"policy-type\":\"no-policy-found\",\"policy-domain\":\"d.example\"", SUMMARY, DETAIL, "");
    assertEquals(List.of(), TlsRptReader.strict().read(input).warnings());
  }

  static final String TWO_RECORDS_JSON = "[\\\"3 1 1 AB\\\",\\\"3 1 1 CD\\\"]";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          array of one, type first   | "policy-type":"tlsa","policy-string":[ENC]
          bare string, type first    | "policy-type":"tlsa","policy-string":ENC
          array of one, type last    | "policy-string":[ENC],"policy-type":"tlsa"
          bare string, type last     | "policy-string":ENC,"policy-type":"tlsa"
          """)
  void jsonEncodedTlsaPolicyStringIsDecodedInEveryForm(String name, String policy) {
    // Regression: only the array-of-one form was decoded, and before the type was known.
    String input =
        doc(policy.replace("ENC", "\"" + TWO_RECORDS_JSON + "\"") + ",\"policy-domain\":\"d.example\"",
            SUMMARY, DETAIL, "");
    ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(input);
    assertEquals(List.of("3 1 1 AB", "3 1 1 CD"), r.value().policies().get(0).policyStrings(), name);
    assertEquals(
        1,
        r.warnings().stream()
            .filter(w -> w.code() == ReportErrorCode.POLICY_STRING_JSON_ENCODED
                && w.location().toString().equals("$.policies[0].policy.policy-string"))
            .count(),
        () -> name + ": " + r.warnings());
  }

  @Test
  void jsonLookingPolicyStringIsDecodedOnlyForTlsaAndOnlyByTheLenientReader() {
    String sts =
        doc("\"policy-type\":\"sts\",\"policy-string\":[\"" + TWO_RECORDS_JSON + "\"],"
            + "\"policy-domain\":\"d.example\",\"mx-host\":[]", SUMMARY, DETAIL, "");
    assertEquals(
        List.of("[\"3 1 1 AB\",\"3 1 1 CD\"]"),
        TlsRptReader.lenient().read(sts).value().policies().get(0).policyStrings());
    String tlsa = sts.replace("\"sts\"", "\"tlsa\"");
    ParseResult<TlsRptReport> strict = TlsRptReader.strict().read(tlsa);
    assertEquals(List.of("[\"3 1 1 AB\",\"3 1 1 CD\"]"), strict.value().policies().get(0).policyStrings());
    assertEquals(List.of(), strict.warnings());
  }

  @Test
  void tlsaPolicyStringThatIsAJsonArrayRoundTripsStrictlyAndIsDecodedLeniently() {
    // Regression: PolicyResult.of(TLSA, ["[\"3 1 1 AB\"]"]) came back leniently as [3 1 1 AB]
    // with no warning. Once written it cannot be told from Microsoft's encoding; the rule is
    // documented on ReportErrorCode.POLICY_STRING_JSON_ENCODED.
    TlsRptReport r = tlsaReport(List.of("[\"3 1 1 AB\"]"));
    byte[] json = TlsRptWriter.compact().write(r);
    ParseResult<TlsRptReport> strict = TlsRptReader.strict().read(json);
    assertEquals(r, strict.value());
    assertEquals(List.of(), strict.warnings());
    ParseResult<TlsRptReport> lenient = TlsRptReader.lenient().read(json);
    assertEquals(tlsaReport(List.of("3 1 1 AB")), lenient.value());
    assertEquals(
        List.of(ReportErrorCode.POLICY_STRING_JSON_ENCODED),
        lenient.warnings().stream().map(Warning::code).collect(Collectors.toList()));
    // What the lenient reader returns reads back equal: decoding never applies twice.
    TlsRptReport twice = tlsaReport(List.of("[\"[\\\"3 1 1 AB\\\"]\"]"));
    ParseResult<TlsRptReport> stable = TlsRptReader.lenient().read(TlsRptWriter.compact().write(twice));
    assertEquals(twice, stable.value());
    assertEquals(List.of(), stable.warnings());
    // Not a JSON array of strings: kept.
    for (String kept : List.of("[3 1 1 AB]", "[\"a\",1]", "[\"a\"] x", " [\"a\"]")) {
      TlsRptReport k = tlsaReport(List.of(kept));
      assertEquals(k, TlsRptReader.lenient().read(TlsRptWriter.compact().write(k)).value(), kept);
    }
  }

  private static TlsRptReport tlsaReport(List<String> records) {
    return TlsRptReport.of(
        "Org",
        new DateRange(
            java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.Instant.parse("2024-01-01T23:59:59Z")),
        "a@b.example",
        "id-1",
        List.of(PolicyResult.of(PolicyType.TLSA, records, "d.example", List.of(), 5, 0, List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          policies as object   | "policies":[{"policy":{                  | "policies":{"x":{"policy":{  | WRONG_TYPE        | $.policies
          duplicate member     | "report-id":"id-1"                      | "report-id":"id-1","report-id":"id-2" | DUPLICATE_FIELD | $.report-id
          duplicate unknown    | "report-id":"id-1"                      | "report-id":"id-1","z":1,"z":2 | DUPLICATE_FIELD  | $.z
          negative count       | "failed-session-count":1                | "failed-session-count":-1   | INVALID_COUNT      | $.policies[0].failure-details[0].failed-session-count
          fractional count     | "failed-session-count":1                | "failed-session-count":1.5  | INVALID_COUNT      | $.policies[0].failure-details[0].failed-session-count
          count above 2^53-1   | "failed-session-count":1                | "failed-session-count":9007199254740992 | INVALID_COUNT | $.policies[0].failure-details[0].failed-session-count
          end before start     | "end-datetime":"2024-01-01T23:59:59Z"   | "end-datetime":"2023-12-31T23:59:59Z" | INVALID_DATE_TIME | $.date-range
          space instead of T   | 2024-01-01T00:00:00Z                    | 2024-01-01 00:00:00Z        | INVALID_DATE_TIME  | $.date-range.start-datetime
          February 30          | 2024-01-01T00:00:00Z                    | 2024-02-30T00:00:00Z        | INVALID_DATE_TIME  | $.date-range.start-datetime
          missing result-type  | "result-type":"certificate-expired",    | ''                          | MISSING_FIELD      | $.policies[0].failure-details[0]
          missing org          | "organization-name":"Org",              | ''                          | MISSING_FIELD      | $
          org as number        | "organization-name":"Org"               | "organization-name":7       | WRONG_TYPE         | $.organization-name
          trailing content     | "id-1"                                  | "id-1"                      | TRAILING_CONTENT   | $
          """)
  void bothModesRejectWithCodeAndPath(
      String name, String from, String to, ReportErrorCode code, String path) {
    String input = name.equals("trailing content") ? json(from, to) + " {}" : json(from, to);
    for (TlsRptReader reader : List.of(TlsRptReader.lenient(), TlsRptReader.strict())) {
      ReportParseException e = assertThrows(ReportParseException.class, () -> reader.read(input), name);
      assertEquals(code, e.code(), e.getMessage());
      assertEquals(path, e.location().path(), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock = """
          ''                    | EMPTY_INPUT
          '   '                 | EMPTY_INPUT
          '[]'                  | WRONG_TYPE
          '{"organization-name"' | MALFORMED_JSON
          '{"a":1,}'            | MALFORMED_JSON
          'nul'                 | MALFORMED_JSON
          """)
  void malformedDocumentsGiveTypedErrors(String input, ReportErrorCode code) {
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
    assertEquals(code, e.code(), e.getMessage());
  }

  @Test
  void unknownMembersAreKeptAtEveryLevelAndWrittenBack() {
    String input =
        doc(POLICY + ",\"p-ext\":[1,2.50,{\"k\":null}]", SUMMARY + ",\"s-ext\":7", DETAIL + ",\"d-ext\":\"v\"", ",\"top\":{\"a\":true}")
            .replace("23:59:59Z\"}", "23:59:59Z\",\"r-ext\":[]}");
    ParseResult<TlsRptReport> r = TlsRptReader.strict().read(input);
    TlsRptReport report = r.value();
    assertEquals("{\"a\":true}", report.unknownFields().get("top"));
    assertEquals("[1,2.50,{\"k\":null}]", report.policies().get(0).unknownPolicyFields().get("p-ext"));
    assertEquals("\"v\"", report.policies().get(0).failureDetails().get(0).unknownFields().get("d-ext"));
    assertEquals("7", report.policies().get(0).unknownSummaryFields().get("s-ext"));
    assertEquals("[]", report.unknownDateRangeFields().get("r-ext"));
    assertEquals(5, r.warnings().size());
    assertEquals(report, TlsRptReader.strict().read(TlsRptWriter.compact().write(report)).value());
  }

  @Test
  void readsFromStreamPathAndGzip(@TempDir Path dir) throws IOException {
    String input = doc(POLICY, SUMMARY, DETAIL, "");
    TlsRptReport expected = TlsRptReader.strict().read(input).value();
    byte[] gz = gzip(input.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, TlsRptReader.strict().read(new ByteArrayInputStream(gz)).value());
    assertEquals(
        expected,
        TlsRptReader.strict().read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))).value());
    Path file = dir.resolve("x!d.example!1!2.json.gz");
    Files.write(file, gz);
    assertEquals(expected, TlsRptReader.strict().read(file).value());
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(dir.resolve("missing.json")));
    assertEquals(ReportErrorCode.READ_FAILED, e.code());
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String input = json("\"report-id\":\"id-1\"", "\"report-id\":\"id-1\",\"x\":" + deep);
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
    assertEquals(ReportErrorCode.NESTING_TOO_DEEP, e.code());
    assertTrue(e.location().path().startsWith("$.x"), e.location().path());
  }

  @Test
  void deepUnknownMemberUnderARaisedLimitStillEndsInATypedError() {
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    String input = json("\"report-id\":\"id-1\"", "\"report-id\":\"id-1\",\"x\":" + deep);
    TlsRptReader lax = TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxNestingDepth(1_000_000));
    ReportParseException e = assertThrows(ReportParseException.class, () -> lax.read(input));
    assertEquals(ReportErrorCode.NESTING_TOO_DEEP, e.code(), e.getMessage());
  }

  @Test
  void hugeStringIsRefused() {
    String input = json("\"Org\"", "\"" + "a".repeat(2_000_000) + "\"");
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
    assertEquals(ReportErrorCode.STRING_TOO_LONG, e.code());
    assertEquals("$.organization-name", e.location().path());
  }

  @Test
  void readLimitsHadNoWithMaxNameLength_aLowerNameLimitRefusesALongMemberName() {
    // Regression (issue 14): ReadLimits had a with... method for every limit but maxNameLength.
    String input = json("\"organization-name\"", "\"x-" + "n".repeat(40) + "\":1,\"organization-name\"");
    assertEquals(1, TlsRptReader.lenient().read(input).value().unknownFields().size());
    ReadLimits limits = ReadLimits.DEFAULT.withMaxNameLength(32);
    assertEquals(32, limits.maxNameLength());
    assertEquals(ReadLimits.DEFAULT.withMaxNameLength(1024), ReadLimits.DEFAULT);
    ReportParseException e = assertThrows(ReportParseException.class,
        () -> TlsRptReader.lenient().withLimits(limits).read(input));
    assertTrue(e.detail().contains("32"), e.getMessage());
  }

  @Test
  void longNumberIsRefused() {
    String input = json("\"failed-session-count\":1", "\"failed-session-count\":1" + "0".repeat(100));
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
    assertEquals(ReportErrorCode.NUMBER_TOO_LONG, e.code());
  }

  @Test
  void documentSizeLimitIsConfigurable() {
    String input = doc(POLICY, SUMMARY, DETAIL, "");
    TlsRptReader small = TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(100));
    for (Runnable r :
        List.<Runnable>of(
            () -> small.read(input),
            () -> small.read(input.getBytes(StandardCharsets.UTF_8)),
            () -> small.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))))) {
      ReportParseException e = assertThrows(ReportParseException.class, r::run);
      assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.code());
    }
    TlsRptReader exact =
        TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(input.length()));
    assertEquals("Org", exact.read(input.getBytes(StandardCharsets.UTF_8)).value().organizationName());
  }

  @Test
  void gzipBombIsRefusedAfterReadingAtMostTheLimit() throws IOException {
    // 64 MiB of zeros compress to about 64 KiB; the limit is 1 MiB.
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    byte[] compressed = bomb.toByteArray();
    TlsRptReader reader = TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(1 << 20));
    ReportParseException e = assertThrows(ReportParseException.class, () -> reader.read(compressed));
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.code());
    CountingStream counting = new CountingStream(new ByteArrayInputStream(compressed));
    ReportParseException e2 = assertThrows(ReportParseException.class, () -> reader.read(counting));
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e2.code());
    // 1 MiB of output needs about 1 KiB of this input; far less than the whole bomb was read.
    assertTrue(counting.count < compressed.length / 4, "read " + counting.count + " of " + compressed.length);
  }

  @Test
  void endlessEmptyGzipMembersAreRefusedByTheCompressedLimit() throws IOException {
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    new GZIPOutputStream(one).close();
    byte[] member = one.toByteArray();
    InputStream endless =
        new InputStream() {
          long pos;

          @Override
          public int read() {
            return member[(int) (pos++ % member.length)] & 0xff;
          }

          @Override
          public int available() {
            return member.length;
          }
        };
    // With the member bound out of the way, the compressed-size limit still ends the stream.
    TlsRptReader reader =
        TlsRptReader.lenient()
            .withLimits(
                ReadLimits.DEFAULT.withMaxDocumentBytes(1 << 16).withMaxGzipMembers(Integer.MAX_VALUE));
    ReportParseException e = assertThrows(ReportParseException.class, () -> reader.read(endless));
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.code(), e.getMessage());
  }

  @Test
  void gzipTrailerSizeIsOnlyAHint() throws IOException {
    byte[] json = doc(POLICY, SUMMARY, DETAIL, "").getBytes(StandardCharsets.UTF_8);
    TlsRptReport expected = TlsRptReader.strict().read(json).value();
    // Two members: the trailer gives only the (empty) last member's size, so the buffer must grow.
    ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
    twoMembers.write(gzip(json));
    twoMembers.write(gzip(new byte[0]));
    assertEquals(expected, TlsRptReader.strict().read(twoMembers.toByteArray()).value());
    // A trailer claiming 4 GiB is neither trusted for the buffer size nor accepted.
    byte[] lying = gzip(json);
    for (int i = 1; i <= 4; i++) {
      lying[lying.length - i] = (byte) 0xff;
    }
    TlsRptReader reader = TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(1 << 16));
    ReportParseException e = assertThrows(ReportParseException.class, () -> reader.read(lying));
    assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code(), e.getMessage());
    // Exactly at the limit still reads, one byte below it is refused.
    TlsRptReader exact = TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(json.length));
    assertEquals(expected, exact.read(gzip(json)).value());
    TlsRptReader below = TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(json.length - 1));
    ReportParseException e2 = assertThrows(ReportParseException.class, () -> below.read(gzip(json)));
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e2.code());
  }

  @Test
  void corruptGzipIsTyped() {
    byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    ReportParseException e = assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(bad));
    assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code());
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] bytes = json("\"Org\"", "\"O\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
    ReportParseException e = assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(bytes));
    assertEquals(ReportErrorCode.MALFORMED_JSON, e.code());
  }

  @Test
  void warningsComeInDocumentOrder() {
    ParseResult<TlsRptReport> r =
        TlsRptReader.lenient()
            .read(json("2024-01-01T00:00:00Z", "2024-01-01T00:00:00").replace("\"a@b.example\"", "null"));
    assertEquals(
        List.of("$.date-range.start-datetime", "$.contact-info"),
        r.warnings().stream().map(w -> w.location().toString()).collect(Collectors.toList()));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
