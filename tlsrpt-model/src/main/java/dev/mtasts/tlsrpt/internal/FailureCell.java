package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * The figure behind one {@link FailureKey}: the failed sessions, and how many failure details (or
 * undetailed remainders) contributed them.
 */
public final class FailureCell {
  private long failedSessions;
  private long entries;

  /**
   * Creates a cell with the given figures (as read back from a serialised form).
   *
   * @param failedSessions the failed sessions
   * @param entries the failure details that contributed
   */
  public FailureCell(long failedSessions, long entries) {
    this.failedSessions = failedSessions;
    this.entries = entries;
  }

  /**
   * Returns the failed sessions.
   *
   * @return the count
   */
  public long failedSessions() {
    return failedSessions;
  }

  /**
   * Returns how many failure details contributed.
   *
   * @return the count
   */
  public long entries() {
    return entries;
  }

  FailureCell copy() {
    return new FailureCell(failedSessions, entries);
  }

  boolean apply(int sign, long count) {
    if (sign > 0) {
      boolean sat = Counts.saturates(failedSessions, count);
      failedSessions = Counts.plus(failedSessions, count);
      entries = Counts.plus(entries, 1);
      return sat;
    }
    failedSessions = Counts.minus(failedSessions, count);
    entries = Counts.minus(entries, 1);
    return false;
  }

  void addAll(FailureCell o) {
    failedSessions = Counts.plus(failedSessions, o.failedSessions);
    entries = Counts.plus(entries, o.entries);
  }

  boolean isEmpty() {
    return entries == 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FailureCell c && c.failedSessions == failedSessions && c.entries == entries;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(failedSessions) * 31 + Long.hashCode(entries);
  }

  @Override
  public String toString() {
    return "FailureCell[failed=" + failedSessions + ", entries=" + entries + "]";
  }
}
