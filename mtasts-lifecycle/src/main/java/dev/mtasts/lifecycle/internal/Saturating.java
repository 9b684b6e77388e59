package dev.mtasts.lifecycle.internal;

/** Session sums that stop at {@link Long#MAX_VALUE} instead of wrapping to a negative count. */
final class Saturating {
  private Saturating() {}

  static long add(long a, long b) {
    long sum = a + b;
    // Both are counts (never negative): a wrap shows as a negative sum.
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
