package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.Warning;
import org.junit.jupiter.api.Test;

final class RecordWarningTest {
  @Test
  void carriesAStableCodeShownInToString() {
    Warning w = new Warning(RecordErrorCode.DUPLICATE_FIELD, new Location.Column(9), "id is given again");
    assertEquals(RecordErrorCode.DUPLICATE_FIELD, w.code());
    assertEquals("column 9 [duplicate-field]: id is given again", w.toString());
  }

  @Test
  void validatesItsComponents() {
    assertThrows(IllegalArgumentException.class, () -> new Warning(RecordErrorCode.EMPTY_FIELD, new Location.Column(0), "m"));
    assertThrows(NullPointerException.class, () -> new Warning(null, new Location.Column(1), "m"));
    assertThrows(NullPointerException.class, () -> new Warning(RecordErrorCode.EMPTY_FIELD, new Location.Column(1), null));
  }
}
