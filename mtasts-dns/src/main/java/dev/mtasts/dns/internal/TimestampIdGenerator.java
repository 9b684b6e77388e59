package dev.mtasts.dns.internal;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.PolicyIdGenerator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Timestamp ids {@code uuuuMMddHHmmss} (UTC) with an optional 3-digit counter suffix. */
public final class TimestampIdGenerator implements PolicyIdGenerator {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final int TIMESTAMP_LENGTH = 14;
  private static final int COUNTER_LENGTH = 3;
  private static final int MAX_COUNTER = 999;

  private final Clock clock;

  /**
   * Creates the generator.
   *
   * @param clock the clock
   */
  public TimestampIdGenerator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public PolicyId next(@Nullable PolicyId current) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    if (now.getYear() < 0 || now.getYear() > 9999) {
      throw new IllegalStateException("the clock reads " + now + "; timestamp ids need a year from 0000 to 9999");
    }
    String nowText = FORMAT.format(now);
    if (current == null) {
      return new PolicyId(nowText);
    }
    String value = current.value();
    LocalDateTime published = timestampOf(value);
    if (published == null) {
      return new PolicyId(nowText.equals(value) ? nowText + "001" : nowText);
    }
    if (nowText.compareTo(value.substring(0, TIMESTAMP_LENGTH)) > 0) {
      return new PolicyId(nowText);
    }
    // The clock has not passed the published timestamp: count within that second so the new id
    // still sorts after the published one.
    int counter = value.length() == TIMESTAMP_LENGTH ? 0 : Integer.parseInt(value.substring(TIMESTAMP_LENGTH));
    if (counter < MAX_COUNTER) {
      return new PolicyId(value.substring(0, TIMESTAMP_LENGTH)
          + String.format(Locale.ROOT, "%03d", counter + 1));
    }
    LocalDateTime later = published.plusSeconds(1);
    if (later.getYear() > 9999) {
      throw new IllegalStateException("no timestamp id sorts after " + value);
    }
    return new PolicyId(FORMAT.format(later));
  }

  /**
   * Reads the timestamp of a timestamp-shaped id.
   *
   * @param value an id
   * @return its timestamp, or {@code null} if it is not timestamp-shaped
   */
  public static @Nullable LocalDateTime timestampOf(String value) {
    if (value.length() != TIMESTAMP_LENGTH && value.length() != TIMESTAMP_LENGTH + COUNTER_LENGTH) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return LocalDateTime.parse(value.substring(0, TIMESTAMP_LENGTH), FORMAT);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
