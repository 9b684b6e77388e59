package dev.mtasts.tlsrpt.internal;

/**
 * Mutable counters behind one aggregation key. Cells owned by an accumulator are updated in place;
 * cells reachable from a snapshot are never changed again (a merge replaces them).
 */
public final class Cell {
  /** First counter: reports (day and policy keys) or failed sessions (failure keys). */
  public long a;
  /** Second counter: successful sessions. */
  public long b;
  /** Third counter: failed sessions. */
  public long c;
  /** Fourth counter: 1 when the day is covered by at least one report (combined by maximum). */
  public long d;

  /** Creates a zero cell. */
  public Cell() {}

  /**
   * Returns a copy.
   *
   * @return a new cell with the same counters
   */
  public Cell copy() {
    Cell x = new Cell();
    x.a = a;
    x.b = b;
    x.c = c;
    x.d = d;
    return x;
  }

  /**
   * Adds another cell's counters to this one (the coverage flag {@code d} by maximum).
   *
   * @param o the other cell
   */
  public void addAll(Cell o) {
    a += o.a;
    b += o.b;
    c += o.c;
    d = Math.max(d, o.d);
  }

  /**
   * Returns a new cell holding the sum of this and another.
   *
   * @param o the other cell
   * @return the sum
   */
  public Cell plus(Cell o) {
    Cell x = copy();
    x.addAll(o);
    return x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cell
        && ((Cell) o).a == a
        && ((Cell) o).b == b
        && ((Cell) o).c == c
        && ((Cell) o).d == d;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a) * 31 * 31 * 31
        + Long.hashCode(b) * 31 * 31
        + Long.hashCode(c) * 31
        + Long.hashCode(d);
  }

  @Override
  public String toString() {
    return "[" + a + "," + b + "," + c + "," + d + "]";
  }
}
