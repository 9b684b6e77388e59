package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TxtTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=STSv1; id=1;                         | v=STSv1; id=1;",
        "'\"v=STSv1; id=1;\"'                   | v=STSv1; id=1;",
        "'\"v=STSv1; \" \"id=1;\"'              | v=STSv1; id=1;",
        "'\"a\\\"b\"'                           | a\"b",
        "'\"a\\059b\"'                          | a;b",
        "'\"unterminated'                       | \"unterminated",
        "'\"a\" b'                              | \"a\" b",
        "'\"a\\999\"'                           | \"a\\999\"",
      })
  void joinsPresentationStringsAndLeavesEverythingElse(String input, String expected) {
    assertEquals(expected, TxtText.unwrap(input));
  }

  @ParameterizedTest
  @CsvSource({"'v=STSv1;\n', v=STSv1;", "'v=STSv1;\r\n', v=STSv1;", "'v=STSv1;\n\n', 'v=STSv1;\n'"})
  void removesOneTrailingLineEnd(String input, String expected) {
    assertEquals(expected, TxtText.unwrap(input));
  }

  @Property
  void quotingAnyPrintableAsciiRoundTrips(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 300) String text) {
    StringBuilder quoted = new StringBuilder();
    // Split into 255-character strings as DNS does, escaping as dig prints them.
    for (int i = 0; i < text.length() || i == 0; i += 255) {
      String part = text.substring(i, Math.min(text.length(), i + 255));
      quoted.append(quoted.length() == 0 ? "" : " ")
          .append('"').append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    assertEquals(text, TxtText.unwrap(quoted.toString()));
  }
}
