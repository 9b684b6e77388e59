package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ./mtasts} launcher of the checkout with its class-data archive in a temporary
 * cache directory: the archive is made once and reused, and a missing, unwritable, truncated or
 * garbled archive, or a rebuilt jar, never changes what the command prints or its exit status.
 */
final class LauncherIT {
  // What java -jar prints for the command: the record on standard output, the verdict on error.
  private static final String EXPECTED_OUT = "v=STSv1; id=1;\n";
  private static final String EXPECTED_ERR = "record: valid _mta-sts record (id 1)\n";

  @TempDir Path cache;

  private static Path launcher;

  @BeforeAll
  static void findLauncher() {
    launcher = Path.of("..", "mtasts").toAbsolutePath().normalize();
    assumeTrue(Files.isExecutable(launcher), "no launcher at " + launcher);
    assumeTrue(Files.isRegularFile(Path.of("target", "mtasts.jar")), "the jar is not built");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/cksum")) || Files.isExecutable(Path.of("/bin/cksum")));
  }

  private record Run(int status, String out, String err) {}

  private static Run run(Path cacheDir, String... extraEnv) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "record", "check", "v=STSv1; id=1;");
    Map<String, String> env = pb.environment();
    env.put("MTASTS_CACHE_DIR", cacheDir.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("MTASTS_CDS");
    env.remove("MTASTS_JAVA_OPTS");
    for (int i = 0; i + 1 < extraEnv.length; i += 2) {
      env.put(extraEnv[i], extraEnv[i + 1]);
    }
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void assertPlainRun(Run run) {
    assertEquals(0, run.status(), run::toString);
    assertEquals(EXPECTED_OUT, run.out(), run::toString);
    assertEquals(EXPECTED_ERR, run.err(), run::toString);
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void archiveIsMadeOnceAndReused() throws Exception {
    assertPlainRun(run(cache));
    List<Path> made = archives();
    assertEquals(1, made.size(), made::toString);
    FileTime first = Files.getLastModifiedTime(made.get(0));
    assertPlainRun(run(cache));
    assertEquals(made, archives());
    assertEquals(first, Files.getLastModifiedTime(made.get(0)), "the archive was made again");
  }

  @Test
  void truncatedArchiveIsReplacedNotUsed() throws Exception {
    assertPlainRun(run(cache));
    Path archive = archives().get(0);
    byte[] bytes = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    // JDK 17 dies of SIGBUS when it maps a truncated archive: the launcher must see it first.
    Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    assertPlainRun(run(cache));
    assertEquals(bytes.length, Files.size(archives().get(0)));
  }

  @Test
  void garbledArchiveOfTheRightSizeIsIgnoredByTheJvm() throws Exception {
    assertPlainRun(run(cache));
    Path archive = archives().get(0);
    byte[] garbage = new byte[(int) Files.size(archive)];
    new java.util.Random(1).nextBytes(garbage);
    archive.toFile().setWritable(true);
    Files.write(archive, garbage);
    assertPlainRun(run(cache));
  }

  @Test
  void unusableCacheDirectoryOnlyMeansNoArchive() throws Exception {
    Path file = Files.writeString(cache.resolve("not-a-directory"), "x");
    assertPlainRun(run(file.resolve("mtasts")));
    assertPlainRun(run(cache, "MTASTS_CDS", "0"));
    assertEquals(List.of(), archives());
  }

  @Test
  void archiveOfAnotherJarIsReplaced() throws Exception {
    assertPlainRun(run(cache));
    Path archive = archives().get(0);
    Path jar = Path.of("target", "mtasts.jar");
    FileTime built = Files.getLastModifiedTime(jar);
    try {
      Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() - 60_000));
      assertPlainRun(run(cache));
      List<Path> now = archives();
      assertEquals(1, now.size(), now::toString);
      assertNotEquals(archive, now.get(0), "a changed jar must get a new archive");
    } finally {
      Files.setLastModifiedTime(jar, built);
    }
  }
}
