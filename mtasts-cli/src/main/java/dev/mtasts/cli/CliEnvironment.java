package dev.mtasts.cli;

import dev.mtasts.cli.internal.Terminals;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What a command may use from the world outside its arguments, so tests can supply their own.
 *
 * @param stdin the standard input, read when a file argument is {@code -}
 * @param stderrIsTerminal whether standard error is a terminal (the progress bar is drawn only then)
 * @param clock the clock for new policy ids and plan instants
 */
public record CliEnvironment(InputStream stdin, boolean stderrIsTerminal, Clock clock) {

  /**
   * Validates the parts.
   *
   * @param stdin the standard input
   * @param stderrIsTerminal whether standard error is a terminal
   * @param clock the clock
   */
  public CliEnvironment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the environment of the running process: {@link System#in}, the UTC system clock, and
   * whether standard error is a terminal as far as {@link Terminals#stderrIsTerminal()} can tell.
   *
   * @return the process environment
   */
  public static CliEnvironment ofSystem() {
    return new CliEnvironment(System.in, Terminals.stderrIsTerminal(), Clock.systemUTC());
  }
}
