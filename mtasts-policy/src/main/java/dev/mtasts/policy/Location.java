package dev.mtasts.policy;

import java.util.Objects;

/**
 * Where in an input a problem is: a line and column of a text file (a policy file), a column of a
 * one-line text (a DNS TXT record), a JSON path (a TLS-RPT report, a publication history), a byte
 * offset in a binary input (a saved summary), or a named part of a structured input (a header or
 * MIME part of a mail).
 *
 * <p>The {@code toString()} of each kind is the form messages start with: {@code line 3, column 1}, {@code column
 * 13}, {@code $.policies[0].summary}, {@code byte 12}, {@code part 1.2}.
 */
public sealed interface Location {

  /**
   * A position in a text of several lines.
   *
   * @param line the 1-based line
   * @param column the 1-based column, in characters (code points)
   */
  record LineColumn(int line, int column) implements Location {
    /**
     * Validates the position.
     *
     * @param line the 1-based line
     * @param column the 1-based column
     * @throws IllegalArgumentException if either is below 1
     */
    public LineColumn {
      if (line < 1 || column < 1) {
        throw new IllegalArgumentException(
            "line and column must be at least 1, got " + line + ", " + column);
      }
    }

    /**
     * Returns {@code line 3, column 1}.
     *
     * @return the position in words
     */
    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }

  /**
   * A position in a text of one line.
   *
   * @param column the 1-based column, in characters
   */
  record Column(int column) implements Location {
    /**
     * Validates the column.
     *
     * @param column the 1-based column
     * @throws IllegalArgumentException if it is below 1
     */
    public Column {
      if (column < 1) {
        throw new IllegalArgumentException("column must be at least 1, got " + column);
      }
    }

    /**
     * Returns {@code column 13}.
     *
     * @return the position in words
     */
    @Override
    public String toString() {
      return "column " + column;
    }
  }

  /**
   * A value in a JSON document.
   *
   * @param path a JSONPath such as {@code $.policies[0].policy.mx-host}, {@code $} for the
   *     document itself
   */
  record JsonPath(String path) implements Location {
    /** The path of the document as a whole. */
    public static final JsonPath ROOT = new JsonPath("$");

    /**
     * Validates the path.
     *
     * @param path the path
     * @throws IllegalArgumentException if it does not start with {@code $}
     */
    public JsonPath {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("$")) {
        throw new IllegalArgumentException("a JSON path starts with $, got \"" + path + "\"");
      }
    }

    /**
     * Returns the path.
     *
     * @return the path, such as {@code $.policies[0]}
     */
    @Override
    public String toString() {
      return path;
    }
  }

  /**
   * A position in a binary input.
   *
   * @param offset the 0-based byte offset
   */
  record ByteOffset(long offset) implements Location {
    /**
     * Validates the offset.
     *
     * @param offset the 0-based byte offset
     * @throws IllegalArgumentException if it is negative
     */
    public ByteOffset {
      if (offset < 0) {
        throw new IllegalArgumentException("offset " + offset + " < 0");
      }
    }

    /**
     * Returns {@code byte 12}.
     *
     * @return the position in words
     */
    @Override
    public String toString() {
      return "byte " + offset;
    }
  }

  /**
   * A named part of a structured input, such as {@code message}, {@code header Subject}, {@code
   * line 12} or {@code part 1.2} of a mail.
   *
   * @param name the part's name as a person reads it
   */
  record Part(String name) implements Location {
    /**
     * Validates the name.
     *
     * @param name the name
     * @throws IllegalArgumentException if it is empty
     */
    public Part {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a part name is not empty");
      }
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    @Override
    public String toString() {
      return name;
    }
  }
}
