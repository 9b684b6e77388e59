package dev.mtasts.cli;

import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.TerminalText;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Main-Class} of the runnable jar: runs {@code mtasts record check TEXT} (with {@code
 * --lenient} and {@code --json}) without building picocli's command tree, and hands every other
 * command line to {@link Main}. The output, the messages and the exit status are those of {@link
 * Main#main}, which runs the same way.
 *
 * <p>Why: a record check is the shortest command, often run in a loop over many domains, and
 * picocli reads its commands' annotations through reflection (its classes, compiled for Java 5,
 * are also outside the launcher's class-data archive and verified on every start): that was two
 * thirds of the CPU time of a cold {@code record check}. This class names no picocli type, so on
 * the short form the JVM never loads one.
 */
public final class Start {
  private Start() {}

  /**
   * Runs the command and exits the JVM with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out = utf8Writer(System.out);
    PrintWriter err = utf8Writer(System.err);
    int status;
    try {
      status = RecordCheckCommand.isShortForm(args)
          ? RecordCheckCommand.runShortForm(args, out, err)
          : Main.run(args, out, err);
    } catch (OutOfMemoryError e) {
      err.println("mtasts: out of memory; give the JVM more heap (java -Xmx...) or less input");
      status = ExitStatus.NEGATIVE;
    } catch (StackOverflowError e) {
      err.println("mtasts: internal error: the input is nested or chained too deeply (stack overflow);"
          + " please report it");
      status = ExitStatus.NEGATIVE;
    }
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Returns the writer of a standard stream: UTF-8, flushed at each line, and guarded by {@link
   * TerminalText#guard} so that no control character reaches the terminal as it is.
   */
  static PrintWriter utf8Writer(PrintStream stream) {
    return new PrintWriter(TerminalText.guard(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
  }
}
