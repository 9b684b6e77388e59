package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression tests of issue 14's report-reader defects, each named after what broke. */
final class ReportReaderDefectsTest {

  private static String json(String from, String to) {
    return TlsRptReaderTest.json(from, to);
  }

  @Test
  void lenientReaderAcceptsADraftNameBeforeTheRfcNameAsTheStrictReaderDoes() {
    // Was DUPLICATE_FIELD "member additional-information occurs twice" (and the same for mx-host).
    String draftFirst = json("\"mx-host\":[\"mx.d.example\"]",
        "\"mx-host-pattern\":[\"old.d.example\"],\"mx-host\":[\"mx.d.example\"]")
        .replace("\"failed-session-count\":1",
            "\"failed-session-count\":1,\"additional-info-uri\":\"https://old.example/\","
                + "\"additional-information\":\"https://x.example/\"");
    String rfcFirst = json("\"mx-host\":[\"mx.d.example\"]",
        "\"mx-host\":[\"mx.d.example\"],\"mx-host-pattern\":[\"old.d.example\"]")
        .replace("\"failed-session-count\":1",
            "\"failed-session-count\":1,\"additional-information\":\"https://x.example/\","
                + "\"additional-info-uri\":\"https://old.example/\"");
    TlsRptReader.strict().read(draftFirst);
    ParseResult<TlsRptReport> lenient = TlsRptReader.lenient().read(draftFirst);
    PolicyResult p = lenient.value().policies().get(0);
    assertEquals(List.of("mx.d.example"), p.mxHosts(), "the RFC name wins");
    assertEquals("https://x.example/", p.failureDetails().get(0).additionalInformation());
    assertEquals("[\"old.d.example\"]", p.unknownPolicyFields().get("mx-host-pattern"));
    assertEquals("\"https://old.example/\"",
        p.failureDetails().get(0).unknownFields().get("additional-info-uri"));
    // The same report and the same warnings whichever name comes first.
    ParseResult<TlsRptReport> other = TlsRptReader.lenient().read(rfcFirst);
    assertEquals(other.value(), lenient.value());
    assertEquals(codes(other.warnings()), codes(lenient.warnings()));
    assertTrue(lenient.warnings().stream().noneMatch(w -> w.code() == ReportErrorCode.DRAFT_FIELD_NAME),
        lenient.warnings().toString());
  }

  @Test
  void aDraftNameTwiceIsADuplicateLikeAnyOtherMember() {
    String twice = json("\"failed-session-count\":1",
        "\"failed-session-count\":1,\"additional-info-uri\":\"a\",\"additional-info-uri\":\"b\"");
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(twice));
    assertEquals(ReportErrorCode.DUPLICATE_FIELD, e.code());
  }

  @Test
  void strictReaderSaysANullOrEmptyContactInfoMustBeAnEmailAddress() {
    // The strict branch for a null contact-info could never run: the message was the generic
    // "contact-info is null; expected a string".
    for (String value : List.of("null", "\"\"")) {
      ReportParseException e = assertThrows(ReportParseException.class,
          () -> TlsRptReader.strict().read(json("\"a@b.example\"", value)));
      assertEquals(ReportErrorCode.MISSING_FIELD, e.code());
      assertEquals("$.contact-info", e.location().path());
      assertTrue(e.detail().contains("RFC 8460 §4.4 requires an e-mail address"), e.detail());
    }
  }

  @Test
  void contactInfoIsShortenedInMessagesLikeEveryOtherValue() {
    String hostile = "x".repeat(10_000);
    String input = json("\"a@b.example\"", "\"" + hostile + "\"");
    Warning w = TlsRptReader.lenient().read(input).warnings().stream()
        .filter(x -> x.location().toString().equals("$.contact-info")).findFirst().orElseThrow();
    assertTrue(w.message().length() < 200, w.message().length() + " characters");
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(input));
    assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
  }

  @Test
  void aTooLongMemberNameIsNameTooLongNotStringTooLong() {
    // Jackson's constraint errors were classified by words of its message: a member name over
    // the limit came out as STRING_TOO_LONG. The limit broken is now told by its type.
    TlsRptReader reader = TlsRptReader.lenient()
        .withLimits(ReadLimits.DEFAULT.withMaxNameLength(100).withMaxStringLength(1000));
    String longName = json("\"report-id\":\"id-1\"", "\"report-id\":\"id-1\",\"" + "n".repeat(500) + "\":1");
    ReportParseException name = assertThrows(ReportParseException.class, () -> reader.read(longName));
    assertEquals(ReportErrorCode.NAME_TOO_LONG, name.code(), name.getMessage());
    String longString = json("\"id-1\"", "\"" + "s".repeat(5000) + "\"");
    ReportParseException string = assertThrows(ReportParseException.class, () -> reader.read(longString));
    assertEquals(ReportErrorCode.STRING_TOO_LONG, string.code(), string.getMessage());
    ReportParseException depth = assertThrows(ReportParseException.class,
        () -> TlsRptReader.lenient().withLimits(ReadLimits.DEFAULT.withMaxNestingDepth(3))
            .read(json("\"id-1\"", "\"id-1\",\"x\":[[[[1]]]]")));
    assertEquals(ReportErrorCode.NESTING_TOO_DEEP, depth.code(), depth.getMessage());
  }

  private static List<String> codes(List<Warning> warnings) {
    return warnings.stream().map(w -> w.code() + " " + w.location()).sorted().toList();
  }
}
