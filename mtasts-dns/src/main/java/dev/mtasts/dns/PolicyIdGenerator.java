package dev.mtasts.dns;

import dev.mtasts.dns.internal.RandomIdGenerator;
import dev.mtasts.dns.internal.TimestampIdGenerator;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Makes the id for the next instance of a policy. A new id must differ from the current one, or
 * senders will not fetch the new policy (RFC 8461 §3.1).
 *
 * <pre>{@code
 * PolicyIdGenerator ids = PolicyIdGenerator.timestamp(Clock.systemUTC());
 * PolicyId next = ids.next(PolicyId.of("20240101120000"));  // e.g. 20261124134501
 * }</pre>
 */
public interface PolicyIdGenerator {
  /**
   * Returns an id that differs from {@code current} and is 1 to 32 ASCII letters and digits.
   *
   * @param current the id now published, or {@code null} if there is none
   * @return the new id
   */
  PolicyId next(@Nullable PolicyId current);

  /**
   * Returns a generator of timestamp ids {@code yyyyMMddHHmmss} in UTC, read from the clock.
   *
   * <p>When the current id is timestamp-shaped (14 digits forming a valid date and time, optionally
   * followed by a 3-digit counter) the new id sorts after it as a string: if the clock has not moved
   * past the current timestamp (two changes in one second, or a clock behind the published id) the
   * current timestamp gets the next counter ({@code 20240101120000} → {@code 20240101120000001});
   * after counter 999 the timestamp advances by one second. Other current ids are simply replaced
   * by the clock's timestamp (with counter {@code 001} in the unlikely case they are equal).
   *
   * @param clock the clock; its instant must lie in the years 0000 to 9999
   * @return the generator
   */
  static PolicyIdGenerator timestamp(Clock clock) {
    return new TimestampIdGenerator(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns a generator of random ids: 20 letters and digits (about 119 bits), never equal to the
   * current id.
   *
   * @param random the source of randomness, for example {@code new SecureRandom()}
   * @return the generator
   */
  static PolicyIdGenerator random(RandomGenerator random) {
    return new RandomIdGenerator(Objects.requireNonNull(random, "random"));
  }
}
