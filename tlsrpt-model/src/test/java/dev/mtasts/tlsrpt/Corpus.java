package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the shared corpus (system property {@code mtasts.corpus.dir}); skips when absent. */
final class Corpus {

  private Corpus() {}

  static Path tlsrptDir() {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null, "system property mtasts.corpus.dir is not set");
    Path p = Path.of(dir, "tlsrpt");
    assumeTrue(Files.isDirectory(p), "corpus folder " + p + " does not exist");
    return p;
  }

  static Path file(String name) {
    Path p = tlsrptDir().resolve(name);
    assumeTrue(Files.isRegularFile(p), "corpus file " + p + " does not exist");
    return p;
  }

  static List<Path> reports() {
    try (Stream<Path> s = Files.list(tlsrptDir())) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json")
              || f.getFileName().toString().endsWith(".json.gz"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
