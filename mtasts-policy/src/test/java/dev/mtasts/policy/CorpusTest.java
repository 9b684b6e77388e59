package dev.mtasts.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every policy in the shared corpus, one test per file (see the corpus's SOURCES.md). */
final class CorpusTest {
  /** Invalid files whose deviation the lenient parser tolerates (with a warning). */
  private static final Set<String> LENIENT_READS = Set.of(
      "mimecast-cr-only-line-ends.txt", "mimecast-trailing-empty-line-crlf.txt", "mox-mx-non-ascii-u-label.txt",
      "checkdmarc-max-age-99999999.txt", "mimecast-max-age-31557601-no-final-crlf.txt", "snawoot-max-age-31557601.txt");

  /** Why each invalid file is refused: the first rule it breaks, in document order. */
  private static final Map<String, PolicyErrorCode> REFUSAL = Map.ofEntries(
      Map.entry("checkdmarc-enforce-missing-mx.txt", PolicyErrorCode.MISSING_MX),
      Map.entry("checkdmarc-line-without-colon.txt", PolicyErrorCode.MISSING_COLON),
      Map.entry("checkdmarc-max-age-99999999.txt", PolicyErrorCode.MAX_AGE_OUT_OF_RANGE),
      Map.entry("checkdmarc-max-age-abc.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("checkdmarc-max-age-decimal.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("checkdmarc-max-age-negative.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("checkdmarc-mode-invalid.txt", PolicyErrorCode.INVALID_MODE),
      Map.entry("checkdmarc-only-version-and-mode.txt", PolicyErrorCode.MISSING_MAX_AGE),
      Map.entry("checkdmarc-version-stsv2.txt", PolicyErrorCode.INVALID_VERSION),
      Map.entry("mimecast-cr-only-line-ends.txt", PolicyErrorCode.BARE_CR),
      Map.entry("mimecast-enforce-missing-mx-crlf.txt", PolicyErrorCode.MISSING_MX),
      Map.entry("mimecast-max-age-31557601-no-final-crlf.txt", PolicyErrorCode.MAX_AGE_OUT_OF_RANGE),
      Map.entry("mimecast-max-age-empty-crlf.txt", PolicyErrorCode.EMPTY_VALUE),
      Map.entry("mimecast-max-age-twenty-crlf.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("mimecast-missing-colon-crlf.txt", PolicyErrorCode.MISSING_COLON),
      Map.entry("mimecast-missing-max-age-crlf.txt", PolicyErrorCode.MISSING_MAX_AGE),
      Map.entry("mimecast-missing-mode-crlf.txt", PolicyErrorCode.MISSING_MODE),
      Map.entry("mimecast-mode-pretend-crlf.txt", PolicyErrorCode.INVALID_MODE),
      Map.entry("mimecast-mode-pretend-with-min-age-extension-crlf.txt", PolicyErrorCode.INVALID_MODE),
      Map.entry("mimecast-mx-inner-wildcard-crlf.txt", PolicyErrorCode.MX_WILDCARD),
      Map.entry("mimecast-trailing-empty-line-crlf.txt", PolicyErrorCode.BLANK_LINE),
      Map.entry("mox-empty.txt", PolicyErrorCode.EMPTY_POLICY),
      Map.entry("mox-enforce-missing-mx.txt", PolicyErrorCode.MISSING_MX),
      Map.entry("mox-extension-empty-value.txt", PolicyErrorCode.EMPTY_VALUE),
      Map.entry("mox-extension-name-too-long.txt", PolicyErrorCode.KEY_TOO_LONG),
      Map.entry("mox-extension-name-underscore-start.txt", PolicyErrorCode.INVALID_KEY),
      Map.entry("mox-max-age-11-digits.txt", PolicyErrorCode.MAX_AGE_TOO_LONG),
      Map.entry("mox-max-age-alpha.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("mox-missing-max-age.txt", PolicyErrorCode.MISSING_MAX_AGE),
      Map.entry("mox-missing-mode.txt", PolicyErrorCode.MISSING_MODE),
      Map.entry("mox-missing-version.txt", PolicyErrorCode.MISSING_VERSION),
      Map.entry("mox-mode-bad.txt", PolicyErrorCode.INVALID_MODE),
      Map.entry("mox-mx-double-wildcard.txt", PolicyErrorCode.MX_WILDCARD),
      Map.entry("mox-mx-empty.txt", PolicyErrorCode.EMPTY_VALUE),
      Map.entry("mox-mx-non-ascii-u-label.txt", PolicyErrorCode.MX_U_LABEL),
      Map.entry("mox-mx-starstar-trailing-hyphen.txt", PolicyErrorCode.MX_WILDCARD),
      Map.entry("mox-mx-starstar.txt", PolicyErrorCode.MX_WILDCARD),
      Map.entry("mox-mx-trailing-hyphen.txt", PolicyErrorCode.INVALID_MX),
      Map.entry("mox-testing-missing-mx.txt", PolicyErrorCode.MISSING_MX),
      Map.entry("mox-version-stsv0.txt", PolicyErrorCode.INVALID_VERSION),
      Map.entry("mox-version-stsv10.txt", PolicyErrorCode.INVALID_VERSION),
      Map.entry("mox-version-stsv2.txt", PolicyErrorCode.INVALID_VERSION),
      Map.entry("realworld-co-cddo-template-mx-dot-crlf.txt", PolicyErrorCode.INVALID_MX),
      Map.entry("realworld-jpawlowski-template-with-comments.txt", PolicyErrorCode.INVALID_MODE),
      Map.entry("snawoot-enforce-missing-mx.txt", PolicyErrorCode.MISSING_MX),
      Map.entry("snawoot-garbage.txt", PolicyErrorCode.MISSING_COLON),
      Map.entry("snawoot-max-age-31557601.txt", PolicyErrorCode.MAX_AGE_OUT_OF_RANGE),
      Map.entry("snawoot-max-age-xxx.txt", PolicyErrorCode.INVALID_MAX_AGE),
      Map.entry("snawoot-missing-mode.txt", PolicyErrorCode.MISSING_MODE),
      Map.entry("snawoot-mode-doubt.txt", PolicyErrorCode.INVALID_MODE));

  static List<Path> corpusFiles(String folder) {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null, "mtasts.corpus.dir is not set");
    Path path = Path.of(dir, "policies", folder);
    assumeTrue(Files.isDirectory(path), "no corpus at " + path);
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyValidPolicyParsesStrictly() {
    return corpusFiles("valid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      byte[] body = read(file);
      ParseResult<MtaStsPolicy> strict = PolicyParser.strict().parse(body);
      // the same policy from a stream, from text, leniently, and after a canonical round trip
      try (InputStream in = Files.newInputStream(file)) {
        assertEquals(strict.value(), MtaStsPolicy.parse(in));
      }
      assertEquals(strict.value(), MtaStsPolicy.parse(new String(body, UTF_8)));
      assertEquals(strict.value(), PolicyParser.lenient().parse(body).value());
      assertEquals(strict.value(), MtaStsPolicy.parse(strict.value().toText()));
      for (Warning w : strict.warnings()) {
        assertEquals(PolicyErrorCode.DUPLICATE_FIELD, w.code(), w.toString());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidPolicyIsRefusedStrictly() {
    return corpusFiles("invalid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      byte[] body = read(file);
      PolicyParseException e = assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(body));
      String name = file.getFileName().toString();
      if (REFUSAL.containsKey(name)) { // files added to the corpus later only need to be refused
        assertEquals(REFUSAL.get(name), e.code(), e.getMessage());
      }
      assertEquals(e.code(), assertThrows(PolicyParseException.class,
          () -> MtaStsPolicy.parse(new String(body, UTF_8))).code());
    }));
  }

  @TestFactory
  Stream<DynamicTest> lenientParserReadsOnlyTheToleratedInvalidPolicies() {
    return corpusFiles("invalid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      byte[] body = read(file);
      if (LENIENT_READS.contains(file.getFileName().toString())) {
        ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(body);
        assertFalse(r.warnings().isEmpty());
      } else {
        assertThrows(PolicyParseException.class, () -> PolicyParser.lenient().parse(body));
      }
    }));
  }
}
