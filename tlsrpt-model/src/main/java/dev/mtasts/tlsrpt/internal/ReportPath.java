package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * A JSON path inside a report ({@code $.policies[0].failure-details[3]}), built a step at a time
 * as the reader descends and turned into text only when a warning or an error needs it. Each
 * step is a member name or an array index.
 */
public final class ReportPath {
  /** The document as a whole: {@code $}. */
  public static final ReportPath ROOT = new ReportPath(null, null, -1);

  private final @Nullable ReportPath parent;
  private final @Nullable String member;
  private final int index;

  private ReportPath(@Nullable ReportPath parent, @Nullable String member, int index) {
    this.parent = parent;
    this.member = member;
    this.index = index;
  }

  /**
   * Returns the path of a member of the object at this path.
   *
   * @param name the member name
   * @return the longer path
   */
  public ReportPath member(String name) {
    return new ReportPath(this, name, -1);
  }

  /**
   * Returns the path of an element of the array at this path.
   *
   * @param i the index, from 0
   * @return the longer path
   */
  public ReportPath index(int i) {
    return new ReportPath(this, null, i);
  }

  @Override
  public String toString() {
    // Iterative: the depth is bounded by the reader, but the text is built without recursion.
    int steps = 0;
    for (ReportPath p = this; p.parent != null; p = p.parent) {
      steps++;
    }
    ReportPath[] chain = new ReportPath[steps];
    int i = steps;
    for (ReportPath p = this; p.parent != null; p = p.parent) {
      chain[--i] = p;
    }
    StringBuilder sb = new StringBuilder("$");
    for (ReportPath p : chain) {
      if (p.member != null) {
        sb.append('.').append(p.member);
      } else {
        sb.append('[').append(p.index).append(']');
      }
    }
    return sb.toString();
  }
}
