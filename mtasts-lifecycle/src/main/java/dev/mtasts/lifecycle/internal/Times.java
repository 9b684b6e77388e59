package dev.mtasts.lifecycle.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Writes instants for people: to the second, in UTC, with the zone written. */
public final class Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Times() {}

  /**
   * Returns the instant as {@code 2026-11-02 01:00:00 UTC}. A fraction of a second is rounded up,
   * never down: every instant the lifecycle prints is a wait's end or a deadline, and an earlier
   * one would be wrong in the unsafe direction.
   *
   * @param instant the instant
   * @return the text
   */
  public static String format(Instant instant) {
    return FORMAT.format(ceilToSecond(instant));
  }

  /**
   * Returns the instant rounded up to a whole second.
   *
   * @param instant the instant
   * @return the same instant when it has no fraction, else the next whole second
   */
  public static Instant ceilToSecond(Instant instant) {
    Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(instant) ? whole : whole.plusSeconds(1);
  }
}
