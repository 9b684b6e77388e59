package dev.mtasts.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A TXT record as written: the version tag, then each field preceded by its delimiter, then an
 * optional trailing delimiter. Mutations change one part.
 *
 * @param version the version tag, such as {@code v=STSv1}
 * @param delimiters the delimiter before each field, such as {@code "; "}
 * @param fields the fields, such as {@code id=abc}
 * @param trailing the trailing delimiter, possibly empty
 */
public record TxtLayout(String version, List<String> delimiters, List<String> fields, String trailing) {
  /**
   * Copies the lists.
   *
   * @param version the version tag
   * @param delimiters the delimiters
   * @param fields the fields
   * @param trailing the trailing delimiter
   */
  public TxtLayout {
    delimiters = List.copyOf(delimiters);
    fields = List.copyOf(fields);
  }

  /**
   * Returns the record text.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder(version);
    for (int i = 0; i < fields.size(); i++) {
      b.append(delimiters.get(i)).append(fields.get(i));
    }
    return b.append(trailing).toString();
  }

  /**
   * Returns a copy with another version tag.
   *
   * @param v the version tag
   * @return the layout
   */
  public TxtLayout withVersion(String v) {
    return new TxtLayout(v, delimiters, fields, trailing);
  }

  /**
   * Returns a copy with field {@code i} replaced.
   *
   * @param i the index
   * @param field the field text
   * @return the layout
   */
  public TxtLayout withField(int i, String field) {
    List<String> f = new ArrayList<>(fields);
    f.set(i, field);
    return new TxtLayout(version, delimiters, f, trailing);
  }

  /**
   * Returns a copy with delimiter {@code i} replaced.
   *
   * @param i the index
   * @param delimiter the delimiter
   * @return the layout
   */
  public TxtLayout withDelimiter(int i, String delimiter) {
    List<String> d = new ArrayList<>(delimiters);
    d.set(i, delimiter);
    return new TxtLayout(version, d, fields, trailing);
  }

  /**
   * Returns a copy with a field added at the end.
   *
   * @param field the field text
   * @return the layout
   */
  public TxtLayout plusField(String field) {
    List<String> f = new ArrayList<>(fields);
    List<String> d = new ArrayList<>(delimiters);
    f.add(field);
    d.add("; ");
    return new TxtLayout(version, d, f, trailing);
  }

  /**
   * Returns a copy without field {@code i}.
   *
   * @param i the index
   * @return the layout
   */
  public TxtLayout minusField(int i) {
    List<String> f = new ArrayList<>(fields);
    List<String> d = new ArrayList<>(delimiters);
    f.remove(i);
    String removed = d.remove(i);
    if (i == 0 && !d.isEmpty()) {
      d.set(0, removed);
    }
    return new TxtLayout(version, d, f, trailing);
  }

  /**
   * Returns a copy with another trailing delimiter.
   *
   * @param t the trailing text
   * @return the layout
   */
  public TxtLayout withTrailing(String t) {
    return new TxtLayout(version, delimiters, fields, t);
  }

  /**
   * Returns the index of the first field starting with the prefix, or -1.
   *
   * @param prefix such as {@code id=}
   * @return the index
   */
  public int indexOf(String prefix) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
