package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A parsed JSON object for assertions: strings, longs, doubles, booleans, lists, objects. */
final class Json {
  private final Map<String, @Nullable Object> members;

  private Json(Map<String, @Nullable Object> members) {
    this.members = members;
  }

  /** Parses exactly one JSON object; trailing content other than whitespace fails. */
  static Json parse(String text) {
    try (JsonParser p = new JsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AssertionError("not a JSON object: " + text);
      }
      Json json = (Json) value(p);
      if (p.nextToken() != null) {
        throw new AssertionError("more than one JSON value: " + text);
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return new Json(m);
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new AssertionError("unexpected token " + t);
    }
  }

  boolean has(String name) {
    return members.containsKey(name);
  }

  @Nullable Object get(String name) {
    return members.get(name);
  }

  Json object(String name) {
    return (Json) members.get(name);
  }

  List<?> list(String name) {
    Object v = members.get(name);
    if (!(v instanceof List<?> l)) {
      throw new AssertionError(name + " is not a list: " + v);
    }
    return l;
  }

  List<Json> objects(String name) {
    List<Json> out = new ArrayList<>();
    for (Object o : list(name)) {
      out.add((Json) o);
    }
    return out;
  }

  @Override
  public String toString() {
    return members.toString();
  }
}
