package dev.mtasts.tlsrpt.internal;

/**
 * Saturating session-count arithmetic. Every figure a summary holds stays in {@code [0, MAX]}: a
 * sum that would pass {@code MAX} stops there (and is then a lower bound), a difference that would
 * go below zero stops at zero, so no overflow can ever turn a count negative.
 */
public final class Counts {

  /**
   * The largest figure: 2^53 - 1, the largest count RFC 8460 reports carry (the reader refuses
   * larger ones) and the largest integer every JSON reader reads exactly.
   */
  public static final long MAX = (1L << 53) - 1;

  private Counts() {}

  /**
   * Returns {@code a + b}, at most {@link #MAX}.
   *
   * @param a a count, at least 0
   * @param b a count, at least 0
   * @return the saturated sum
   */
  public static long plus(long a, long b) {
    long s = a + b;
    return s < 0 || s > MAX ? MAX : s;
  }

  /**
   * Tells whether {@code a + b} saturates.
   *
   * @param a a count, at least 0
   * @param b a count, at least 0
   * @return {@code true} when the exact sum is above {@link #MAX}
   */
  public static boolean saturates(long a, long b) {
    long s = a + b;
    return s < 0 || s > MAX;
  }

  /**
   * Returns {@code a - b}, at least 0.
   *
   * @param a a count
   * @param b a count
   * @return the clamped difference
   */
  public static long minus(long a, long b) {
    return a <= b ? 0 : a - b;
  }

  /**
   * Returns the share of {@code total} that falls on part {@code i} of {@code n} equal parts,
   * rounded so that the shares of all parts add up to {@code total} exactly.
   *
   * @param total the count to spread, in {@code [0, MAX]}
   * @param i the part, {@code 0 <= i < n}
   * @param n the number of parts, {@code 1 <= n <= 1024}
   * @return the share of part {@code i}
   */
  public static long share(long total, int i, int n) {
    // total < 2^53 and n <= 2^10, so the products stay below 2^63.
    return total * (i + 1) / n - total * i / n;
  }
}
