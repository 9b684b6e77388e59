package dev.mtasts.lifecycle;

import dev.mtasts.tlsrpt.Triage;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the lifecycle guards.
 *
 * <pre>{@code
 * LifecycleOptions options = LifecycleOptions.defaults().withWindowDays(21);
 * }</pre>
 *
 * @param windowDays how many complete UTC days of TLS-RPT reports the enforce guard looks at
 *     (default 14)
 * @param maxFailureRate the share of failed sessions in the window above which a warning is given
 *     (default 0.02, that is 2 %)
 * @param minEnforceMaxAge an enforce policy with a shorter {@code max_age} gets a warning
 *     (default one week; RFC 8461 §10.2 prefers long lifetimes)
 * @param farOffDeletion a deletion whose cached policies may outlive it by more than this gets a
 *     warning that recommends mode none first (default 7 days)
 * @param triage how failure groups are classified (default {@link Triage#playbook()})
 */
public record LifecycleOptions(
    int windowDays,
    double maxFailureRate,
    Duration minEnforceMaxAge,
    Duration farOffDeletion,
    Triage triage) {

  /** The default readiness window in days. */
  public static final int DEFAULT_WINDOW_DAYS = 14;

  /**
   * Validates the thresholds.
   *
   * @param windowDays how many complete UTC days of TLS-RPT reports the enforce guard looks at
   *     (default 14)
   * @param maxFailureRate the share of failed sessions in the window above which a warning is given
   *     (default 0.02, that is 2 %)
   * @param minEnforceMaxAge an enforce policy with a shorter {@code max_age} gets a warning
   *     (default one week; RFC 8461 §10.2 prefers long lifetimes)
   * @param farOffDeletion a deletion whose cached policies may outlive it by more than this gets a
   *     warning that recommends mode none first (default 7 days)
   * @param triage how failure groups are classified (default {@link Triage#playbook()})
   * @throws IllegalArgumentException if a value is out of range
   */
  public LifecycleOptions {
    if (windowDays < 1 || windowDays > 366) {
      throw new IllegalArgumentException("windowDays must be 1 to 366, not " + windowDays);
    }
    if (!(maxFailureRate >= 0 && maxFailureRate <= 1)) {
      throw new IllegalArgumentException("maxFailureRate must be 0 to 1, not " + maxFailureRate);
    }
    Objects.requireNonNull(minEnforceMaxAge, "minEnforceMaxAge");
    Objects.requireNonNull(farOffDeletion, "farOffDeletion");
    Objects.requireNonNull(triage, "triage");
    if (minEnforceMaxAge.isNegative() || farOffDeletion.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /**
   * Returns the defaults: a 14-day window, 2 % failure rate, one week minimum enforce
   * {@code max_age}, 7 days for a far-off deletion, the playbook triage.
   *
   * @return the default options
   */
  public static LifecycleOptions defaults() {
    return new LifecycleOptions(DEFAULT_WINDOW_DAYS, 0.02, Duration.ofDays(7), Duration.ofDays(7),
        Triage.playbook());
  }

  /**
   * Returns a copy with another readiness window.
   *
   * @param days the number of complete UTC days
   * @return the new options
   */
  public LifecycleOptions withWindowDays(int days) {
    return new LifecycleOptions(days, maxFailureRate, minEnforceMaxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another failure-rate threshold.
   *
   * @param rate the share, 0 to 1
   * @return the new options
   */
  public LifecycleOptions withMaxFailureRate(double rate) {
    return new LifecycleOptions(windowDays, rate, minEnforceMaxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another minimum enforce {@code max_age}.
   *
   * @param maxAge the minimum
   * @return the new options
   */
  public LifecycleOptions withMinEnforceMaxAge(Duration maxAge) {
    return new LifecycleOptions(windowDays, maxFailureRate, maxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another far-off deletion threshold.
   *
   * @param threshold the threshold
   * @return the new options
   */
  public LifecycleOptions withFarOffDeletion(Duration threshold) {
    return new LifecycleOptions(windowDays, maxFailureRate, minEnforceMaxAge, threshold, triage);
  }

  /**
   * Returns a copy with another triage strategy.
   *
   * @param strategy the strategy
   * @return the new options
   */
  public LifecycleOptions withTriage(Triage strategy) {
    return new LifecycleOptions(windowDays, maxFailureRate, minEnforceMaxAge, farOffDeletion, strategy);
  }
}
