package dev.mtasts.report.html.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class FormatsTest {
  @Test
  void countsHaveThousandsSeparators() {
    assertEquals("0", Formats.count(0));
    assertEquals("12,345,678", Formats.count(12_345_678));
  }

  @Test
  void percentagesNeverRoundToAWholeThatIsNotOne() {
    assertEquals("98.2%", Formats.percent(10_314, 10_503));
    assertEquals("100.0%", Formats.percent(5, 5));
    assertEquals("99.99%", Formats.percent(999_999, 1_000_000));
    assertEquals("0.01%", Formats.percent(1, 1_000_000));
    assertEquals("0.0%", Formats.percent(0, 7));
  }

  @Test
  void datesAreEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("Fri 23 Oct 2026", Formats.day(LocalDate.of(2026, 10, 23)));
      assertEquals("1 Nov", Formats.shortDay(LocalDate.of(2026, 11, 1)));
      assertEquals("Mon 2 Nov 2026, 08:00 UTC", Formats.instant(Instant.parse("2026-11-02T08:00:59Z")));
      assertEquals("1,234", Formats.count(1234));
    } finally {
      Locale.setDefault(before);
    }
  }
}
