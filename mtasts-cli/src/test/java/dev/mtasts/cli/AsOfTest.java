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
    AsOf at = AsOf.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20), NOW);
    assertEquals(Instant.parse("2026-11-02T00:00:00Z"), at.instant());
    assertEquals(LocalDate.of(2026, 11, 1), at.lastDay());
    assertNull(at.staleNote());
  }

  @Test
  void defaultsToTheNewestReportDayAndNotesWhenItIsOld() {
    AsOf at = AsOf.of(null, LocalDate.of(2026, 11, 1), NOW);
    assertEquals(LocalDate.of(2026, 11, 1), at.lastDay());
    assertTrue(at.staleNote().contains("23 days ago"), at::toString);
  }

  @Test
  void recentReportsNeedNoNoteAndNeverLieInTheFuture() {
    AsOf yesterday = AsOf.of(null, LocalDate.of(2026, 11, 23), NOW);
    assertEquals(Instant.parse("2026-11-24T00:00:00Z"), yesterday.instant());
    assertNull(yesterday.staleNote());
    AsOf today = AsOf.of(null, LocalDate.of(2026, 11, 24), NOW);
    assertEquals(NOW.instant(), today.instant());
  }

  @Test
  void withoutReportsItIsNow() {
    assertEquals(NOW.instant(), AsOf.of(null, null, NOW).instant());
  }
}
