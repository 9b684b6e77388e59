package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@link PublicationHistory#write(Path)} and mutual exclusion of {@link
 * PublicationHistory#update}, with real processes: child JVMs ({@link HistoryWriterChild}) killed
 * with SIGKILL ({@link Process#destroyForcibly()}) at random moments while they write.
 */
final class PublicationHistoryCrashTest {
  private static final int KILLS = 200;
  private static final int SPARES = 3;

  @TempDir Path dir;

  @Test
  void aWriterKilledAtRandomMomentsLeavesTheOldOrTheNewHistoryNeverAnythingElse()
      throws Exception {
    Path file = dir.resolve("history.json");
    List<PublicationHistory> states = new ArrayList<>();
    for (int n = 0; n < HistoryWriterChild.CYCLE; n++) {
      states.add(HistoryWriterChild.state(n));
    }
    Random random = new Random(8461);
    Set<Integer> seen = new HashSet<>();
    // Spare children start while the current one writes, so JVM start-up overlaps the loop.
    ArrayDeque<Child> spares = new ArrayDeque<>();
    for (int i = 0; i < SPARES; i++) {
      spares.add(Child.start(file, "cycle"));
    }
    for (int kill = 0; kill < KILLS; kill++) {
      Child current = spares.remove();
      current.go();
      if (kill + spares.size() + 1 < KILLS) {
        spares.add(Child.start(file, "cycle"));
      }
      current.awaitLine("writing");
      Thread.sleep(random.nextInt(12));
      current.process.destroyForcibly();
      assertTrue(current.process.waitFor(30, TimeUnit.SECONDS), "child did not die");
      PublicationHistory back = PublicationHistory.read(file, Fixtures.DOMAIN);
      int n = back.entries().size();
      assertTrue(n < HistoryWriterChild.CYCLE, "kill " + kill + ": " + n + " entries");
      // Byte for byte one of the states the writer writes, never a mix or a torn file.
      assertEquals(states.get(n).toJson(), Files.readString(file), "kill " + kill);
      seen.add(n);
    }
    assertTrue(spares.isEmpty());
    // The kills hit many different states, so they did land during the writing loop.
    assertTrue(seen.size() > 5, "states seen after kills: " + seen);
  }

  @Test
  void twoProcessesUpdatingAtOnceLoseNoEvent() throws Exception {
    Path file = dir.resolve("history.json");
    int each = 40;
    Child a = Child.start(file, "update", "a", Integer.toString(each));
    Child b = Child.start(file, "update", "b", Integer.toString(each));
    a.go();
    b.go();
    a.awaitLine("done");
    b.awaitLine("done");
    assertEquals(0, a.process.waitFor() | b.process.waitFor());
    PublicationHistory back = PublicationHistory.read(file, Fixtures.DOMAIN);
    Set<String> ids = new HashSet<>();
    back.entries().forEach(e -> ids.add(e.id().value()));
    assertEquals(2 * each, back.entries().size(), back.toJson());
    for (int i = 0; i < each; i++) {
      assertTrue(ids.contains("a" + i) && ids.contains("b" + i), "missing event " + i);
    }
  }

  @Test
  void twoThreadsUpdatingAtOnceLoseNoEvent() throws Exception {
    Path file = dir.resolve("history.json");
    int each = 50;
    List<Thread> threads = new ArrayList<>();
    for (String tag : List.of("x", "y")) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          int seq = i;
          PublicationHistory.update(file, Fixtures.DOMAIN, h -> h.served(
              Fixtures.id(tag + seq), Fixtures.testing(),
              h.lastEvent().map(at -> at.plusSeconds(1)).orElse(Fixtures.at("2026-01-01T00:00:00Z"))));
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(2 * each, PublicationHistory.read(file, Fixtures.DOMAIN).entries().size());
    try (Stream<Path> files = Files.list(dir)) {
      // The history and its lock file; no temporary file is left behind by completed writes.
      assertEquals(List.of("history.json", "history.json.lock"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  /** A running {@link HistoryWriterChild}. */
  private static final class Child {
    final Process process;
    final BufferedReader out;

    private Child(Process process) {
      this.process = process;
      this.out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Child start(Path file, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
          "-Xmx64m",
          "-cp", System.getProperty("java.class.path"),
          HistoryWriterChild.class.getName(), args[0], file.toString()));
      command.addAll(List.of(args).subList(1, args.length));
      Process p = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return new Child(p);
    }

    void go() throws IOException {
      awaitLine("ready");
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    void awaitLine(String expected) throws IOException {
      String line = out.readLine();
      assertEquals(expected, line, "child output");
    }
  }
}
