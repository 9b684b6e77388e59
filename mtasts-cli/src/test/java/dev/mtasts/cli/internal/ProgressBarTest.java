package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {
  @Test
  void isEnabledOnlyOnATerminalWithEnoughFiles() {
    PrintWriter err = new PrintWriter(new StringWriter());
    assertFalse(ProgressBar.forFiles(err, 1000, false).enabled());
    assertFalse(ProgressBar.forFiles(err, ProgressBar.THRESHOLD - 1, true).enabled());
    assertTrue(ProgressBar.forFiles(err, ProgressBar.THRESHOLD, true).enabled());
  }

  @Test
  void redrawsOncePerPercentAndErasesItselfAtTheEnd() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), 1000, true);
    for (int i = 0; i < 1000; i++) {
      bar.step();
    }
    bar.finish();
    String drawn = text.toString();
    assertEquals(101, drawn.split("\rreading reports \\[", -1).length - 1, "one frame per percent");
    assertTrue(drawn.contains("[" + "#".repeat(30) + "] 1000/1000"), drawn);
    assertTrue(drawn.endsWith("\r"), "the line is cleared");
  }

  @Test
  void drawsNothingWhenDisabled() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), 10, false);
    bar.step();
    bar.finish();
    assertEquals("", text.toString());
  }
}
