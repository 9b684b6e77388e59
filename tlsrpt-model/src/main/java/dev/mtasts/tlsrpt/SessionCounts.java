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
   * @return successful plus failed
   */
  public long total() {
    return successful + failed;
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
   * Returns the sum of these counts and others.
   *
   * @param other the other counts
   * @return the sum
   */
  public SessionCounts plus(SessionCounts other) {
    return new SessionCounts(successful + other.successful, failed + other.failed);
  }
}
