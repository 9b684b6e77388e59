package dev.mtasts.cli;

import dev.mtasts.lifecycle.internal.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The moment a domain folder is evaluated and a plan is made at: {@code --at INSTANT}, the end of
 * {@code --as-of DATE}, else now (the clock, rounded up to the second). Never the newest report:
 * a plan's waits are dated from the moment it is made (issue 12), and a report dated in the
 * future can move nothing.
 *
 * @param instant the moment; the readiness window is the complete UTC days before it
 * @param basis how it was chosen, for scripts: {@code at}, {@code as-of} or {@code now}
 * @param source how it was chosen, for people
 * @param newestReportDay the last UTC day a report covers, or {@code null} without reports
 */
record AsOf(Instant instant, String basis, String source, @Nullable LocalDate newestReportDay) {
  /** Reports older than this many days before the moment deserve a note: are they arriving? */
  static final long STALE_DAYS = 3;

  static AsOf of(@Nullable Instant at, @Nullable LocalDate asOf, @Nullable LocalDate newestReportDay,
      Clock clock) {
    if (at != null) {
      Instant whole = Times.ceilToSecond(at);
      return new AsOf(whole, "at", Times.format(whole) + " (--at)", newestReportDay);
    }
    if (asOf != null) {
      Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return new AsOf(end, "as-of", Times.format(end) + " (--as-of " + asOf + ": the end of that"
          + " UTC day)", newestReportDay);
    }
    Instant now = Times.ceilToSecond(clock.instant());
    return new AsOf(now, "now", Times.format(now) + " (now)", newestReportDay);
  }

  /** The last day of the readiness window: the day before the instant. */
  LocalDate lastDay() {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).minusDays(1);
  }

  /** How many whole days the newest report day lies before the window's last day, or -1. */
  long staleDays() {
    return newestReportDay == null ? -1 : ChronoUnit.DAYS.between(newestReportDay, lastDay());
  }

  /**
   * Returns what the user should know about the age of the evidence, or {@code null} when the
   * newest report is recent.
   */
  @Nullable String staleNote() {
    if (newestReportDay == null) {
      return "no report at all: the verdict rests on no evidence";
    }
    long age = staleDays();
    if (age <= STALE_DAYS) {
      return null;
    }
    return "the newest report covers " + newestReportDay + ", " + age + " days before the"
        + " window's last day " + lastDay() + ": the evidence is " + age + " days stale; are"
        + " reports still arriving? (--as-of DATE evaluates an earlier moment)";
  }

  Clock clock() {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
