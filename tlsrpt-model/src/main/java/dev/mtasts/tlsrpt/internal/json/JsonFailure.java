package dev.mtasts.tlsrpt.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong while Jackson's streaming parser read a document, translated once for every
 * reader: a limit broken ({@link #limit()}, from {@link ReadConstraints}) or malformed JSON, with
 * Jackson's own message (never the document's text: the factories disable source echo) and the
 * line and column, 0 where unknown.
 *
 * @param limit the limit broken, or {@code null} for malformed JSON or a failing stream
 * @param message Jackson's message without its location suffix
 * @param line the 1-based line, 0 when unknown
 * @param column the 1-based column, 0 when unknown
 */
public record JsonFailure(ReadConstraints.@Nullable Limit limit, String message, int line, int column) {

  /**
   * Checks the parts.
   *
   * @param limit the limit broken, or {@code null}
   * @param message the message
   * @param line the line, 0 when unknown
   * @param column the column, 0 when unknown
   */
  public JsonFailure {
    Objects.requireNonNull(message, "message");
    line = Math.max(line, 0);
    column = Math.max(column, 0);
  }

  /**
   * Translates what the parser threw.
   *
   * @param e the exception
   * @return the failure
   */
  public static JsonFailure of(IOException e) {
    ReadConstraints.Limit limit = null;
    for (Throwable t = e; t != null && limit == null; t = t.getCause()) {
      if (t instanceof ReadConstraints.LimitExceeded x) {
        limit = x.limit();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (limit == null && e instanceof StreamConstraintsException) {
      // Constraints not built by ReadConstraints: a limit all the same, of unknown kind.
      limit = ReadConstraints.Limit.DOCUMENT_LENGTH;
    }
    String message = String.valueOf(e.getMessage());
    int line = 0;
    int column = 0;
    if (e instanceof JsonProcessingException j) {
      message = String.valueOf(j.getOriginalMessage());
      JsonLocation at = j.getLocation();
      if (at != null) {
        line = at.getLineNr();
        column = at.getColumnNr();
      }
    }
    return new JsonFailure(limit, message, line, column);
  }

  /**
   * Tells whether a limit was broken (rather than the JSON being malformed).
   *
   * @return {@code true} for a limit
   */
  public boolean isLimit() {
    return limit != null;
  }

  /**
   * Returns " (line L, column C)", or {@code ""} when the position is unknown.
   *
   * @return the position suffix
   */
  public String at() {
    return line == 0 ? "" : " (line " + line + ", column " + column + ")";
  }
}
