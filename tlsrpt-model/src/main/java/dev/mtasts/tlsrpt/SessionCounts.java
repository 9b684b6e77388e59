package dev.mtasts.tlsrpt;

import java.util.OptionalDouble;

/**
 * Successful and failed session counts.
 *
 * @param successful sessions that negotiated policy-compliant TLS
 * @param failed sessions that failed
 */
public record SessionCounts(long successful, long failed) {

  /** No sessions. */
  public static final SessionCounts ZERO = new SessionCounts(0, 0);

  /**
   * The largest count a sum reaches: 2^53 - 1 (9007199254740991), the largest count RFC 8460
   * readers accept and the largest integer every JSON reader reads exactly. {@link #plus} and
   * {@link #total} saturate here, so no sum ever overflows into a negative count.
   */
  public static final long MAX_COUNT = (1L << 53) - 1;

  /**
   * Checks the counts.
   *
   * @param successful the {@code successful} component
   * @param failed the {@code failed} component
   * @throws IllegalArgumentException when a count is negative
   */
  public SessionCounts {
    if (successful < 0 || failed < 0) {
      throw new IllegalArgumentException("negative session count: " + successful + ", " + failed);
    }
  }

  /**
   * Returns the number of sessions.
   *
   * @return successful plus failed, at most {@link #MAX_COUNT} (or the larger count, when one
   *     is already above it)
   */
  public long total() {
    return saturatingSum(successful, failed);
  }

  private static long saturatingSum(long a, long b) {
    long s = a + b;
    return s < 0 || s > MAX_COUNT ? Math.max(MAX_COUNT, Math.max(a, b)) : s;
  }

  /**
   * Returns the share of successful sessions, empty when there were no sessions at all.
   *
   * @return a value in [0, 1], or empty
   */
  public OptionalDouble successRate() {
    long total = total();
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) successful / total);
  }

  /**
   * Returns the sum of these counts and others, each saturating at {@link #MAX_COUNT} (or at the
   * larger count, when one is already above it).
   *
   * @param other the other counts
   * @return the sum
   */
  public SessionCounts plus(SessionCounts other) {
    return new SessionCounts(
        saturatingSum(successful, other.successful), saturatingSum(failed, other.failed));
  }
}
