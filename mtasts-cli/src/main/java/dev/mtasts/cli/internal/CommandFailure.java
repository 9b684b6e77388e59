package dev.mtasts.cli.internal;

import dev.mtasts.policy.MtaStsException;

/**
 * A failure that ends a command with a message for the user and a given exit status, without a
 * stack trace (unless {@code --debug}).
 */
public final class CommandFailure extends MtaStsException {
  private static final long serialVersionUID = 1L;

  private final int exitStatus;

  /**
   * Creates a failure.
   *
   * @param exitStatus the exit status, one of {@link ExitStatus}'s constants
   * @param message what went wrong, in words a person can act on
   */
  public CommandFailure(int exitStatus, String message) {
    super(message);
    this.exitStatus = exitStatus;
  }

  /**
   * Creates a failure that wraps its cause (shown with {@code --debug}).
   *
   * @param exitStatus the exit status, one of {@link ExitStatus}'s constants
   * @param message what went wrong, in words a person can act on
   * @param cause the underlying failure
   */
  public CommandFailure(int exitStatus, String message, Throwable cause) {
    super(message, cause);
    this.exitStatus = exitStatus;
  }

  /**
   * Returns a usage failure (exit status 2).
   *
   * @param message what is wrong with the command line
   * @return the failure
   */
  public static CommandFailure usage(String message) {
    return new CommandFailure(ExitStatus.USAGE, message);
  }

  /**
   * Returns the exit status the command ends with.
   *
   * @return 1 or 2
   */
  public int exitStatus() {
    return exitStatus;
  }
}
