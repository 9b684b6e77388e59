package dev.mtasts.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TerminalsTest {
  @ParameterizedTest
  @CsvSource({
    "/dev/pts/3, true",
    "/dev/tty1, true",
    "/dev/ttys004, true",
    "/dev/console, true",
    "/dev/null, false",
    "pipe:[123456], false",
    "/tmp/mtasts.log, false",
    "socket:[42], false",
  })
  void recognizesTerminalDevices(String device, boolean terminal) {
    assertEquals(terminal, Terminals.isTerminalDevice(device));
  }
}
