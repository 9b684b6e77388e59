package dev.mtasts.tlsrpt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The {@code date-range} of a report (RFC 8460 §4.4): the reporting period, normally one full UTC
 * day. Both {@code ...T23:59:59Z} (Google, Microsoft) and the next day's {@code T00:00:00Z} are
 * used by real senders as the end; {@link #lastDay()} treats both as ending on the same day.
 *
 * @param start the {@code start-datetime}
 * @param end the {@code end-datetime}, not before {@code start}
 */
public record DateRange(Instant start, Instant end) {

  /**
   * Validates the range.
   *
   * @param start the {@code start} component
   * @param end the {@code end} component
   * @throws IllegalArgumentException when {@code end} is before {@code start}
   */
  public DateRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  /**
   * Returns the range covering one whole UTC day, from {@code 00:00:00Z} to {@code 23:59:59Z} as
   * Google and Microsoft send it.
   *
   * @param day the UTC day
   * @return the range of that day
   */
  public static DateRange ofUtcDay(LocalDate day) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    return new DateRange(start, start.plusSeconds(86_399));
  }

  /**
   * Returns the UTC day the range starts on.
   *
   * @return the first day
   */
  public LocalDate firstDay() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }

  /**
   * Returns the last UTC day the range covers: an end at exactly midnight belongs to the day
   * before, so {@code 2024-02-22T00:00:00Z..2024-02-23T00:00:00Z} covers only 2024-02-22.
   *
   * @return the last day, never before {@link #firstDay()}
   */
  public LocalDate lastDay() {
    LocalDate endDay = LocalDate.ofInstant(end, ZoneOffset.UTC);
    boolean midnight = end.getEpochSecond() % 86_400 == 0 && end.getNano() == 0;
    if (midnight && end.isAfter(start)) {
      endDay = endDay.minusDays(1);
    }
    LocalDate first = firstDay();
    return endDay.isBefore(first) ? first : endDay;
  }
}
