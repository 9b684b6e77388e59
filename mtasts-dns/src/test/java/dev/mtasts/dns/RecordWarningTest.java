package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class RecordWarningTest {
  @Test
  void carriesAStableCodeShownInToString() {
    RecordWarning w = new RecordWarning(9, RecordErrorCode.DUPLICATE_FIELD, "id is given again");
    assertEquals(RecordErrorCode.DUPLICATE_FIELD, w.code());
    assertEquals("column 9 [DUPLICATE_FIELD]: id is given again", w.toString());
  }

  @Test
  void twoArgumentConstructorStillCompilesAndUsesTheGenericCode() {
    RecordWarning w = new RecordWarning(3, "something");
    assertEquals(RecordErrorCode.OTHER, w.code());
    assertEquals(new RecordWarning(3, RecordErrorCode.OTHER, "something"), w);
    assertNotEquals(new RecordWarning(3, RecordErrorCode.EMPTY_FIELD, "something"), w);
  }

  @Test
  void validatesItsComponents() {
    assertThrows(IllegalArgumentException.class, () -> new RecordWarning(0, RecordErrorCode.OTHER, "m"));
    assertThrows(NullPointerException.class, () -> new RecordWarning(1, null, "m"));
    assertThrows(NullPointerException.class, () -> new RecordWarning(1, RecordErrorCode.OTHER, null));
  }
}
