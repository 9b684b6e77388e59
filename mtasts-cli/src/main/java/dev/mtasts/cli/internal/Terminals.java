package dev.mtasts.cli.internal;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Finds out whether standard error is a terminal. */
public final class Terminals {
  private Terminals() {}

  /**
   * Returns whether standard error is a terminal.
   *
   * <p>{@link System#console()} is not enough: on Java 17 it is non-null when standard input and
   * standard output are terminals and says nothing about standard error, which is where the progress
   * bar goes ({@code mtasts report summarize ... 2>log} must not fill the log with bar frames). On
   * Linux the answer is where {@code /proc/self/fd/2} points; elsewhere standard error counts as a
   * terminal only when there is a console and a {@code TERM} that is not {@code dumb}.
   *
   * @return whether standard error is (as far as can be told) a terminal
   */
  public static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      }
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // Fall through to the portable guess.
    }
    String term = System.getenv("TERM");
    return hasTerminalConsole() && term != null && !term.equals("dumb");
  }

  /**
   * Whether the JVM has a console attached to a terminal. Up to JDK 21 that is {@code
   * System.console() != null}; from JDK 22 on the console exists even when the streams are
   * redirected and {@code Console.isTerminal()} (absent on JDK 17, so called reflectively) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is for JDK 17-21; isTerminal() for 22+
  private static boolean hasTerminalConsole() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns whether a device path names a terminal ({@code /dev/pts/3}, {@code /dev/tty1}).
   *
   * @param device the target of a file-descriptor link
   * @return whether it is a terminal device
   */
  static boolean isTerminalDevice(String device) {
    String d = device.toLowerCase(Locale.ROOT);
    return d.startsWith("/dev/pts/") || d.startsWith("/dev/tty") || d.equals("/dev/console");
  }
}
