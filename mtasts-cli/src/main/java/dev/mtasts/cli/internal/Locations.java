package dev.mtasts.cli.internal;

import dev.mtasts.policy.Location;

/**
 * The line and column the CLI prints for a {@link Location}, in the {@code file:line:column:} form
 * of compilers: a one-line text (a TXT record) is line 1.
 */
public final class Locations {
  private Locations() {}

  /**
   * Returns the 1-based line: the line of a {@link Location.LineColumn}, 1 for a one-line text
   * (and for locations that are not positions in a text).
   *
   * @param location the location
   * @return the line
   */
  public static int line(Location location) {
    return location instanceof Location.LineColumn lc ? lc.line() : 1;
  }

  /**
   * Returns the 1-based column of a text position, 1 for locations that are not positions in a
   * text.
   *
   * @param location the location
   * @return the column
   */
  public static int column(Location location) {
    if (location instanceof Location.LineColumn lc) {
      return lc.column();
    }
    return location instanceof Location.Column c ? c.column() : 1;
  }
}
