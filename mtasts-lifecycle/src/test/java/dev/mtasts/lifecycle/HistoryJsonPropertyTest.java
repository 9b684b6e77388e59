package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A hand-edited or damaged history file ends in a HistoryFormatException, never anything else. */
final class HistoryJsonPropertyTest {
  private static final String VALID = PublicationHistory.empty(Fixtures.DOMAIN)
      .served(PolicyId.of("T1"), Fixtures.testing(), Instant.parse("2026-01-05T09:00:00Z"))
      .served(PolicyId.of("E1"), Fixtures.enforce(Fixtures.YEAR),
          Instant.parse("2026-01-05T09:00:00Z").plus(Duration.ofDays(30)))
      .toJson();

  @Provide
  Arbitrary<String> damaged() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length() - 1);
    Arbitrary<Character> c = Arbitraries.of('"', '{', '}', '[', ']', ',', ':', '0', 'x', ' ',
        '\\', '\u0000', '\u00e9');
    return Arbitraries.oneOf(
        at.map(i -> VALID.substring(0, i)),
        at.flatMap(i -> c.map(ch -> VALID.substring(0, i) + ch + VALID.substring(i))),
        at.flatMap(i -> c.map(ch -> VALID.substring(0, i) + ch + VALID.substring(i + 1))),
        at.map(i -> VALID.substring(0, i) + VALID.substring(i + 1)));
  }

  @Property(tries = 500)
  void damagedFilesFailOnlyWithHistoryFormatException(@ForAll("damaged") String json) {
    try {
      PublicationHistory history = PublicationHistory.parse(json);
      // Some edits are harmless (whitespace); then the content must still be a valid history.
      assertEquals(history, PublicationHistory.parse(history.toJson()));
    } catch (HistoryFormatException expected) {
      assertTrue(expected.location().path().startsWith("$"), expected.getMessage());
    }
  }

  @Property(tries = 200)
  void arbitraryTextFailsOnlyWithHistoryFormatException(@ForAll("noise") String text) {
    try {
      PublicationHistory.parse(text);
    } catch (HistoryFormatException expected) {
      assertTrue(expected.getMessage().startsWith("publication history $"));
    }
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("{}[]\":,0123456789 abcdeflnrstuvx\\").ofMaxLength(60);
  }
}
