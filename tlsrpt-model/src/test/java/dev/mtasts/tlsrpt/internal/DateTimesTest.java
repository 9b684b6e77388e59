package dev.mtasts.tlsrpt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DateTimesTest {

  @ParameterizedTest
  @CsvSource({
    "2016-04-01T00:00:00Z, 2016-04-01T00:00:00Z, true",
    "2016-04-01t23:59:59z, 2016-04-01T23:59:59Z, true",
    "2016-04-01T02:00:00+02:00, 2016-04-01T00:00:00Z, true",
    "2016-03-31T23:30:00-00:30, 2016-04-01T00:00:00Z, true",
    "2016-04-01T00:00:00.123456789Z, 2016-04-01T00:00:00.123456789Z, true",
    "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z, true",
    "2016-12-31T23:59:60Z, 2017-01-01T00:00:00Z, true",
    "2023-01-10T00:00:00, 2023-01-10T00:00:00Z, false",
  })
  void parsesRfc3339(String text, String expected, boolean hadOffset) {
    DateTimes.Parsed p = DateTimes.parse(text);
    assertEquals(Instant.parse(expected), p.instant());
    assertEquals(hadOffset, p.hadOffset());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "2016-04-01", "2016-04-01 00:00:00Z", "2016-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2016-04-31T00:00:00Z", "2016-04-01T24:00:00Z", "2016-04-01T00:60:00Z", "2016-04-01T00:00:00.Z",
        "2016-04-01T00:00:00+0200", "2016-04-01T00:00:00Zjunk", "2016-04-01T00:00:00+24:00", "+2016-04-01T00:00:00Z"
      })
  void rejectsNonRfc3339(String text) {
    assertNull(DateTimes.parse(text));
  }

  @Property(tries = 500)
  void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds, @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant i = Instant.ofEpochSecond(seconds, nanos);
    assertEquals(i, DateTimes.parse(DateTimes.format(i)).instant());
    assertEquals(OffsetDateTime.parse(DateTimes.format(i)).toInstant(), i);
  }
}
