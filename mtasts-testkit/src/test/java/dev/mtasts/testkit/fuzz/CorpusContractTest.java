package dev.mtasts.testkit.fuzz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the real-world corpus ({@code mtasts.corpus.dir}, read in place) through the same
 * {@link Contracts} as the fuzz tests, one test per file or TXT line, so every seed of the fuzzing
 * runs is checked in every build. Validity itself (which files must parse) is the library modules'
 * business; here only the contract counts: a value that round-trips, or the documented exception.
 */
final class CorpusContractTest {
  private static Path corpus() {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "corpus folder not available");
    return Path.of(dir);
  }

  private static List<Path> files(Path dir, String glob) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (var stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<DynamicTest> perFile(List<Path> files, Consumer<byte[]> contract) {
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(),
        () -> contract.accept(read(f))));
  }

  private static Stream<DynamicTest> perLine(Path dir, Consumer<String> contract) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files(dir, "*.txt")) {
      // Lines are not trimmed: the corpus keeps tabs and trailing spaces on purpose.
      String[] lines = new String(read(f), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (!line.isEmpty()) {
          tests.add(DynamicTest.dynamicTest(f.getFileName() + ":" + (i + 1) + " " + line, () -> contract.accept(line)));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusPolicyMeetsTheParserContract() {
    Path c = corpus();
    return Stream.concat(perFile(files(c.resolve("policies/valid"), "*"), Contracts::policy),
        perFile(files(c.resolve("policies/invalid"), "*"), Contracts::policy));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusStsRecordMeetsTheParserContract() {
    return perLine(corpus().resolve("txt/mta-sts"), Contracts::stsRecord);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusTlsRptRecordMeetsTheParserContract() {
    return perLine(corpus().resolve("txt/tlsrpt"), Contracts::tlsRptRecord);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusReportMeetsTheReaderContract() {
    return perFile(files(corpus().resolve("tlsrpt"), "*.{json,json.gz}"), Contracts::report);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusReportMeetsTheReaderContractWhenGzipped() {
    return perFile(files(corpus().resolve("tlsrpt"), "*.json"), Contracts::gzipReport);
  }
}
