package dev.mtasts.dns.internal;

import java.net.URI;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The validated, de-duplicated {@code rua} URIs of a parsed TLS-RPT record (RFC 8460 §3), kept as
 * their text: a {@link URI} is built only when an element is asked for, so parsing a record never
 * runs the JDK's RFC 2396 parser on the common shapes ({@link RuaUris#isPlain}). Immutable to its
 * users; equal to any list of the same URIs.
 */
public final class RuaList extends AbstractList<URI> implements RandomAccess {
  private String[] texts = new String[2];
  // The URIs the parser built (for unusual shapes); null while it has built none, as for the
  // plain shapes, which then cost no array.
  private @Nullable URI @Nullable [] given;
  private int size;
  // Every URI, built on the first access; java.net.URI's fields are not final, so the array is
  // published through a volatile field rather than by a data race.
  private volatile URI @Nullable [] built;

  /** Creates an empty list for the parser to fill. */
  public RuaList() {}

  /**
   * Appends a URI known to be valid, given as text (and as a {@link URI} when the parser built one).
   *
   * @param text the URI text
   * @param uri the URI, or {@code null} to build it when asked
   */
  public void add(String text, @Nullable URI uri) {
    if (size == texts.length) {
      texts = Arrays.copyOf(texts, size * 2);
    }
    texts[size] = text;
    @Nullable URI[] g = given;
    if (uri != null) {
      if (g == null) {
        g = new URI[texts.length];
      } else if (g.length < texts.length) {
        g = Arrays.copyOf(g, texts.length);
      }
      g[size] = uri;
      given = g;
    }
    size++;
  }

  /**
   * Returns the text of a URI, exactly as in the record.
   *
   * @param index the position
   * @return the text
   */
  public String text(int index) {
    Objects.checkIndex(index, size);
    return texts[index];
  }

  /**
   * Tells whether the list holds a URI equal ({@link URI#equals}) to the one given as text.
   *
   * @param text a valid URI text
   * @return whether it is a repeat
   */
  public boolean containsText(String text) {
    for (int i = 0; i < size; i++) {
      // URI.equals ignores case only in the scheme, the host and percent-escapes: texts that
      // differ beyond letter case never name equal URIs, so most pairs need no URI at all.
      if (texts[i].equalsIgnoreCase(text) && (texts[i].equals(text) || uriAt(i).equals(URI.create(text)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public URI get(int index) {
    Objects.checkIndex(index, size);
    URI[] b = built;
    return (b != null ? b : build())[index];
  }

  private synchronized URI[] build() {
    URI[] b = built;
    if (b == null) {
      b = new URI[size];
      for (int i = 0; i < size; i++) {
        b[i] = uriAt(i);
      }
      built = b;
    }
    return b;
  }

  private URI uriAt(int i) {
    @Nullable URI[] g = given;
    @Nullable URI uri = g != null && i < g.length ? g[i] : null;
    return uri != null ? uri : URI.create(texts[i]); // validated while parsing: cannot fail
  }

  @Override
  public int size() {
    return size;
  }
}
