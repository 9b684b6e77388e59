package dev.mtasts.cli.internal;

/** The exit status contract of the {@code mtasts} command; nothing else is ever returned. */
public final class ExitStatus {
  /** Success: the input is valid, the verdict is positive. */
  public static final int OK = 0;

  /** The input is invalid, the verdict is negative, or some reports could not be read. */
  public static final int NEGATIVE = 1;

  /** A usage error, or a file that cannot be opened. */
  public static final int USAGE = 2;

  private ExitStatus() {}
}
