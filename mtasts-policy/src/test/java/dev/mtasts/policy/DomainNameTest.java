package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.DomainName.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DomainNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
    "example.com; example.com",
    "Mail.Example.COM; mail.example.com",
    "localhost; localhost",
    "a-b.c-d.example; a-b.c-d.example",
    "1.example; 1.example",
    "10.0.0.1.example; 10.0.0.1.example",
    "XN--BCHER-KVA.example; xn--bcher-kva.example",
  })
  void strictAcceptsRfc5321DomainsInLowerCase(String text, String expected) {
    assertEquals(expected, DomainName.parse(text).toString());
    assertEquals(expected, DomainName.of(text).toString());
    assertEquals(expected, DomainName.parse(text, Syntax.INPUT).toString());
    assertEquals(expected, DomainName.parse(text, Syntax.LENIENT).toString());
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = ';', value = {
    "example.com.; TRAILING_DOT; 12",
    "a..b; EMPTY_LABEL; 3",
    ".a; EMPTY_LABEL; 1",
    "-a.example; HYPHEN_AT_LABEL_END; 1",
    "a-.example; HYPHEN_AT_LABEL_END; 2",
    "a b.example; INVALID_CHARACTER; 2",
    "mail_1.example; INVALID_CHARACTER; 5",
    "*.example.com; WILDCARD; 1",
    "a.*.example; WILDCARD; 3",
    "bücher.example; U_LABEL; 2",
    "192.0.2.1; IP_ADDRESS; 1",
  })
  void strictRefusesWithCodeAndColumn(String text, DomainNameErrorCode code, int column) {
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse(text));
    assertEquals(code, e.code());
    assertEquals(column, e.column());
    assertEquals(new Location.Column(column), e.location());
    assertInstanceOf(MtaStsParseException.class, e);
    assertTrue(e.getMessage().startsWith("column " + column + ": "), e::getMessage);
    assertTrue(e.getMessage().endsWith(e.detail()), e::getMessage);
    IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> DomainName.of(text));
    assertEquals(e.detail(), iae.getMessage());
    assertInstanceOf(DomainNameException.class, iae.getCause());
  }

  @Test
  void strictRefusesTheEmptyText() {
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse(""));
    assertEquals(DomainNameErrorCode.EMPTY, e.code());
    assertEquals(1, e.column());
    assertTrue(e.detail().contains("1 to 253 characters"), e::detail);
  }

  @Test
  void enforcesTheDnsLengthLimits() {
    String label63 = "a".repeat(63);
    assertEquals(label63 + ".example", DomainName.parse(label63 + ".example").toString());
    DomainNameException label = assertThrows(DomainNameException.class, () -> DomainName.parse("a" + label63 + ".example"));
    assertEquals(DomainNameErrorCode.LABEL_TOO_LONG, label.code());
    assertEquals(64, label.column());
    String name253 = (label63 + ".").repeat(3) + "a".repeat(61);
    assertEquals(253, name253.length());
    assertEquals(name253, DomainName.parse(name253).toString());
    assertEquals(name253, DomainName.parse(name253 + ".", Syntax.INPUT).toString());
    assertEquals(DomainNameErrorCode.NAME_TOO_LONG,
        assertThrows(DomainNameException.class, () -> DomainName.parse(name253 + "b")).code());
    assertEquals(DomainNameErrorCode.NAME_TOO_LONG,
        assertThrows(DomainNameException.class, () -> DomainName.parse(name253 + "b", Syntax.LENIENT)).code());
  }

  @Test
  void strictSuggestsTheALabelOfAULabel() {
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse("Bücher.example"));
    assertTrue(e.detail().contains("A-labels") && e.detail().contains("\"xn--bcher-kva.example\""), e::detail);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
    "bücher.example; xn--bcher-kva.example",
    "Bücher.example.; xn--bcher-kva.example",
    "example.com.; example.com",
    "MAIL.example.COM.; mail.example.com",
    "日本.example; xn--wgv71a.example",
    "bücher\u3002example; xn--bcher-kva.example",
    "xn--strae-oqa.de; xn--strae-oqa.de",
  })
  void inputConvertsULabelsAndDropsTheRootDot(String text, String expected) {
    assertEquals(expected, DomainName.parse(text, Syntax.INPUT).toString());
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = ';', value = {
    "straße.de; 5",
    "STRAẞE.de; 5",
    "σς.example; 2",
    "a\u200Db.example; 2",
    "a\u200Cb.example; 2",
  })
  void inputRefusesWhatIdna2003WouldMapToAnotherName(String text, int column) {
    // java.net.IDN (IDNA2003) turns straße into strasse, another domain than IDNA2008's xn--strae-oqa.
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse(text, Syntax.INPUT));
    assertEquals(DomainNameErrorCode.IDNA_DEVIATION, e.code());
    assertEquals("idna-deviation", e.code().id());
    assertEquals(column, e.column());
    assertTrue(e.detail().contains("IDNA2003") && e.detail().contains("A-label") && e.detail().contains("U+")
        || e.detail().contains("ZERO WIDTH"), e::detail);
    assertFalse(e.detail().contains("\u200D") || e.detail().contains("\u200C"), "invisible characters are escaped");
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource({
    "'', EMPTY, 1",
    "'.', EMPTY, 1",
    "example.com.., TRAILING_DOT, 12",
    "a..b, EMPTY_LABEL, 3",
    "*.example.com, WILDCARD, 1",
    "192.0.2.1., IP_ADDRESS, 1",
    "bü cher.example, INVALID_CHARACTER, 3",
    "bü_cher.example, INVALID_CHARACTER, 3",
    "-bücher.example, HYPHEN_AT_LABEL_END, 1",
    "bücher-.example, HYPHEN_AT_LABEL_END, 7",
    "bücher..example, EMPTY_LABEL, 8",
    "*.bücher.example, WILDCARD, 1",
  })
  void inputRefusesWhatIsNoName(String text, DomainNameErrorCode code, int column) {
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse(text, Syntax.INPUT));
    assertEquals(code, e.code(), text);
    assertEquals(column, e.column(), text);
  }

  @Test
  void inputRefusesWhatIdnaRefuses() {
    DomainNameException e = assertThrows(DomainNameException.class,
        () -> DomainName.parse("b\u00fc" + "x".repeat(70) + ".example", Syntax.INPUT));
    assertTrue(e.code() == DomainNameErrorCode.INVALID_IDN || e.code() == DomainNameErrorCode.LABEL_TOO_LONG, e::toString);
    assertEquals(DomainNameErrorCode.INVALID_IDN,
        assertThrows(DomainNameException.class, () -> DomainName.parse("a\uD800b.example", Syntax.INPUT)).code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mx_1.example.com", "_dmarc.example.com", "-a.example", "a-.example", "192.0.2.1",
      "a_-b.c-"})
  void lenientKeepsWhatSloppyTlsRptSendersWrite(String text) {
    assertEquals(text, DomainName.parse(text, Syntax.LENIENT).toString());
    assertThrows(DomainNameException.class, () -> DomainName.parse(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
    "bücher.example; U_LABEL",
    "example.com.; TRAILING_DOT",
    "a..b; EMPTY_LABEL",
    "a b; INVALID_CHARACTER",
    "a!b.example; INVALID_CHARACTER",
    "*.example; WILDCARD",
  })
  void lenientStillRefusesWhatIsNoDnsName(String text, DomainNameErrorCode code) {
    assertEquals(code, assertThrows(DomainNameException.class, () -> DomainName.parse(text, Syntax.LENIENT)).code());
  }

  @Test
  void escapesControlCharactersInMessages() {
    DomainNameException e = assertThrows(DomainNameException.class, () -> DomainName.parse("a\u001b[31mb.example"));
    assertFalse(e.getMessage().contains("\u001b"), e::getMessage);
    assertTrue(e.getMessage().contains("\\u001b"), e::getMessage);
    String longText = "x".repeat(500) + " ";
    assertTrue(assertThrows(DomainNameException.class, () -> DomainName.parse(longText)).getMessage().length() < 400);
  }

  @Test
  void isAValueComparedByItsALabelText() {
    DomainName a = DomainName.parse("Mail.Example.com");
    DomainName b = DomainName.parse("mail.example.COM.", Syntax.INPUT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("mail.example.com", a.toString());
    assertNotEquals(a, DomainName.parse("example.com"));
    assertNotEquals(a, (Object) "mail.example.com");
    assertEquals(DomainName.parse("xn--bcher-kva.example"), DomainName.parse("bücher.example", Syntax.INPUT));
    assertTrue(DomainName.parse("a.example").compareTo(DomainName.parse("b.example")) < 0);
    assertEquals(0, a.compareTo(b));
  }

  @Test
  void knowsItsLabelsAndItsParents() {
    DomainName mail = DomainName.parse("mail.example.com");
    assertEquals(List.of("mail", "example", "com"), mail.labels());
    assertEquals(3, mail.labelCount());
    assertEquals(1, DomainName.parse("localhost").labelCount());
    assertTrue(mail.isSubdomainOf(DomainName.parse("example.com")));
    assertTrue(mail.isSubdomainOf(mail));
    assertFalse(DomainName.parse("badexample.com").isSubdomainOf(DomainName.parse("example.com")));
    assertFalse(DomainName.parse("example.com").isSubdomainOf(mail));
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = ';', value = {
    "example.com; example.com",
    "' Example.COM. '; example.com",
    "example.com.; example.com",
    "''; ''",
    "'.'; ''",
    "not a name!; not a name!",
  })
  void comparisonKeyFoldsCaseBlanksAndTheRootDot(String text, String expected) {
    assertEquals(expected, DomainName.comparisonKey(text));
  }

  @Test
  void rejectsNullArguments() {
    assertThrows(NullPointerException.class, () -> DomainName.parse(null));
    assertThrows(NullPointerException.class, () -> DomainName.parse("a", null));
  }
}
