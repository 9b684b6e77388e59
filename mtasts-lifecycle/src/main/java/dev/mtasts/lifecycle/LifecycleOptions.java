package dev.mtasts.lifecycle;

import dev.mtasts.tlsrpt.Triage;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The thresholds of the lifecycle guards.
 *
 * <pre>{@code
 * LifecycleOptions options = LifecycleOptions.defaults().withWindowDays(21).withMinDaysWithSessions(15);
 * }</pre>
 *
 * @param windowDays how many complete UTC days of TLS-RPT reports the enforce guard looks at
 *     (default 14)
 * @param minDaysWithSessions how many days of the window must have reported sessions, or empty for
 *     the default: 10 of 14, that is {@code ceil(windowDays * 10 / 14)} (senders report only on
 *     days they sent mail, so a small domain rarely has a report for every day)
 * @param maxFailures how many failed sessions not classed as safe to ignore the window may hold,
 *     or empty for the default: 0.1 % of the window's sessions or 10, whichever is larger
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
    OptionalInt minDaysWithSessions,
    OptionalLong maxFailures,
    double maxFailureRate,
    Duration minEnforceMaxAge,
    Duration farOffDeletion,
    Triage triage) {

  /** The default readiness window in days. */
  public static final int DEFAULT_WINDOW_DAYS = 14;

  /** The default number of days with sessions in a window of {@link #DEFAULT_WINDOW_DAYS}. */
  public static final int DEFAULT_MIN_DAYS_WITH_SESSIONS = 10;

  /** The last days of the window at least one report must cover: reports are still arriving. */
  public static final int RECENT_DAYS = 3;

  /** The smallest default failure threshold in sessions. */
  public static final long DEFAULT_MIN_FAILURE_THRESHOLD = 10;

  /**
   * Validates the thresholds.
   *
   * @param windowDays how many complete UTC days of TLS-RPT reports the enforce guard looks at
   * @param minDaysWithSessions how many days of the window must have sessions, or empty for the
   *     default
   * @param maxFailures how many failed sessions not classed as safe to ignore the window may hold,
   *     or empty for the default
   * @param maxFailureRate the share of failed sessions above which a warning is given
   * @param minEnforceMaxAge an enforce policy with a shorter {@code max_age} gets a warning
   * @param farOffDeletion a deletion whose cached policies may outlive it by more than this gets a
   *     warning
   * @param triage how failure groups are classified
   * @throws IllegalArgumentException if a value is out of range
   */
  public LifecycleOptions {
    if (windowDays < 1 || windowDays > 366) {
      throw new IllegalArgumentException("windowDays must be 1 to 366, not " + windowDays);
    }
    Objects.requireNonNull(minDaysWithSessions, "minDaysWithSessions");
    Objects.requireNonNull(maxFailures, "maxFailures");
    if (minDaysWithSessions.isPresent()
        && (minDaysWithSessions.getAsInt() < 1 || minDaysWithSessions.getAsInt() > windowDays)) {
      throw new IllegalArgumentException("minDaysWithSessions must be 1 to the window's "
          + windowDays + " days, not " + minDaysWithSessions.getAsInt());
    }
    if (maxFailures.isPresent() && maxFailures.getAsLong() < 0) {
      throw new IllegalArgumentException("maxFailures must not be negative: "
          + maxFailures.getAsLong());
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
   * Returns the defaults: a 14-day window of which 10 days have sessions, at most 0.1 % (at
   * least 10) failed sessions not safe to ignore, a 2 % failure-rate warning, one week minimum
   * enforce {@code max_age}, 7 days for a far-off deletion, the playbook triage.
   *
   * @return the default options
   */
  public static LifecycleOptions defaults() {
    return new LifecycleOptions(DEFAULT_WINDOW_DAYS, OptionalInt.empty(), OptionalLong.empty(),
        0.02, Duration.ofDays(7), Duration.ofDays(7), Triage.playbook());
  }

  /**
   * Returns the number of days with sessions the window needs: the option, or
   * {@code ceil(windowDays * 10 / 14)}.
   *
   * @return the number of days, 1 to {@link #windowDays()}
   */
  public int requiredDaysWithSessions() {
    if (minDaysWithSessions.isPresent()) {
      return minDaysWithSessions.getAsInt();
    }
    return (windowDays * DEFAULT_MIN_DAYS_WITH_SESSIONS + DEFAULT_WINDOW_DAYS - 1)
        / DEFAULT_WINDOW_DAYS;
  }

  /**
   * Returns the number of failed sessions not safe to ignore that a window with {@code sessions}
   * sessions may hold: the option, or 0.1 % of the sessions (rounded up) or 10, whichever is
   * larger.
   *
   * @param sessions the sessions of the window
   * @return the threshold
   */
  public long failureThreshold(long sessions) {
    if (maxFailures.isPresent()) {
      return maxFailures.getAsLong();
    }
    long share = sessions / 1000 + (sessions % 1000 == 0 ? 0 : 1);
    return Math.max(DEFAULT_MIN_FAILURE_THRESHOLD, share);
  }

  /**
   * Returns a copy with another readiness window; a minimum of days with sessions that no longer
   * fits the window is dropped for the default.
   *
   * @param days the number of complete UTC days
   * @return the new options
   */
  public LifecycleOptions withWindowDays(int days) {
    OptionalInt min = minDaysWithSessions.isPresent() && minDaysWithSessions.getAsInt() <= days
        ? minDaysWithSessions : OptionalInt.empty();
    return new LifecycleOptions(days, min, maxFailures, maxFailureRate, minEnforceMaxAge,
        farOffDeletion, triage);
  }

  /**
   * Returns a copy that needs {@code days} days with sessions in the window.
   *
   * @param days 1 to {@link #windowDays()}
   * @return the new options
   */
  public LifecycleOptions withMinDaysWithSessions(int days) {
    return new LifecycleOptions(windowDays, OptionalInt.of(days), maxFailures, maxFailureRate,
        minEnforceMaxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy that allows at most {@code sessions} failed sessions not safe to ignore.
   *
   * @param sessions the threshold, 0 or more
   * @return the new options
   */
  public LifecycleOptions withMaxFailures(long sessions) {
    return new LifecycleOptions(windowDays, minDaysWithSessions, OptionalLong.of(sessions),
        maxFailureRate, minEnforceMaxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another failure-rate threshold.
   *
   * @param rate the share, 0 to 1
   * @return the new options
   */
  public LifecycleOptions withMaxFailureRate(double rate) {
    return new LifecycleOptions(windowDays, minDaysWithSessions, maxFailures, rate,
        minEnforceMaxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another minimum enforce {@code max_age}.
   *
   * @param maxAge the minimum
   * @return the new options
   */
  public LifecycleOptions withMinEnforceMaxAge(Duration maxAge) {
    return new LifecycleOptions(windowDays, minDaysWithSessions, maxFailures, maxFailureRate,
        maxAge, farOffDeletion, triage);
  }

  /**
   * Returns a copy with another far-off deletion threshold.
   *
   * @param threshold the threshold
   * @return the new options
   */
  public LifecycleOptions withFarOffDeletion(Duration threshold) {
    return new LifecycleOptions(windowDays, minDaysWithSessions, maxFailures, maxFailureRate,
        minEnforceMaxAge, threshold, triage);
  }

  /**
   * Returns a copy with another triage strategy.
   *
   * @param strategy the strategy
   * @return the new options
   */
  public LifecycleOptions withTriage(Triage strategy) {
    return new LifecycleOptions(windowDays, minDaysWithSessions, maxFailures, maxFailureRate,
        minEnforceMaxAge, farOffDeletion, strategy);
  }
}
