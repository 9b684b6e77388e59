package dev.mtasts.cli;

import dev.mtasts.cli.internal.Terminals;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may use from the world outside its arguments, so tests can supply their own.
 *
 * @param stdin the standard input, read when a file argument is {@code -}
 * @param stderrIsTerminal whether standard error is a terminal (the progress bar is drawn only then)
 * @param clock the clock for new policy ids and plan instants
 * @param variables the environment variables (the IMAP password of {@code report fetch})
 */
public record CliEnvironment(InputStream stdin, boolean stderrIsTerminal, Clock clock,
    Map<String, String> variables) {

  /**
   * Validates the parts and copies the variables.
   *
   * @param stdin the standard input
   * @param stderrIsTerminal whether standard error is a terminal
   * @param clock the clock
   * @param variables the environment variables
   */
  public CliEnvironment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
    variables = Map.copyOf(variables);
  }

  /**
   * Creates an environment with the process's environment variables.
   *
   * @param stdin the standard input
   * @param stderrIsTerminal whether standard error is a terminal
   * @param clock the clock
   */
  public CliEnvironment(InputStream stdin, boolean stderrIsTerminal, Clock clock) {
    this(stdin, stderrIsTerminal, clock, System.getenv());
  }

  /**
   * Returns the environment of the running process: {@link System#in}, the UTC system clock,
   * whether standard error is a terminal as far as {@link Terminals#stderrIsTerminal()} can tell,
   * and the process's environment variables.
   *
   * @return the process environment
   */
  public static CliEnvironment ofSystem() {
    return new CliEnvironment(System.in, Terminals.stderrIsTerminal(), Clock.systemUTC());
  }
}
