package dev.mtasts.report.html.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as people read them. The page is in English, so English names of days and
 * months are used whatever the machine's default locale.
 */
public final class Formats {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

  /**
   * Returns a count with thousands separators: {@code 12,345}.
   *
   * @param n the count
   * @return the text
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Returns a share as a percentage with one decimal, or two near 100 % so that 99.96 % does not
   * read as 100.0 %.
   *
   * @param part the part
   * @param whole the whole, above 0
   * @return the text, such as {@code 99.2%}
   */
  public static String percent(long part, long whole) {
    double p = 100.0 * part / whole;
    if (part != whole && p >= 99.95) {
      return String.format(Locale.ROOT, "%.2f%%", Math.min(p, 99.99));
    }
    if (part != 0 && p < 0.05) {
      return String.format(Locale.ROOT, "%.2f%%", Math.max(p, 0.01));
    }
    return String.format(Locale.ROOT, "%.1f%%", p);
  }

  /**
   * Returns a UTC day with its weekday: {@code Tue 1 Dec 2026}.
   *
   * @param day the day
   * @return the text
   */
  public static String day(LocalDate day) {
    return DAY.format(day);
  }

  /**
   * Returns a UTC day for a chart axis: {@code 1 Dec}.
   *
   * @param day the day
   * @return the text
   */
  public static String shortDay(LocalDate day) {
    return SHORT_DAY.format(day);
  }

  /**
   * Returns an instant to the minute in UTC: {@code Tue 1 Dec 2026, 20:15 UTC}.
   *
   * @param at the instant
   * @return the text
   */
  public static String instant(Instant at) {
    return INSTANT.format(at);
  }
}
