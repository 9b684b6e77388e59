package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PolicyParserTest {
  private static final String HEAD = "version: STSv1\nmode: enforce\nmx: mx.example.com\n";

  /** Test texts are written with "|" for CR and "~" for LF so a table row stays on one line. */
  private static String text(String row) {
    return row.replace("|", "\r").replace("~", "\n").replace("\\t", "\t");
  }

  private static PolicyParseException refuse(String row) {
    return assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(text(row)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
    // CRLF, LF, mixed, no final terminator
    "version: STSv1|~mode: enforce|~mx: mx.example.com|~max_age: 86400|~",
    "version: STSv1~mode: enforce~mx: mx.example.com~max_age: 86400~",
    "version: STSv1|~mode: enforce~mx: mx.example.com|~max_age: 86400",
    // no space after the colon, tabs after it, trailing WSP
    "version:STSv1~mode:enforce~mx:mx.example.com~max_age:86400",
    "version:\\t STSv1 \\t~mode:\\tenforce\\t~mx:  mx.example.com ~max_age: 86400\\t",
    // any order
    "max_age: 86400~mx: mx.example.com~mode: enforce~version: STSv1",
    // max_age leading zeros, ten digits
    "version: STSv1~mode: enforce~mx: mx.example.com~max_age: 0000086400",
  })
  void acceptsGrammarVariants(String row) {
    MtaStsPolicy p = MtaStsPolicy.parse(text(row));
    assertEquals(Mode.ENFORCE, p.mode());
    assertEquals(86400, p.maxAge());
    assertEquals(List.of(MxPattern.of("mx.example.com")), p.mx());
  }

  @Test
  void acceptsMaxAgeBoundaries() {
    assertEquals(0, MtaStsPolicy.parse(HEAD + "max_age: 0").maxAge());
    assertEquals(31557600, MtaStsPolicy.parse(HEAD + "max_age: 31557600").maxAge());
  }

  @Test
  void acceptsModeNoneWithoutMx() {
    MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n");
    assertEquals(Mode.NONE, p.mode());
    assertEquals(List.of(), p.mx());
  }

  @Test
  void keepsExtensionsInOrderWithInnerSpacesAndUtf8() {
    MtaStsPolicy p = MtaStsPolicy.parse(HEAD + "max_age: 1\nzeta: a b  c \nalpha: ünïcödé:#=;\nMode: x\n");
    assertEquals(List.of(Extension.of("zeta", "a b  c"), Extension.of("alpha", "ünïcödé:#=;"),
        Extension.of("Mode", "x")), p.extensions());
  }

  @Test
  void firstDuplicateWinsAndLaterOnesAreWarnings() {
    ParseResult<MtaStsPolicy> r = PolicyParser.strict().parse(
        "version: STSv1\nmode: testing\nmode: enforced\nmx: a.example\nmax_age: 5\nmax_age: x\nversion: STSv2\nfoo: 1\nfoo: 2\n");
    assertEquals(Mode.TESTING, r.value().mode());
    assertEquals(5, r.value().maxAge());
    assertEquals(List.of(Extension.of("foo", "1")), r.value().extensions());
    assertEquals(4, r.warnings().size());
    for (Warning w : r.warnings()) {
      assertEquals(PolicyErrorCode.DUPLICATE_FIELD, w.code());
    }
    assertEquals(List.of(3, 6, 7, 9), r.warnings().stream().map(w -> ((Location.LineColumn) w.location()).line()).toList());
  }

  @Test
  void firstOccurrenceOfARegisteredKeyMustBeWellFormed() {
    PolicyParseException e = refuse("version: STSv1~mode: enforced~mode: enforce~mx: a.example~max_age: 5");
    assertEquals(PolicyErrorCode.INVALID_MODE, e.code());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("did you mean \"enforce\""), e.getMessage());
  }

  @Test
  void keepsRepeatedMxPatterns() {
    MtaStsPolicy p = MtaStsPolicy.parse(HEAD + "mx: mx.example.com\nmax_age: 1");
    assertEquals(2, p.mx().size());
  }

  @Test
  void storesMxPatternsInLowerCase() {
    MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: MX.Example.COM\nmx: XN--MX-KIA.example\nmax_age: 1");
    assertEquals(List.of(MxPattern.of("mx.example.com"), MxPattern.of("xn--mx-kia.example")), p.mx());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
    "EMPTY_POLICY; \"\"; 1; 1",
    "BYTE_ORDER_MARK; \uFEFFversion: STSv1~mode: none~max_age: 1; 1; 1",
    "BARE_CR; version: STSv1|mode: none|max_age: 1; 1; 15",
    "BLANK_LINE; version: STSv1~~mode: none~max_age: 1; 2; 1",
    "BLANK_LINE; ~version: STSv1~mode: none~max_age: 1; 1; 1",
    "BLANK_LINE; version: STSv1~mode: none~max_age: 1~~; 4; 1",
    "BLANK_LINE; version: STSv1|~mode: none|~max_age: 1|~|~; 4; 1",
    "BLANK_LINE; version: STSv1~mode: none~max_age: 1~ \\t; 4; 1",
    "LEADING_WHITESPACE; version: STSv1~ mode: none~max_age: 1; 2; 1",
    "MISSING_COLON; version: STSv1~mode none~max_age: 1; 2; 5",
    "MISSING_COLON; version: STSv1~mode~max_age: 1; 2; 5",
    "WHITESPACE_BEFORE_COLON; version: STSv1~mode :none~max_age: 1; 2; 5",
    "INVALID_KEY; version: STSv1~mode: none~max_age: 1~_ext: 1; 4; 1",
    "INVALID_KEY; version: STSv1~mode: none~max_age: 1~-ext: 1; 4; 1",
    "INVALID_KEY; version: STSv1~mode: none~max_age: 1~: 1; 4; 1",
    "INVALID_KEY; version: STSv1~mode: none~max_age: 1~e/x: 1; 4; 2",
    "INVALID_KEY; version: STSv1~mode: none~max_age: 1~# comment; 4; 1",
    "KEY_TOO_LONG; version: STSv1~mode: none~max_age: 1~a12345678901234567890123456789012: 1; 4; 1",
    "INVALID_CHARACTER; version: STSv1~mode: none~max_age: 1~ext: a\u0000b; 4; 7",
    "INVALID_CHARACTER; version: STSv1~mode: none~max_age: 1~ext: a\u007fb; 4; 7",
    "INVALID_CHARACTER; version: STSv1~mode: none~max_age: 1~ex\u0001t: ab; 4; 3",
    "EMPTY_VALUE; version: STSv1~mode: none~max_age: 1~ext:; 4; 5",
    "EMPTY_VALUE; version: STSv1~mode: none~max_age: 1~ext: \\t; 4; 7",
    "EMPTY_VALUE; version: STSv1~mode:~max_age: 1; 2; 6",
    "EMPTY_VALUE; version: STSv1~mode: none~mode:~max_age: 1; 3; 6",
    "INVALID_VALUE; version: STSv1~mode: none~max_age: 1~ext: a\\tb; 4; 7",
    "INVALID_VALUE; version: STSv1~mode: none~mode: a\\tb~max_age: 1; 3; 8",
    "INVALID_VERSION; version: STSv2~mode: none~max_age: 1; 1; 10",
    "INVALID_VERSION; version: stsv1~mode: none~max_age: 1; 1; 10",
    "INVALID_VERSION; version: STSv1.0~mode: none~max_age: 1; 1; 10",
    "INVALID_MODE; version: STSv1~mode: Enforce~mx: a.example~max_age: 1; 2; 7",
    "INVALID_MODE; version: STSv1~mode: report~mx: a.example~max_age: 1; 2; 7",
    "INVALID_MODE; version: STSv1~mode: enforce now~mx: a.example~max_age: 1; 2; 7",
    "INVALID_MAX_AGE; version: STSv1~mode: none~max_age: +5; 3; 10",
    "INVALID_MAX_AGE; version: STSv1~mode: none~max_age: -1; 3; 10",
    "INVALID_MAX_AGE; version: STSv1~mode: none~max_age: 1e3; 3; 11",
    "INVALID_MAX_AGE; version: STSv1~mode: none~max_age: 1 000; 3; 11",
    "INVALID_MAX_AGE; version: STSv1~mode: none~max_age: ١٢; 3; 10",
    "MAX_AGE_TOO_LONG; version: STSv1~mode: none~max_age: 00000604800; 3; 10",
    "MAX_AGE_TOO_LONG; version: STSv1~mode: none~max_age: 99999999999999999999999; 3; 10",
    "MAX_AGE_OUT_OF_RANGE; version: STSv1~mode: none~max_age: 31557601; 3; 10",
    "MAX_AGE_OUT_OF_RANGE; version: STSv1~mode: none~max_age: 9999999999; 3; 10",
    "INVALID_MX; version: STSv1~mode: enforce~mx: a..example~max_age: 1; 3; 7",
    "INVALID_MX; version: STSv1~mode: enforce~mx: .example~max_age: 1; 3; 5",
    "INVALID_MX; version: STSv1~mode: enforce~mx: -a.example~max_age: 1; 3; 5",
    "INVALID_MX; version: STSv1~mode: enforce~mx: a-.example~max_age: 1; 3; 6",
    "INVALID_MX; version: STSv1~mode: enforce~mx: a_b.example~max_age: 1; 3; 6",
    "INVALID_MX; version: STSv1~mode: enforce~mx: a.example # primary~max_age: 1; 3; 14",
    "INVALID_MX; version: STSv1~mode: enforce~mx: *.~max_age: 1; 3; 7",
    "MX_WILDCARD; version: STSv1~mode: enforce~mx: *~max_age: 1; 3; 5",
    "MX_WILDCARD; version: STSv1~mode: enforce~mx: *example.com~max_age: 1; 3; 5",
    "MX_WILDCARD; version: STSv1~mode: enforce~mx: foo.*.example~max_age: 1; 3; 9",
    "MX_WILDCARD; version: STSv1~mode: enforce~mx: *.*.example~max_age: 1; 3; 7",
    "MX_TRAILING_DOT; version: STSv1~mode: enforce~mx: mail.example.com.~max_age: 1; 3; 21",
    "MX_TRAILING_DOT; version: STSv1~mode: enforce~mx: *.example.com.~max_age: 1; 3; 18",
    "MX_U_LABEL; version: STSv1~mode: enforce~mx: møx.example~max_age: 1; 3; 6",
    "MX_IP_ADDRESS; version: STSv1~mode: enforce~mx: 192.0.2.1~max_age: 1; 3; 5",
    "MISSING_VERSION; mode: none~max_age: 1; 2; 1",
    "MISSING_VERSION; Version: STSv1~mode: none~max_age: 1; 3; 1",
    "MISSING_MODE; version: STSv1~max_age: 1~mx: a.example; 3; 1",
    "MISSING_MODE; version: STSv1~Mode: enforce~max_age: 1~mx: a.example; 4; 1",
    "MISSING_MAX_AGE; version: STSv1~mode: none; 2; 1",
    "MISSING_MX; version: STSv1~mode: enforce~max_age: 1; 3; 1",
    "MISSING_MX; version: STSv1~mode: testing~max_age: 1~MX: a.example; 4; 1",
  })
  void refusesWithCodeAndPosition(PolicyErrorCode code, String row, int line, int column) {
    PolicyParseException e = refuse(row);
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
    assertEquals("line " + line + ": " + e.detail(), e.getMessage());
  }

  // The scanner reads an mx value that is directly followed by the line end in one pass (with its
  // domain checks); a trailing space sends the same value down the general path. Both must agree
  // on the pattern, or on the code, position and message of the error, strict and lenient.
  @ParameterizedTest
  @ValueSource(strings = {
    "a.example", "MX1.Example.COM", "*.example.net", "*.A-B.example", "x", "1.2.3.4", "1.2.3.4.5",
    "*.1.2.3.4", "1.2.3.a", "a..b", ".a", "a.", "*.", "*", "*x.example", "a.*.b", "-a.b", "a-.b",
    "a_b.example", "a b.example", "mø.example", "a.example.", "%s", "*.%s", "%s.x", "b%s",
  })
  void mxValueAtTheLineEndReadsAsWithTrailingSpace(String template) {
    String label63 = "a".repeat(63);
    String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
    String value = template.contains("%s") ? template.replace("%s", template.startsWith("b") ? label63 : name253) : template;
    for (PolicyParser parser : List.of(PolicyParser.strict(), PolicyParser.lenient())) {
      for (String end : List.of("\r\n", "\n", "")) {
        String head = "version: STSv1\nmode: testing\nmax_age: 1\nmx: " + value;
        String general = describe(parser, head + " " + end);
        assertEquals(general, describe(parser, head + end), value + " / " + parser);
      }
    }
  }

  private static String describe(PolicyParser parser, String text) {
    try {
      ParseResult<MtaStsPolicy> r = parser.parse(text);
      return r.value().mx() + " " + r.warnings();
    } catch (PolicyParseException e) {
      return e.code() + " " + e.line() + ":" + e.column() + " " + e.getMessage();
    }
  }

  @Test
  void messageNamesTheMaximum() {
    PolicyParseException e = refuse("version: STSv1~mode: enforce~max_age: 31557601~mx: a.example");
    assertEquals("line 3: max_age 31557601 is above the RFC 8461 maximum of 31557600", e.getMessage());
  }

  @Test
  void missingFieldMessageMentionsCaseVariant() {
    PolicyParseException e = refuse("version: STSv1~Mode: enforce~max_age: 1~mx: a.example");
    assertTrue(e.getMessage().contains("line 2 has a key that differs only in letter case"), e.getMessage());
  }

  // ------------------------------------------------------------------ lenient

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
    "BYTE_ORDER_MARK; BYTE_ORDER_MARK; \uFEFFversion: STSv1~mode: enforce~mx: a.example~max_age: 86400",
    "BARE_CR; BARE_CR; version: STSv1|mode: enforce|mx: a.example|max_age: 86400|",
    "BLANK_LINE; BLANK_LINE; ~version: STSv1~~mode: enforce~mx: a.example~ \\t~max_age: 86400~~",
    "LEADING_WHITESPACE; LEADING_WHITESPACE; version: STSv1~  mode: enforce~mx: a.example~max_age: 86400",
    "WHITESPACE_BEFORE_COLON; WHITESPACE_BEFORE_COLON; version: STSv1~mode : enforce~mx: a.example~max_age : 86400",
    "KEY_CASE; MISSING_VERSION; Version: STSv1~MODE: enforce~Mx: a.example~Max_Age: 86400",
    "INVALID_MODE; INVALID_MODE; version: STSv1~mode: ENFORCE~mx: a.example~max_age: 86400",
    "MX_TRAILING_DOT; MX_TRAILING_DOT; version: STSv1~mode: enforce~mx: A.example.~max_age: 86400",
  })
  void lenientReadsCommonDeviationsWithWarnings(PolicyErrorCode code, PolicyErrorCode strictCode, String row) {
    String input = text(row);
    assertEquals(strictCode, assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(input)).code());
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(input);
    assertEquals(MtaStsPolicy.of(Mode.ENFORCE, 86400, List.of(MxPattern.of("a.example"))), r.value());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code() == code), r.warnings().toString());
  }

  @Test
  void lenientConvertsULabelsToALabels() {
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse("version: STSv1\nmode: enforce\nmx: *.bücher.example.\nmax_age: 1");
    assertEquals(List.of(MxPattern.of("*.xn--bcher-kva.example")), r.value().mx());
    assertEquals(List.of(PolicyErrorCode.MX_TRAILING_DOT, PolicyErrorCode.MX_U_LABEL),
        r.warnings().stream().map(Warning::code).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
    "straße.de; 9; ß (U+00DF)",
    "*.mx.STRAẞE.de.; 14; ẞ (U+1E9E)",
    "mx.σς.example; 9; ς (U+03C2)",
    "a\u200Db.example; 6; ZERO WIDTH JOINER (U+200D)",
    "a\u200Cb.example; 6; ZERO WIDTH NON-JOINER (U+200C)",
  })
  void lenientRefusesMxWithIdnaDeviationCharactersInsteadOfMappingThem(String mx, int column, String named) {
    // java.net.IDN (IDNA2003) would read straße.de as strasse.de, another name than the IDNA2008
    // A-label xn--strae-oqa.de; the policy would then name the wrong MX host.
    String input = "version: STSv1\nmode: enforce\nmx: " + mx + "\nmax_age: 86400\n";
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.lenient().parse(input));
    assertEquals(PolicyErrorCode.MX_U_LABEL, e.code());
    assertEquals(3, e.line());
    assertEquals(column, e.column());
    assertTrue(e.getMessage().contains(named), e.getMessage());
    assertTrue(e.getMessage().contains("IDNA2003") && e.getMessage().contains("A-label"), e.getMessage());
    assertEquals(PolicyErrorCode.MX_U_LABEL,
        assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(input)).code());
  }

  @Test
  void lenientStillConvertsCapitalSigmaWhichIsNoDeviation() {
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse("version: STSv1\nmode: enforce\nmx: mx.ΣΣ.example\nmax_age: 1");
    assertEquals(List.of(MxPattern.of("mx.xn--4xaa.example")), r.value().mx());
  }

  @Test
  void lenientClampsMaxAge() {
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(HEAD + "max_age: 99999999");
    assertEquals(MtaStsPolicy.MAX_MAX_AGE, r.value().maxAge());
    assertEquals(PolicyErrorCode.MAX_AGE_OUT_OF_RANGE, r.warnings().get(0).code());
  }

  @Test
  void lenientWarningCarriesLineAndColumn() {
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse("version: STSv1\n\nmode : enforce\nmx: a.example\nmax_age: 1");
    assertEquals(List.of(new Warning(PolicyErrorCode.BLANK_LINE, new Location.LineColumn(2, 1), r.warnings().get(0).message()),
        new Warning(PolicyErrorCode.WHITESPACE_BEFORE_COLON, new Location.LineColumn(3, 5), r.warnings().get(1).message())), r.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "version: STSv1~mode: pretend~mx: a.example~max_age: 1",
    "version: STSv1~mode: enforce~max_age: 1",
    "version: STSv1~mode: enforce~mx: a_b.example~max_age: 1",
    "version: STSv1~mode: enforce~mx: a.example~max_age: twenty",
    "mode: enforce~mx: a.example~max_age: 1",
    "version: STSv1~mode: enforce~mx: a.example~max_age: 1~ext: a\\tb",
  })
  void lenientStillRefusesWhatItCannotRead(String row) {
    assertThrows(PolicyParseException.class, () -> PolicyParser.lenient().parse(text(row)));
  }

  // ------------------------------------------------------------------ bytes, streams, limits

  @Test
  void parsesUtf8Bytes() {
    byte[] body = (HEAD + "max_age: 1\nnote: grüße\n").getBytes(StandardCharsets.UTF_8);
    assertEquals("grüße", MtaStsPolicy.parse(body).extensions().get(0).value());
    assertEquals(MtaStsPolicy.parse(body), MtaStsPolicy.parse(new ByteArrayInputStream(body)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ff", "c0af", "e08080", "eda080", "f4908080", "c3", "80", "e282"})
  void refusesMalformedUtf8WithPosition(String hex) {
    byte[] head = (HEAD + "max_age: 1\nnote: a").getBytes(StandardCharsets.US_ASCII);
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    byte[] body = new byte[head.length + bad.length + 1];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(bad, 0, body, head.length, bad.length);
    body[body.length - 1] = 'z';
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(body));
    assertEquals(PolicyErrorCode.MALFORMED_UTF8, e.code());
    assertEquals(5, e.line());
    assertEquals(8, e.column());
  }

  @Test
  void refusesUnpairedSurrogateInText() {
    PolicyParseException e = refuse("version: STSv1~mode: none~max_age: 1~note: a\uD800b");
    assertEquals(PolicyErrorCode.INVALID_CHARACTER, e.code());
  }

  @Test
  void refusesInputOverTheLimitBeforeReadingIt() {
    byte[] big = new byte[PolicyParser.DEFAULT_MAX_BYTES + 1];
    assertEquals(PolicyErrorCode.INPUT_TOO_LARGE,
        assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(big)).code());
    // An endless stream: only the limit plus one byte may be read.
    InputStream endless = new InputStream() {
      long read;

      @Override
      public int read() {
        if (++read > PolicyParser.DEFAULT_MAX_BYTES + 1L) {
          throw new AssertionError("read past the limit");
        }
        return 'a';
      }
    };
    assertEquals(PolicyErrorCode.INPUT_TOO_LARGE,
        assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(endless)).code());
    assertEquals(PolicyErrorCode.INPUT_TOO_LARGE,
        assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse("a".repeat(big.length))).code());
  }

  @Test
  void limitIsConfigurableAndCountsUtf8Bytes() {
    String body = HEAD + "max_age: 1\nnote: " + "é".repeat(20) + "\n";
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    PolicyParser exact = PolicyParser.strict().withMaxBytes(bytes);
    assertNotNull(exact.parse(body));
    assertNotNull(exact.parse(body.getBytes(StandardCharsets.UTF_8)));
    PolicyParser small = PolicyParser.strict().withMaxBytes(bytes - 1);
    assertEquals(PolicyErrorCode.INPUT_TOO_LARGE,
        assertThrows(PolicyParseException.class, () -> small.parse(body)).code());
    assertEquals(PolicyErrorCode.INPUT_TOO_LARGE, assertThrows(PolicyParseException.class,
        () -> small.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).code());
    assertEquals(bytes - 1, small.maxBytes());
    assertTrue(PolicyParser.lenient().withMaxBytes(10).isLenient());
    assertSame(PolicyParser.strict(), PolicyParser.strict().withMaxBytes(PolicyParser.DEFAULT_MAX_BYTES));
    assertThrows(IllegalArgumentException.class, () -> PolicyParser.strict().withMaxBytes(0));
  }

  @Test
  void wrapsReadFailures() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(failing));
    assertEquals(PolicyErrorCode.READ_FAILED, e.code());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void parseExceptionIsAnMtaStsException() {
    assertInstanceOf(MtaStsException.class, refuse("garbage"));
  }

  @Test
  void keepsTheFirstOfThousandsOfRepeatedExtensions() {
    StringBuilder sb = new StringBuilder("version: STSv1\nmode: none\nmax_age: 1\n");
    for (int i = 0; sb.length() < PolicyParser.DEFAULT_MAX_BYTES - 20; i++) {
      sb.append('e').append(i % 5000).append(": ").append(i).append('\n');
    }
    ParseResult<MtaStsPolicy> r = PolicyParser.strict().parse(sb);
    assertEquals(5000, r.value().extensions().size());
    assertEquals(Extension.of("e4999", "4999"), r.value().extensions().get(4999));
    assertTrue(r.warnings().stream().allMatch(w -> w.code() == PolicyErrorCode.DUPLICATE_FIELD));
  }
}
