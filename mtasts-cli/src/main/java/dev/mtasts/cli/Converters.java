package dev.mtasts.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values in the user's words: no Java type or exception names in the messages (days are
 * converted by {@link Main}).
 */
final class Converters {
  private Converters() {}

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
