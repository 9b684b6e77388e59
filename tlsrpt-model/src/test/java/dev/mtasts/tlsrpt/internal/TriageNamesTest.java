package dev.mtasts.tlsrpt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.MxPattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names triage and the report keys compare: the SDK's one matcher and one comparison key. */
final class TriageNamesTest {

  @ParameterizedTest
  @CsvSource({
    "*.mail.example.com, mx1.mail.example.com, true",
    "*.mail.example.com, MX1.Mail.Example.COM., true",
    "*.mail.example.com, a.b.mail.example.com, false",
    "*.mail.example.com, mail.example.com, false",
    "mx.example.com, mx.example.com., true",
    "mx.example.com, mx2.example.com, false",
  })
  void triageMatchesOneLabelWildcardsPerRfc8461WithMxPattern(String pattern, String host, boolean expected) {
    // The triage's own matcher is gone; the rows it passed hold for the SDK's one matcher.
    assertEquals(expected, MxPattern.of(pattern).matches(host));
  }

  @ParameterizedTest
  @CsvSource({
    "example.com, example.com",
    "Example.COM, example.com",
    "example.com., example.com",
    "' example.com ', example.com",
    "xn--gpher-jua.test, xn--gpher-jua.test",
  })
  void reportNamesNormalizeCaseWhitespaceAndTrailingDotWithDomainNameComparisonKey(String in, String expected) {
    // The report model's own normalizer (MxPatterns.normalize) is gone; its rows hold for the one key.
    assertEquals(expected, DomainName.comparisonKey(in));
  }
}
