package dev.mtasts.tlsrpt.mail;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What posting a report came to (RFC 8460 §5.4, §5.5).
 *
 * @param delivered whether a receiver answered with a 2xx status
 * @param attempts how many requests were made
 * @param status the last HTTP status, or 0 when the last attempt got no answer
 * @param failure why the last attempt failed (a status line or an I/O error), or {@code null}
 *     when delivered
 * @param firstAttempt when the first request was made
 * @param lastAttempt when the last request was made
 */
public record PostResult(
    boolean delivered,
    int attempts,
    int status,
    @Nullable String failure,
    Instant firstAttempt,
    Instant lastAttempt) {

  /**
   * Checks the components.
   *
   * @param delivered the {@code delivered} component
   * @param attempts the {@code attempts} component
   * @param status the {@code status} component
   * @param failure the {@code failure} component
   * @param firstAttempt the {@code firstAttempt} component
   * @param lastAttempt the {@code lastAttempt} component
   */
  public PostResult {
    Objects.requireNonNull(firstAttempt, "firstAttempt");
    Objects.requireNonNull(lastAttempt, "lastAttempt");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
  }
}
