package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Copies JSON token by token, for the unknown members that a round trip must keep unchanged. */
public final class JsonTokens {
  /** Returned by {@link #copyCurrent} for a token that is not part of a JSON value. */
  public static final int NOT_A_VALUE_TOKEN = Integer.MIN_VALUE;

  private JsonTokens() {}

  /**
   * Writes the parser's current token to the generator; numbers keep their exact text.
   *
   * @param p the parser, positioned on a token
   * @param g the generator to write to
   * @return the change in nesting depth (+1 for a start, -1 for an end, 0 otherwise), or
   *     {@link #NOT_A_VALUE_TOKEN} when the token is none of a JSON value's, and nothing was written
   * @throws IOException if the generator fails
   */
  public static int copyCurrent(JsonParser p, JsonGenerator g) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return NOT_A_VALUE_TOKEN;
    }
    switch (t) {
      case START_OBJECT:
        g.writeStartObject();
        return 1;
      case END_OBJECT:
        g.writeEndObject();
        return -1;
      case START_ARRAY:
        g.writeStartArray();
        return 1;
      case END_ARRAY:
        g.writeEndArray();
        return -1;
      case FIELD_NAME:
        g.writeFieldName(p.currentName());
        return 0;
      case VALUE_STRING:
        g.writeString(p.getText());
        return 0;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        g.writeNumber(p.getText());
        return 0;
      case VALUE_TRUE:
        g.writeBoolean(true);
        return 0;
      case VALUE_FALSE:
        g.writeBoolean(false);
        return 0;
      case VALUE_NULL:
        g.writeNull();
        return 0;
      default:
        return NOT_A_VALUE_TOKEN;
    }
  }
}
