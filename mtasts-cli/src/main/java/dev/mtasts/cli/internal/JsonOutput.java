package dev.mtasts.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes the one JSON object that {@code --json} prints on standard output, with Jackson's
 * streaming generator (indented, a line end after the closing brace).
 */
public final class JsonOutput implements AutoCloseable {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final PrintWriter out;
  private final JsonGenerator generator;

  private JsonOutput(PrintWriter out, JsonGenerator generator) {
    this.out = out;
    this.generator = generator;
  }

  /**
   * Starts the top-level object.
   *
   * @param out where the JSON goes (not closed at the end)
   * @return the output; write the members with {@link #generator()}, then {@link #close()}
   */
  public static JsonOutput open(PrintWriter out) {
    try {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      return new JsonOutput(out, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the generator positioned inside the top-level object.
   *
   * @return the generator
   */
  public JsonGenerator generator() {
    return generator;
  }

  /** Ends the top-level object and writes a line end. */
  @Override
  public void close() {
    try {
      generator.writeEndObject();
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
