package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void validatesItsComponents() {
    assertThrows(IllegalArgumentException.class, () -> new RecordWarning(0, RecordErrorCode.EMPTY_FIELD, "m"));
    assertThrows(NullPointerException.class, () -> new RecordWarning(1, null, "m"));
    assertThrows(NullPointerException.class, () -> new RecordWarning(1, RecordErrorCode.EMPTY_FIELD, null));
  }
}
