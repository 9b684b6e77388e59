package dev.mtasts.cli;

import dev.mtasts.cli.internal.Causes;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.policy.MtaStsException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What the user sees when a command fails while it runs: a message, the stack trace only with
 * {@code --debug}. Shared by picocli's execution-exception handler and the short form of {@link
 * Start}, so both say the same; names no picocli type.
 */
final class Failures {
  private Failures() {}

  /**
   * Prints the failure and returns the exit status.
   *
   * @param ex what the command threw
   * @param err standard error
   * @param debug whether {@code --debug} was given
   * @return the exit status
   */
  static int report(Exception ex, PrintWriter err, boolean debug) {
    int status;
    // Messages quote file names and input: escaped, and never a Java class name.
    if (ex instanceof CommandFailure failure) {
      status = failure.exitStatus();
      err.println("mtasts: " + TerminalText.escape(Causes.scrub(String.valueOf(failure.getMessage()))));
    } else if (ex instanceof MtaStsException) {
      status = ExitStatus.NEGATIVE;
      err.println("mtasts: " + TerminalText.escape(Causes.scrub(String.valueOf(ex.getMessage()))));
    } else if (ex instanceof UncheckedIOException io) {
      status = ExitStatus.USAGE;
      // UncheckedIOException always has its IOException cause (its constructors require one).
      err.println("mtasts: " + TerminalText.escape(Causes.describe(Objects.requireNonNull(io.getCause()))));
    } else {
      status = ExitStatus.NEGATIVE;
      String message = ex.getMessage();
      err.println("mtasts: internal error"
          + (message != null && Causes.isPlainWords(message) ? ": " + TerminalText.escape(message) : ""));
      if (!debug) {
        err.println("Run again with --debug for the stack trace, and please report it.");
      }
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return status;
  }
}
