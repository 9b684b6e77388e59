package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed examples are exactly what {@code examples/generate} writes. */
final class ExamplesTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void theGeneratorWritesTheSameFilesEveryTime() throws IOException {
    ExampleGenerator.generate(first);
    ExampleGenerator.generate(second);
    assertSameTree(first, second);
  }

  @Test
  void theCommittedExamplesAreUpToDate() throws IOException {
    String dir = System.getProperty("mtasts.examples.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir, ExampleGenerator.READY)),
        "examples folder not found; set mtasts.examples.dir");
    ExampleGenerator.generate(first);
    Path committed = Path.of(dir);
    for (String domain : List.of(ExampleGenerator.READY, ExampleGenerator.NOT_READY)) {
      assertSameTree(first.resolve(domain), committed.resolve(domain));
    }
  }

  @Test
  void theExamplesStayWellUnderTheSizeBudget() throws IOException {
    ExampleGenerator.generate(first);
    long total;
    try (Stream<Path> files = Files.walk(first)) {
      total = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertEquals(true, total < 150_000, "examples take " + total + " bytes");
  }

  private static void assertSameTree(Path expected, Path actual) throws IOException {
    assertEquals(list(expected), list(actual), "file names under " + actual);
    for (Path relative : list(expected)) {
      byte[] a = Files.readAllBytes(expected.resolve(relative));
      byte[] b = Files.readAllBytes(actual.resolve(relative));
      if (relative.toString().endsWith(".gz")) {
        // Deflate output may differ between zlib builds; the content is what must not change.
        a = gunzip(a);
        b = gunzip(b);
      }
      assertArrayEquals(a, b, () -> "content of " + relative + " (run examples/generate)");
    }
  }

  private static List<Path> list(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
