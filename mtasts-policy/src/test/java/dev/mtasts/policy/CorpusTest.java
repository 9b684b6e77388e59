package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every policy in the shared corpus, one test per file (see the corpus's SOURCES.md). */
final class CorpusTest {

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
      PolicyParseResult strict = PolicyParser.strict().parse(body);
      // the same policy from a stream, from text, leniently, and after a canonical round trip
      try (InputStream in = Files.newInputStream(file)) {
        assertEquals(strict.policy(), MtaStsPolicy.parse(in));
      }
      assertEquals(strict.policy(), MtaStsPolicy.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
      assertEquals(strict.policy(), PolicyParser.lenient().parse(body).policy());
      assertEquals(strict.policy(), MtaStsPolicy.parse(strict.policy().toText()));
      for (PolicyWarning w : strict.warnings()) {
        assertEquals(PolicyErrorCode.DUPLICATE_FIELD, w.code(), w.toString());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidPolicyIsRefusedStrictly() {
    return corpusFiles("invalid").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      byte[] body = read(file);
      PolicyParseException e = assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(body));
      assertEquals(e.code(), assertThrows(PolicyParseException.class,
          () -> MtaStsPolicy.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8))).code());
    }));
  }
}
