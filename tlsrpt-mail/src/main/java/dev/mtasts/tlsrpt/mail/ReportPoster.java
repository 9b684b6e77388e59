package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import dev.mtasts.tlsrpt.mail.internal.Printable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Delivers a report by HTTPS POST (RFC 8460 §5.4): the gzip report with {@code Content-Type:
 * application/tlsrpt+gzip}; only a 2xx answer is success. A failed attempt is retried with
 * exponential back-off (1 minute, doubling, at most 2 hours apart) for up to 24 hours after the
 * first (§5.5), except after a 4xx answer other than 408 and 429, which a retry cannot change.
 *
 * <pre>{@code
 * PostResult r = ReportPoster.newDefault().post(report, URI.create("https://tlsrpt.example.com/v1"));
 * if (!r.delivered()) log.warn("report not delivered after " + r.attempts() + ": " + r.failure());
 * }</pre>
 *
 * <p>The clock and the waiting are injected so a test can run 24 hours of retries at once.
 * Instances are immutable and thread-safe.
 */
public final class ReportPoster {

  /** How the poster waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** RFC 8460 §5.5: retry for up to 24 hours after the first attempt. */
  public static final Duration RETRY_FOR = Duration.ofHours(24);

  private static final Duration FIRST_DELAY = Duration.ofMinutes(1);
  private static final Duration MAX_DELAY = Duration.ofHours(2);

  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final Duration retryFor;

  private ReportPoster(HttpClient client, Clock clock, Sleeper sleeper, Duration timeout,
      Duration retryFor) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.retryFor = retryFor;
  }

  /**
   * Returns a poster with the JDK's HTTP client (default trust, redirects not followed), the UTC
   * clock, a 30-second timeout per request and retries for 24 hours.
   *
   * @return the poster
   */
  public static ReportPoster newDefault() {
    return of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(),
        Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(30), RETRY_FOR);
  }

  /**
   * Returns a poster.
   *
   * @param client the HTTP client (its TLS trust decides which receivers are accepted)
   * @param clock the clock
   * @param sleeper how to wait between attempts
   * @param timeout the longest one request may take, answer included
   * @param retryFor how long after the first attempt a retry may still start (24 hours per RFC
   *     8460 §5.5; zero for a single attempt)
   * @return the poster
   * @throws IllegalArgumentException when the timeout is not positive or the retry span negative
   *     or over 24 hours
   */
  public static ReportPoster of(HttpClient client, Clock clock, Sleeper sleeper, Duration timeout,
      Duration retryFor) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retryFor, "retryFor");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (retryFor.isNegative() || retryFor.compareTo(RETRY_FOR) > 0) {
      throw new IllegalArgumentException("retryFor must be 0 to 24 hours: " + retryFor);
    }
    return new ReportPoster(client, clock, sleeper, timeout, retryFor);
  }

  /**
   * Posts a report, retrying as the class describes.
   *
   * @param report the report
   * @param uri the {@code https:} URI of the policy domain's {@code rua}
   * @return the outcome
   * @throws IllegalArgumentException when the URI is not {@code https:} or {@code http:}
   */
  public PostResult post(TlsRptReport report, URI uri) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(uri, "uri");
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("the URI must be https: (RFC 8460 §5.4), found " + uri);
    }
    byte[] body = TlsRptWriter.compact().writeGzip(report);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/tlsrpt+gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    Instant first = clock.instant();
    Instant deadline = first.plus(retryFor);
    Duration delay = FIRST_DELAY;
    int attempts = 0;
    while (true) {
      Instant now = clock.instant();
      attempts++;
      int status = 0;
      String failure;
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        status = response.statusCode();
        if (status >= 200 && status < 300) {
          return new PostResult(true, attempts, status, null, first, now);
        }
        failure = "HTTP " + status;
      } catch (IOException e) {
        failure = Printable.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PostResult(false, attempts, 0, "interrupted", first, now);
      }
      boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
      Instant next = clock.instant().plus(delay);
      if (permanent || next.isAfter(deadline)) {
        return new PostResult(false, attempts, status, failure, first, now);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PostResult(false, attempts, status, failure, first, now);
      }
      delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
    }
  }
}
