package dev.mtasts.sender.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers failed GETs per Policy Domain and TXT id for the back-off time (RFC 8461 §3.3: wait
 * at least 5 minutes before a new GET for the same version). Bounded: the oldest failures are
 * forgotten first. Thread-safe; no I/O under its lock.
 */
public final class FetchBackoff {
  private record Failure(Instant until, RuntimeException error) {}

  private final Duration backoff;
  private final int maxEntries;
  private final LinkedHashMap<String, Failure> failures;

  /**
   * Creates the record of failures.
   *
   * @param backoff how long after a failure no GET is sent; zero disables the back-off
   * @param maxEntries how many failures are remembered at most
   */
  public FetchBackoff(Duration backoff, int maxEntries) {
    this.backoff = backoff;
    this.maxEntries = maxEntries;
    this.failures = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
        return size() > FetchBackoff.this.maxEntries;
      }
    };
  }

  private static String key(String domain, String id) {
    return domain + '\u0000' + id;
  }

  /**
   * Returns the failure that still blocks a GET for this domain and id.
   *
   * @param domain the Policy Domain
   * @param id the TXT id, or empty
   * @param now the time now
   * @return the earlier failure, or {@code null} when a GET may be sent
   */
  public synchronized @Nullable RuntimeException blocking(String domain, String id, Instant now) {
    String k = key(domain, id);
    Failure f = failures.get(k);
    if (f == null) {
      return null;
    }
    if (!now.isBefore(f.until())) {
      failures.remove(k);
      return null;
    }
    return f.error();
  }

  /**
   * Returns when a GET may be sent again for this domain and id.
   *
   * @param domain the Policy Domain
   * @param id the TXT id, or empty
   * @return the instant, or {@code null} when there is no recent failure
   */
  public synchronized @Nullable Instant retryAt(String domain, String id) {
    Failure f = failures.get(key(domain, id));
    return f == null ? null : f.until();
  }

  /**
   * Records a failed GET.
   *
   * @param domain the Policy Domain
   * @param id the TXT id, or empty
   * @param error the failure
   * @param now when it failed
   */
  public synchronized void failed(String domain, String id, RuntimeException error, Instant now) {
    if (!backoff.isZero()) {
      failures.put(key(domain, id), new Failure(now.plus(backoff), error));
    }
  }

  /**
   * Forgets the failures of a domain and id after a successful GET.
   *
   * @param domain the Policy Domain
   * @param id the TXT id, or empty
   */
  public synchronized void succeeded(String domain, String id) {
    failures.remove(key(domain, id));
  }
}
