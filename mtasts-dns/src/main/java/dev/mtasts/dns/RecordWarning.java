package dev.mtasts.dns;

import java.util.Objects;

/**
 * Something a parser accepted but that a publisher should fix, or that another implementation may
 * read differently.
 *
 * <p>The {@link #code()} is stable, so tools can filter warnings without matching their text: in
 * lenient mode it is the code a strict parse would fail with (such as {@link
 * RecordErrorCode#INVALID_ID}); for what both modes accept it is one of the warning-only codes
 * ({@link RecordErrorCode#WHITESPACE_BEFORE_DELIMITER}, {@link RecordErrorCode#DUPLICATE_FIELD},
 * {@link RecordErrorCode#DUPLICATE_RUA_URI}, {@link RecordErrorCode#UNSUPPORTED_RUA_SCHEME}).
 *
 * @param column the 1-based column in the record text the warning is about
 * @param code the stable code of the deviation
 * @param message what was found and what the RFC expects
 */
public record RecordWarning(int column, RecordErrorCode code, String message) {
  /**
   * Validates the warning.
   *
   * @param column the 1-based column
   * @param code the code
   * @param message the message
   * @throws IllegalArgumentException if the column is below 1
   */
  public RecordWarning {
    if (column < 1) {
      throw new IllegalArgumentException("column must be at least 1, got " + column);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the warning as {@code column 9 [DUPLICATE_FIELD]: message}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return "column " + column + " [" + code + "]: " + message;
  }
}
