package dev.mtasts.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer for generated documents: objects are {@link Map}s in their iteration order,
 * arrays are {@link List}s, and strings, longs, booleans and {@code null} are scalars.
 */
public final class Json {
  private Json() {}

  /**
   * Writes the value.
   *
   * @param value the tree
   * @param indent spaces per level, 0 for compact output on one line
   * @param shuffleSeed when not 0, object members are written in an order drawn from this seed
   * @return the JSON text
   */
  public static String write(@Nullable Object value, int indent, long shuffleSeed) {
    StringBuilder b = new StringBuilder();
    write(b, value, indent, 0, shuffleSeed == 0 ? null : new Random(shuffleSeed));
    return b.toString();
  }

  private static void write(
      StringBuilder b, @Nullable Object value, int indent, int level, @Nullable Random shuffle) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String s) {
      string(b, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      if (shuffle != null) {
        Collections.shuffle(entries, shuffle);
      }
      b.append('{');
      for (int i = 0; i < entries.size(); i++) {
        b.append(i == 0 ? "" : ",");
        newline(b, indent, level + 1);
        string(b, (String) entries.get(i).getKey());
        b.append(indent == 0 ? ":" : ": ");
        write(b, entries.get(i).getValue(), indent, level + 1, shuffle);
      }
      if (!entries.isEmpty()) {
        newline(b, indent, level);
      }
      b.append('}');
    } else if (value instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        b.append(i == 0 ? "" : ",");
        newline(b, indent, level + 1);
        write(b, list.get(i), indent, level + 1, shuffle);
      }
      if (!list.isEmpty()) {
        newline(b, indent, level);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON tree value: " + value.getClass());
    }
  }

  private static void newline(StringBuilder b, int indent, int level) {
    if (indent > 0) {
      b.append('\n').append(" ".repeat(indent * level));
    }
  }

  /**
   * Appends a JSON string literal.
   *
   * @param b the buffer
   * @param s the string
   */
  public static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
