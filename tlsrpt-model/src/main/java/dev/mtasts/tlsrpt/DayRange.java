package dev.mtasts.tlsrpt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Consecutive UTC days, both ends included: how summaries list missing days, so that a gap of
 * years costs one value, not one per day.
 *
 * @param first the first day
 * @param last the last day, not before {@code first}
 */
public record DayRange(LocalDate first, LocalDate last) {

  /**
   * Checks the range.
   *
   * @param first the {@code first} component
   * @param last the {@code last} component
   * @throws IllegalArgumentException when {@code last} is before {@code first}
   */
  public DayRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("range ends " + last + " before it starts " + first);
    }
  }

  /**
   * Returns the number of days in the range.
   *
   * @return at least 1
   */
  public long days() {
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /**
   * Tells whether a day is in the range.
   *
   * @param day the day
   * @return {@code true} when {@code first <= day <= last}
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /**
   * Returns {@code "2026-11-10"} for one day, {@code "2026-11-10 to 2026-11-12"} otherwise.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + " to " + last;
  }
}
