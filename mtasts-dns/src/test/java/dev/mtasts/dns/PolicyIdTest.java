package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PolicyIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "20160831085700Z", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
  void acceptsOneToThirtyTwoLettersAndDigits(String value) {
    assertEquals(value, PolicyId.of(value).value());
    assertTrue(PolicyId.isValid(value));
    assertTrue(PolicyId.of(value).isRfcCompliant());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" at {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``|1", "a-b|2", "a_b|2", "a.b|2", "`a b`|2", "é|1", "012345678901234567890123456789012|33"})
  void ofRejectsAnythingElseWithTheColumn(String value, int column) {
    RecordParseException e = assertThrows(RecordParseException.class, () -> PolicyId.of(value));
    assertEquals(RecordErrorCode.INVALID_ID, e.code());
    assertEquals(column, e.column());
    assertFalse(PolicyId.isValid(value));
  }

  @Test
  void constructorAdmitsTheLenientShapeOnly() {
    assertFalse(new PolicyId("a-b_c").isRfcCompliant());
    assertThrows(IllegalArgumentException.class, () -> new PolicyId("a.b"));
    assertThrows(IllegalArgumentException.class, () -> new PolicyId(""));
    assertThrows(IllegalArgumentException.class, () -> new PolicyId("a".repeat(65)));
  }

  @Test
  void constructorErrorDescribesTheShapeItAdmits() {
    // Regression: the message said "must be 1 to 32 letters and digits" while the constructor
    // accepts up to 64 characters with '-' and '_'.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicyId("a.b"));
    assertTrue(e.getMessage().contains("1 to 64 letters, digits, '-' and '_'"), e::getMessage);
    assertTrue(e.getMessage().contains("PolicyId.of"), e::getMessage);
  }

  @Test
  void comparesByExactValue() {
    assertEquals(PolicyId.of("abc"), PolicyId.of("abc"));
    assertEquals(PolicyId.of("abc").hashCode(), PolicyId.of("abc").hashCode());
    assertNotEquals(PolicyId.of("abc"), PolicyId.of("ABC"));
    assertEquals("abc", PolicyId.of("abc").toString());
  }
}
