package dev.mtasts.dns;

import java.util.Objects;

/**
 * Something a parser accepted but that a publisher should fix, or that another implementation may
 * read differently.
 *
 * @param column the 1-based column in the record text the warning is about
 * @param message what was found and what the RFC expects
 */
public record RecordWarning(int column, String message) {
  /**
   * Validates the warning.
   *
   * @param column the 1-based column
   * @param message the message
   */
  public RecordWarning {
    if (column < 1) {
      throw new IllegalArgumentException("column must be at least 1, got " + column);
    }
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "column " + column + ": " + message;
  }
}
