package dev.mtasts.cli.internal;

import dev.mtasts.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files named on the command line, where {@code -} means standard input, each kind of
 * input bounded by its own limit: at most one byte more than the limit is ever read (from a file,
 * a pipe, a FIFO or {@code /dev/zero} alike), so the parser that gets the bytes refuses an input
 * over its limit with its own typed error ({@code INPUT_TOO_LARGE} at 1:1 for a policy, {@code
 * TOO_LONG} for a record) without the rest being read.
 */
public final class Inputs {
  /** The name that stands for standard input. */
  public static final String STDIN = "-";

  /** The limit of a policy file: the parser's 64 KiB (RFC 8461 §3.3). */
  public static final int POLICY_MAX_BYTES = PolicyParser.DEFAULT_MAX_BYTES;

  /**
   * The limit of a TXT record value as given to {@code record check}: the longest TXT value (65535
   * bytes) in {@code dig}'s presentation format with every byte written as {@code \DDD}, quotes
   * included, fits in 320 KiB.
   */
  public static final int RECORD_MAX_BYTES = 320 * 1024;

  /** The limit of the small text files of a domain folder ({@code _mta-sts.txt}, {@code mx.txt}...). */
  public static final int FOLDER_FILE_MAX_BYTES = 1024 * 1024;

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
   * Reads a file, or standard input when the argument is {@code -}, up to one byte past the limit.
   *
   * @param argument the file name as given on the command line, or {@code -}
   * @param stdin the standard input
   * @param limit the largest input the caller accepts
   * @return the bytes: {@code limit + 1} of them when the input is larger than the limit
   * @throws CommandFailure with exit status 2 when the file cannot be opened or read
   */
  public static byte[] read(String argument, InputStream stdin, int limit) {
    if (STDIN.equals(argument)) {
      try {
        return readAtMost(stdin, limit);
      } catch (IOException e) {
        throw new CommandFailure(ExitStatus.USAGE, "cannot read standard input: " + reason(e), e);
      }
    }
    if (argument.isEmpty()) {
      throw CommandFailure.usage("the file name is empty; give a file, or - for standard input");
    }
    return readFile(Path.of(argument), argument, limit);
  }

  /**
   * Reads a file up to one byte past the limit.
   *
   * @param path the file
   * @param name the name to show in messages
   * @param limit the largest input the caller accepts
   * @return the bytes: {@code limit + 1} of them when the file is larger than the limit
   * @throws CommandFailure with exit status 2 when the file cannot be opened or read
   */
  public static byte[] readFile(Path path, String name, int limit) {
    if (Files.isDirectory(path)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + name + ": it is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readAtMost(in, limit);
    } catch (IOException e) {
      throw cannotOpen(name, e);
    }
  }

  /**
   * Reads a small file of a domain folder whole, refusing one over {@link #FOLDER_FILE_MAX_BYTES}.
   *
   * @param path the file
   * @return the bytes
   * @throws CommandFailure with exit status 2 when the file cannot be opened or is not a regular
   *     file, 1 when it is too large
   */
  public static byte[] readFolderFile(Path path) {
    requireRegularFile(path);
    byte[] bytes = readFile(path, path.toString(), FOLDER_FILE_MAX_BYTES);
    if (bytes.length > FOLDER_FILE_MAX_BYTES) {
      throw new CommandFailure(ExitStatus.NEGATIVE, path + " is larger than "
          + FOLDER_FILE_MAX_BYTES / 1024 + " KiB; it should hold a few lines");
    }
    return bytes;
  }

  /**
   * Refuses a domain folder's file that is not a regular file (a FIFO would block the read until
   * something writes to it; a device may never end).
   *
   * @param path the file, which exists
   * @throws CommandFailure with exit status 2 when it is not a regular file
   */
  public static void requireRegularFile(Path path) {
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + path + ": "
          + (Files.isDirectory(path) ? "it is a directory" : "not a regular file (a FIFO, socket or device)"));
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
   * Returns the reason of an I/O failure in plain words ("no such file", "permission denied",
   * "is a directory").
   *
   * @param e the failure
   * @return the reason
   */
  public static String reason(IOException e) {
    return Causes.describe(e);
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    // readNBytes grows its buffers as bytes arrive: a tiny input costs a tiny buffer, and nothing
    // past limit + 1 is read, whatever is behind the stream.
    return in.readNBytes(Math.addExact(limit, 1));
  }
}
