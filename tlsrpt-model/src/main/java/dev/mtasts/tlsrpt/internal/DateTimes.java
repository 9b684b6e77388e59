package dev.mtasts.tlsrpt.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** RFC 3339 §5.6 date-times, parsed by hand (fast, strict) and written in UTC. */
public final class DateTimes {

  private static final DateTimeFormatter OUT = DateTimeFormatter.ISO_INSTANT;

  private DateTimes() {}

  /**
   * A parsed date-time.
   *
   * @param instant the instant (UTC when the text had no offset)
   * @param hadOffset whether the text carried {@code Z} or a numeric offset
   */
  public record Parsed(Instant instant, boolean hadOffset) {}

  /**
   * Parses {@code full-date "T" partial-time [time-offset]}; {@code T} and {@code Z} in any case,
   * fractional seconds of up to nine digits, leap second 60 read as the next second.
   *
   * @param s the text
   * @return the parsed value, or {@code null} when the text is not a date-time
   */
  public static @Nullable Parsed parse(String s) {
    int n = s.length();
    if (n < 19) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 60
        || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) | 0x20) != 't'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    if (day > daysInMonth(year, month)) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 18) {
        return null;
      }
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    boolean hadOffset;
    if (i == n) {
      hadOffset = false;
    } else if ((s.charAt(i) | 0x20) == 'z' && i + 1 == n) {
      hadOffset = true;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
      hadOffset = true;
    } else {
      return null;
    }
    long epochDay = epochDay(year, month, day);
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return new Parsed(Instant.ofEpochSecond(epochSecond, nanos), hadOffset);
  }

  /**
   * Formats an instant as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}.
   *
   * @param instant the instant
   * @return the text
   */
  public static String format(Instant instant) {
    return OUT.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static long epochDay(int year, int month, int day) {
    // Same algorithm as java.time.LocalDate.toEpochDay, without the object.
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      if (!leap) {
        total--;
      }
    }
    return total - 719_528;
  }
}
