package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PolicyIdGeneratorTest {
  private static PolicyIdGenerator at(String instant) {
    return PolicyIdGenerator.timestamp(Clock.fixed(Instant.parse(instant), ZoneOffset.ofHours(5)));
  }

  @Test
  void timestampIdIsUtcSeconds() {
    assertEquals(PolicyId.of("20261124134501"), at("2026-11-24T13:45:01.999Z").next(null));
  }

  @ParameterizedTest(name = "[{index}] {0} after {1} -> {2}")
  @CsvSource({
      "2026-11-24T13:45:01Z, 20261124134500, 20261124134501",
      "2026-11-24T13:45:01Z, 20261124134501, 20261124134501001",
      "2026-11-24T13:45:01Z, 20261124134501001, 20261124134501002",
      "2026-11-24T13:45:01Z, 20261124134501998, 20261124134501999",
      "2026-11-24T13:45:01Z, 20261124134501999, 20261124134502",
      "2026-11-24T13:45:01Z, 20301231235959, 20301231235959001",
      "2026-11-24T13:45:01Z, 20161131085700, 20261124134501",
      "2026-11-24T13:45:01Z, 20160831085700Z, 20261124134501",
      "2026-11-24T13:45:01Z, 20261124134501Z, 20261124134501",
      "2026-11-24T13:45:01Z, abc, 20261124134501",
      "9999-12-31T23:59:59Z, 99991231235959, 99991231235959001",
  })
  void bumpsAfterTheCurrentId(String now, String current, String expected) {
    PolicyId next = at(now).next(PolicyId.of(current));
    assertEquals(expected, next.value());
    assertTrue(next.isRfcCompliant());
  }

  @Test
  void nonTimestampIdEqualToTheClockGetsACounter() {
    // Not timestamp-shaped would be odd here, but an equal id must still change.
    assertEquals("20261124134501001", at("2026-11-24T13:45:01Z").next(PolicyId.of("20261124134501")).value());
  }

  @Test
  void refusesAClockOutsideFourDigitYears() {
    assertThrows(IllegalStateException.class, () -> at("+10000-01-01T00:00:00Z").next(null));
    assertThrows(IllegalStateException.class,
        () -> at("9999-12-31T23:59:59Z").next(PolicyId.of("99991231235959999")));
  }

  @Test
  void randomIdsAreTwentyAlphanumericsAndDifferFromTheCurrent() {
    PolicyIdGenerator ids = PolicyIdGenerator.random(RandomGenerator.of("L64X128MixRandom"));
    PolicyId first = ids.next(null);
    assertEquals(20, first.value().length());
    assertTrue(first.isRfcCompliant());
    assertNotEquals(first, ids.next(first));
  }

  @Test
  void randomIdDiffersEvenWithADegenerateRandomSource() {
    RandomGenerator zeros = () -> 0L;
    PolicyIdGenerator ids = PolicyIdGenerator.random(zeros);
    PolicyId current = ids.next(null);
    assertEquals("0".repeat(20), current.value());
    assertNotEquals(current, ids.next(current));
  }
}
