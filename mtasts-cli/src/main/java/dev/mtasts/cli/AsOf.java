package dev.mtasts.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The point in time a domain folder is evaluated at, so that a verdict on a folder does not change
 * with today's date: the end of {@code --as-of DATE}, else the end of the newest day any report
 * covers (never later than now), else now.
 *
 * @param instant the instant lifecycle decisions are made at (the readiness window is the complete
 *     UTC days before it)
 * @param basis how the instant was chosen, for scripts: {@code as-of}, {@code newest-report-day}
 *     or {@code now}
 * @param source how the instant was chosen, for people
 * @param staleNote a note when the newest report is well before today, else {@code null}
 */
record AsOf(Instant instant, String basis, String source, @Nullable String staleNote) {
  /** Reports older than this many days before today deserve a note: are they still arriving? */
  private static final long STALE_DAYS = 3;

  static AsOf of(@Nullable LocalDate asOf, @Nullable LocalDate newestReportDay, Clock clock) {
    Instant now = clock.instant();
    if (asOf != null) {
      return new AsOf(endOf(asOf), "as-of", "--as-of " + asOf, null);
    }
    if (newestReportDay == null) {
      return new AsOf(now, "now", "now (no report to date the folder by)", null);
    }
    Instant end = endOf(newestReportDay);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long age = ChronoUnit.DAYS.between(newestReportDay, today);
    String stale = age > STALE_DAYS
        ? "evaluated as of " + newestReportDay + ", the newest report day, " + age + " days ago;"
            + " are reports still arriving? (--as-of DATE picks the day)"
        : null;
    return new AsOf(end.isAfter(now) ? now : end, "newest-report-day",
        "the newest report day " + newestReportDay, stale);
  }

  /** The last day of the readiness window: the day before the instant. */
  LocalDate lastDay() {
    return LocalDate.ofInstant(instant.minusNanos(1), ZoneOffset.UTC);
  }

  Clock clock() {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
