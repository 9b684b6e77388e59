package dev.mtasts.tlsrpt.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;

/**
 * What a JSON token is, in the words of a "expected ..., found ..." message, for every reader of
 * JSON documents (TLS-RPT reports, publication histories): one wording for the same mistake.
 */
public final class JsonTokenNames {
  private JsonTokenNames() {}

  /**
   * Names the kind of value a token starts, or the token itself when it starts none.
   *
   * @param t the token, or {@code null} at the end of the document
   * @param atEnd what to say for {@code null}, e.g. {@code "end of input"}
   * @return for example {@code "an object"}, {@code "a number"}, {@code "'}'"}
   */
  public static String describe(@Nullable JsonToken t, String atEnd) {
    if (t == null) {
      return atEnd;
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }
}
