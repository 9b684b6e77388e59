package dev.mtasts.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the files named on the command line, where {@code -} means standard input. */
public final class Inputs {
  /** The name that stands for standard input. */
  public static final String STDIN = "-";

  /** The largest input read whole; parsers apply their own, smaller limits to what they get. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private Inputs() {}

  /**
   * Returns the name to show for an input in messages: the argument as given, or {@code <stdin>}.
   *
   * @param argument the command-line argument
   * @return the name for messages
   */
  public static String label(String argument) {
    return STDIN.equals(argument) ? "<stdin>" : argument;
  }

  /**
   * Reads a file, or standard input when the argument is {@code -}.
   *
   * @param argument the file name as given on the command line, or {@code -}
   * @param stdin the standard input
   * @return the bytes, at most {@link #MAX_BYTES}
   * @throws CommandFailure with exit status 2 when the file cannot be opened or read, 1 when it is
   *     larger than {@link #MAX_BYTES}
   */
  public static byte[] read(String argument, InputStream stdin) {
    if (STDIN.equals(argument)) {
      try {
        return readLimited(stdin, label(argument));
      } catch (IOException e) {
        throw new CommandFailure(ExitStatus.USAGE, "cannot read standard input: " + e.getMessage(), e);
      }
    }
    return readFile(Path.of(argument), argument);
  }

  /**
   * Reads a file.
   *
   * @param path the file
   * @param name the name to show in messages
   * @return the bytes, at most {@link #MAX_BYTES}
   * @throws CommandFailure with exit status 2 when the file cannot be opened or read, 1 when it is
   *     larger than {@link #MAX_BYTES}
   */
  public static byte[] readFile(Path path, String name) {
    if (Files.isDirectory(path)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + name + ": it is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readLimited(in, name);
    } catch (IOException e) {
      throw cannotOpen(name, e);
    }
  }

  /**
   * Returns the failure for a file that cannot be opened, with the reason in plain words.
   *
   * @param name the file name as given
   * @param e what the JDK reported
   * @return a failure with exit status 2
   */
  public static CommandFailure cannotOpen(String name, IOException e) {
    return new CommandFailure(ExitStatus.USAGE, "cannot open " + name + ": " + reason(e), e);
  }

  /**
   * Returns the reason of an I/O failure in plain words ("no such file", "permission denied").
   *
   * @param e the failure
   * @return the reason
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static byte[] readLimited(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new CommandFailure(
          ExitStatus.NEGATIVE, name + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    return Arrays.copyOf(bytes, bytes.length);
  }
}
