package dev.mtasts.policy.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.MtaStsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFile() throws IOException {
    Path file = dir.resolve("h.json");
    AtomicFile.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
    AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of("h.json"), names());
  }

  @Test
  void keepsTheOldFileWhenTheWriteCrashesHalfway() throws IOException {
    Path file = dir.resolve("h.json");
    AtomicFile.write(file, out -> out.write("{\"complete\":true}".getBytes(StandardCharsets.UTF_8)));
    MtaStsException e = assertThrows(MtaStsException.class, () -> AtomicFile.write(file, out -> {
      out.write("{\"comp".getBytes(StandardCharsets.UTF_8));
      throw new IOException("No space left on device");
    }));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
    assertEquals("{\"complete\":true}", Files.readString(file));
    // The half-written temporary file is removed.
    assertEquals(List.of("h.json"), names());
  }

  @Test
  void createsNothingWhenTheFirstWriteCrashes() throws IOException {
    Path file = dir.resolve("h.json");
    assertThrows(MtaStsException.class, () -> AtomicFile.write(file, out -> {
      throw new IOException("boom");
    }));
    assertEquals(List.of(), names());
  }

  @Test
  void failsWithATypedErrorWhenTheFolderIsMissing() {
    Path file = dir.resolve("missing").resolve("h.json");
    assertThrows(MtaStsException.class,
        () -> AtomicFile.write(file, out -> out.write(1)));
  }
}
