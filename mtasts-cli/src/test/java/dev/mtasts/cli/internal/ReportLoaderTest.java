package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportLoaderTest {
  private static final String REPORT = "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":"
      + "\"2026-11-01T00:00:00Z\",\"end-datetime\":\"2026-11-01T23:59:59Z\"},\"contact-info\":\"a@b.example\","
      + "\"report-id\":\"ID\",\"policies\":[{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-domain\":"
      + "\"example.com\"},\"summary\":{\"total-successful-session-count\":5,\"total-failure-session-count\":0}}]}";

  @TempDir Path dir;

  private static ProgressBar noBar() {
    return new ProgressBar(new PrintWriter(new StringWriter()), 0, false);
  }

  private List<ReportFiles.Entry> threeFiles() throws IOException {
    for (String id : List.of("a", "b", "c")) {
      Files.writeString(dir.resolve(id + ".json"), REPORT.replace("ID", id));
    }
    return ReportFiles.find(List.of(dir.toString()));
  }

  /** Reads with the real reader, except that the file holding {@code id "b"} throws {@code thrown}. */
  private static Function<InputStream, ParseResult<TlsRptReport>> failingOnB(Throwable thrown) {
    return in -> {
      byte[] bytes;
      try {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (new String(bytes, StandardCharsets.UTF_8).contains("\"report-id\":\"b\"")) {
        if (thrown instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) thrown;
      }
      return TlsRptReader.lenient().read(bytes);
    };
  }

  @Test
  void aStackOverflowFromOneFileIsThatFilesReasonAndTheOthersCount() throws IOException {
    ReportLoader.Loaded loaded = ReportLoader.load(threeFiles(), InputStream.nullInputStream(), r -> true,
        noBar(), failingOnB(new StackOverflowError()));
    assertEquals(2, loaded.read());
    assertEquals(10, loaded.summary().domain("example.com").sessions().successful());
    assertEquals(1, loaded.unreadable().size());
    assertEquals(dir.resolve("b.json").toString(), loaded.unreadable().get(0).file());
    assertEquals("cannot be read: it is nested or chained too deeply to read (stack overflow)",
        loaded.unreadable().get(0).reason());
  }

  @Test
  void anUnexpectedExceptionFromOneFileIsThatFilesReasonWithoutItsClassName() throws IOException {
    ReportLoader.Loaded loaded = ReportLoader.load(threeFiles(), InputStream.nullInputStream(), r -> true,
        noBar(), failingOnB(new IllegalStateException("java.lang.Whatever broke")));
    assertEquals(2, loaded.read());
    String reason = loaded.unreadable().get(0).reason();
    assertTrue(reason.startsWith("cannot be read: the reader failed unexpectedly"), reason);
    assertTrue(!reason.contains("java.") && !reason.contains("Exception"), reason);
  }

  @Test
  void aFileThatVanishedOrIsAFolderNamesTheCause() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder.json"));
    List<ReportFiles.Entry> entries = List.of(
        new ReportFiles.Entry("gone.json", dir.resolve("gone.json"), null),
        new ReportFiles.Entry("folder.json", folder, null));
    ReportLoader.Loaded loaded = ReportLoader.load(entries, InputStream.nullInputStream(), r -> true, noBar());
    assertEquals("read-failed: cannot read the file: no such file", loaded.unreadable().get(0).reason());
    assertEquals("read-failed: cannot read the file: it is a directory", loaded.unreadable().get(1).reason());
  }

  @Test
  void filesReadAheadKeepTheirOrderTheirReasonsAndABoundOnWhatIsInFlight() throws IOException {
    // Forty files: every fifth is broken JSON, one is text starting with a letter (looked at as
    // possible mail, then read as a report), the others reports with distinct ids.
    for (int i = 0; i < 40; i++) {
      String name = String.format(java.util.Locale.ROOT, "r%02d.json", i);
      String content = i % 5 == 0 ? "{\"organization-name\": \"cut off " + i
          : i == 7 ? "hello, not a report"
          : REPORT.replace("ID", "id" + i);
      Files.writeString(dir.resolve(name), content);
    }
    List<ReportFiles.Entry> entries = ReportFiles.find(List.of(dir.toString()));
    java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostRunning = new java.util.concurrent.atomic.AtomicInteger();
    Function<InputStream, ParseResult<TlsRptReport>> counting = in -> {
      started.incrementAndGet();
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        return TlsRptReader.lenient().read(in);
      } finally {
        running.decrementAndGet();
      }
    };
    int[] kept = {0};
    int[] mostAhead = {0};
    ReportLoader.Loaded loaded = ReportLoader.load(entries, InputStream.nullInputStream(),
        r -> true, noBar(), counting);
    assertEquals(31, loaded.read());
    assertEquals(31 * 5, loaded.summary().domain("example.com").sessions().successful());
    List<String> unreadable = loaded.unreadable().stream().map(ReportLoader.Unreadable::file).toList();
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (i % 5 == 0 || i == 7) {
        expected.add(dir.resolve(String.format(java.util.Locale.ROOT, "r%02d.json", i)).toString());
      }
    }
    assertEquals(expected, unreadable, "reasons in file order");
    assertTrue(loaded.unreadable().get(0).reason().startsWith("malformed-json"),
        loaded.unreadable().get(0).reason());
    // What is in flight, on reports only (every read is then kept, in order).
    Path good = Files.createDirectory(dir.resolve("good"));
    for (int i = 0; i < 60; i++) {
      Files.writeString(good.resolve(String.format(java.util.Locale.ROOT, "g%02d.json", i)),
          REPORT.replace("ID", "g" + i));
    }
    started.set(0);
    kept[0] = 0;
    ReportLoader.Loaded all = ReportLoader.load(ReportFiles.find(List.of(good.toString())),
        InputStream.nullInputStream(), r -> {
          kept[0]++;
          mostAhead[0] = Math.max(mostAhead[0], started.get() - kept[0]);
          return true;
        }, noBar(), counting);
    assertEquals(60, all.read());
    int threads = Math.min(ReportLoader.MAX_READ_THREADS, Runtime.getRuntime().availableProcessors());
    assertTrue(mostRunning.get() <= threads, "at most one file per thread: " + mostRunning.get());
    int window = threads * ReportLoader.READ_AHEAD_PER_THREAD;
    assertTrue(mostAhead[0] <= window, "read ahead " + mostAhead[0] + " > " + window);
  }
}
