package dev.mtasts.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values in the user's words: no Java type or exception names in the messages. */
final class Converters {
  private Converters() {}

  /** A UTC day, {@code yyyy-MM-dd}. */
  static final class Day implements ITypeConverter<LocalDate> {
    Day() {}

    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("\"" + value + "\" is not a day such as 2026-11-24"
            + " (year-month-day, UTC)");
      }
    }
  }

  /** An instant with its zone: {@code 2026-11-24T12:00:00Z} or with an offset. */
  static final class Moment implements ITypeConverter<Instant> {
    Moment() {}

    @Override
    public Instant convert(String value) {
      String v = value.strip();
      // "2026-11-24 12:00:00 UTC", as the plans print it.
      String upper = v.toUpperCase(Locale.ROOT);
      if (upper.endsWith(" UTC")) {
        v = v.substring(0, v.length() - 4).strip().replace(' ', 'T') + "Z";
      }
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeException e) {
        throw new TypeConversionException("\"" + value + "\" is not a moment with its zone such as"
            + " 2026-11-24T12:00:00Z or \"2026-11-24 12:00:00 UTC\"");
      }
    }
  }
}
