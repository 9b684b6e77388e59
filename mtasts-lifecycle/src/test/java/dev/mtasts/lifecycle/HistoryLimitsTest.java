package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.lifecycle.HistoryFormatException.Code;
import dev.mtasts.policy.MtaStsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds on a publication history file: bytes, entries, string length. */
final class HistoryLimitsTest {
  private static final Instant T0 = Fixtures.at("2000-01-01T00:00:00Z");

  @TempDir Path dir;

  /** A history of {@code n} closed entries, built without the O(n²) of repeated served(). */
  private static PublicationHistory history(int n) {
    List<ServedPolicy> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant from = T0.plusSeconds(120L * i);
      entries.add(new ServedPolicy(Fixtures.id("p" + i), Fixtures.testing(), from, from.plusSeconds(60)));
    }
    return new PublicationHistory(Fixtures.DOMAIN, entries);
  }

  @Test
  void documentedLimits() {
    assertEquals(4 << 20, PublicationHistory.MAX_FILE_BYTES);
    assertEquals(5_000, PublicationHistory.MAX_ENTRIES);
  }

  @Test
  void entryLimitIsInclusiveAndTheNextEntryIsRefusedWithItsPath() throws IOException {
    Path file = dir.resolve("history.json");
    PublicationHistory atLimit = history(PublicationHistory.MAX_ENTRIES);
    atLimit.write(file);
    assertEquals(atLimit, PublicationHistory.read(file, Fixtures.DOMAIN));
    // One more entry, written by hand (write refuses it): refused at the entry over the limit.
    String over = history(PublicationHistory.MAX_ENTRIES + 1).toJson();
    Files.writeString(file, over);
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.read(file, Fixtures.DOMAIN));
    assertEquals(Code.TOO_MANY_ENTRIES, e.code(), e.getMessage());
    assertEquals("$.served[5000]", e.location().path());
    assertTrue(e.line() > 0, e.getMessage());
    assertEquals(Code.TOO_MANY_ENTRIES,
        assertThrows(HistoryFormatException.class, () -> PublicationHistory.parse(over)).code());
  }

  @Test
  void byteLimitIsInclusive() throws IOException {
    Path file = dir.resolve("history.json");
    String json = history(3).toJson();
    // JSON whitespace after the document pads it to exactly the limit, then one byte more.
    String atLimit = json + " ".repeat(PublicationHistory.MAX_FILE_BYTES - json.length());
    Files.writeString(file, atLimit);
    assertEquals(history(3), PublicationHistory.read(file, Fixtures.DOMAIN));
    assertEquals(history(3), PublicationHistory.parse(atLimit));
    Files.writeString(file, atLimit + " ");
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.read(file, Fixtures.DOMAIN));
    assertEquals(Code.INPUT_TOO_LARGE, e.code(), e.getMessage());
    assertEquals("$", e.location().path());
    assertEquals(Code.INPUT_TOO_LARGE,
        assertThrows(HistoryFormatException.class, () -> PublicationHistory.parse(atLimit + " "))
            .code());
  }

  @Test
  void hugeHistoryIsRefusedAfterReadingNoMoreThanTheLimit() throws IOException {
    // Issue 13 item 8: a 78 MB history was read whole (4.8 s, 1 GB). A 200 MB file, written
    // sparse so the test stays cheap: the reader stops one byte past the limit.
    Path file = dir.resolve("history.json");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"version\":1,\"domain\":\"example.com\",\"served\":[".getBytes(StandardCharsets.UTF_8));
    }
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 200L << 20);
    }
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.read(file, Fixtures.DOMAIN));
    assertEquals(Code.INPUT_TOO_LARGE, e.code(), e.getMessage());
    assertTrue(e.detail().contains("is it the right file?"), e.detail());
  }

  @Test
  void endlessStreamIsRefusedAfterTheLimitPlusOneByte() throws IOException {
    long[] read = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read[0]++;
        return ' ';
      }
    };
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> dev.mtasts.lifecycle.internal.HistoryJson.read(endless));
    assertEquals(Code.INPUT_TOO_LARGE, e.code());
    assertEquals(PublicationHistory.MAX_FILE_BYTES + 1L, read[0]);
  }

  @Test
  void overlongStringIsTooLargeNotMalformed() {
    String json = "{\"version\":1,\"domain\":\"example.com\",\"served\":[{\"id\":\""
        + "a".repeat(400_000) + "\"}]}";
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.parse(json));
    assertEquals(Code.INPUT_TOO_LARGE, e.code(), e.getMessage());
  }

  @Test
  void writeRefusesAHistoryItCouldNotReadBackAndKeepsTheOldFile() throws IOException {
    Path file = dir.resolve("history.json");
    history(2).write(file);
    String before = Files.readString(file);
    MtaStsException e = assertThrows(MtaStsException.class,
        () -> history(PublicationHistory.MAX_ENTRIES + 1).write(file));
    assertTrue(e.getMessage().contains("more than the 5000"), e.getMessage());
    assertEquals(before, Files.readString(file));
  }
}
