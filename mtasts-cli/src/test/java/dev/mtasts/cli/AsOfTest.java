package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class AsOfTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void asOfDateEndsTheWindowWithThatDay() {
    AsOf at = AsOf.of(null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), NOW);
    assertEquals(Instant.parse("2026-11-02T00:00:00Z"), at.instant());
    assertEquals(LocalDate.of(2026, 11, 1), at.lastDay());
    assertNull(at.staleNote());
  }

  @Test
  void defaultsToNowNeverToTheNewestReportDay() {
    // Regression: plans were dated at the end of the newest report day, a month back, so every
    // wait they promised ended a month early.
    AsOf at = AsOf.of(null, null, LocalDate.of(2026, 10, 24), NOW);
    assertEquals(NOW.instant(), at.instant());
    assertEquals("now", at.basis());
    assertTrue(at.staleNote().contains("30 days stale"), at::toString);
  }

  @Test
  void atIsRoundedUpToTheSecond() {
    AsOf at = AsOf.of(Instant.parse("2026-11-24T12:00:00.250Z"), null, null, NOW);
    assertEquals(Instant.parse("2026-11-24T12:00:01Z"), at.instant());
    assertEquals("2026-11-24 12:00:01 UTC (--at)", at.source());
    AsOf now = AsOf.of(null, null, null,
        Clock.fixed(Instant.parse("2026-11-24T12:00:00.000000001Z"), ZoneOffset.UTC));
    assertEquals(Instant.parse("2026-11-24T12:00:01Z"), now.instant());
  }

  @Test
  void recentReportsNeedNoNote() {
    assertNull(AsOf.of(null, null, LocalDate.of(2026, 11, 23), NOW).staleNote());
    assertTrue(AsOf.of(null, null, null, NOW).staleNote().contains("no report at all"));
  }
}
