package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.internal.FileLock;
import dev.mtasts.lifecycle.internal.HistoryJson;
import dev.mtasts.lifecycle.internal.HistoryRules;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.internal.files.AtomicFile;
import dev.mtasts.policy.internal.files.IoMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What was published for one domain: every policy with its id and when it started and stopped
 * being served. Plans made on different days read the same history, so they agree about when
 * every cached policy has expired (RFC 8461 §8.3: "older policies may have had longer max_age").
 *
 * <p>Persisted as a small JSON document, written atomically:
 *
 * <pre>{@code
 * PublicationHistory history = PublicationHistory.read(path, "example.com");
 * history = history.served(PolicyId.of("20261124T1000"), policy, clock.instant());
 * history.write(path);
 * }</pre>
 *
 * <p>When several processes may record events in the same file, {@link #update(Path, String,
 * UnaryOperator)} reads, changes and writes it under one lock, so no event is lost:
 *
 * <pre>{@code
 * PublicationHistory.update(path, "example.com", h -> h.stopped(clock.instant()));
 * }</pre>
 *
 * <p>A history file holds at most {@link #MAX_ENTRIES} entries and {@link #MAX_FILE_BYTES} bytes;
 * reading a larger one fails with {@link HistoryFormatException.Code#TOO_MANY_ENTRIES} or {@link
 * HistoryFormatException.Code#INPUT_TOO_LARGE} after reading no more than the byte limit.
 *
 * @param domain the policy domain, lower case
 * @param entries the served policies in serving order; only the last may still be served
 */
public record PublicationHistory(String domain, List<ServedPolicy> entries) {
  /**
   * The largest history file read or written, in bytes (4 MiB; a history of ten years of daily
   * policy changes has about 1 MB).
   */
  public static final int MAX_FILE_BYTES = HistoryJson.MAX_BYTES;

  /** The most entries a history file may hold (5,000). */
  public static final int MAX_ENTRIES = HistoryJson.MAX_ENTRIES;

  /**
   * Validates the history.
   *
   * @param domain the policy domain, lower case
   * @param entries the served policies in serving order; only the last may still be served
   * @throws IllegalArgumentException if the domain is not a domain name, or entries overlap, are
   *     out of order, or an entry other than the last is still open
   */
  public PublicationHistory {
    domain = DomainName.of(Objects.requireNonNull(domain, "domain")).toString();
    entries = List.copyOf(entries);
    HistoryRules.Problem problem = HistoryRules.firstProblem(entries);
    if (problem != null) {
      throw new IllegalArgumentException(problem.message());
    }
  }

  /**
   * Returns the history of a domain on which nothing was ever published.
   *
   * @param domain the policy domain
   * @return an empty history
   */
  public static PublicationHistory empty(String domain) {
    return new PublicationHistory(domain, List.of());
  }

  /**
   * Reads a history file, or returns an empty history when the file does not exist.
   *
   * @param file the history file
   * @param domain the domain the file must belong to
   * @return the history
   * @throws HistoryFormatException if the file is broken, hand-edited into an invalid state,
   *     over the size limits ({@link #MAX_FILE_BYTES}, {@link #MAX_ENTRIES}), or belongs to
   *     another domain
   * @throws MtaStsException if the file exists but cannot be read
   */
  public static PublicationHistory read(Path file, String domain) {
    String expected = DomainName.of(domain).toString();
    PublicationHistory history;
    try (InputStream in = Files.newInputStream(file)) {
      history = HistoryJson.read(in);
    } catch (NoSuchFileException e) {
      return empty(expected);
    } catch (IOException e) {
      throw new MtaStsException("cannot read publication history " + file + ": "
          + IoMessages.describe(e), e);
    }
    if (!history.domain().equals(expected)) {
      throw new HistoryFormatException(HistoryFormatException.Code.INVALID_DOMAIN, "$.domain", 0, 0,
          "the file is the history of " + history.domain() + ", not of " + expected, null);
    }
    return history;
  }

  /**
   * Parses a history from its JSON text.
   *
   * @param json the document
   * @return the history
   * @throws HistoryFormatException if the document is not a valid history
   */
  public static PublicationHistory parse(String json) {
    return HistoryJson.parse(json);
  }

  /**
   * Returns the JSON document of this history, as {@link #write(Path)} stores it.
   *
   * @return the JSON text, ending with a line feed
   */
  public String toJson() {
    return HistoryJson.write(this);
  }

  /**
   * Writes the history atomically: to a temporary file in the same folder, forced to disk, then
   * renamed over {@code file}. A crash at any moment leaves either the old or the new file. The
   * write holds the lock {@code <file>.lock} (see {@link #update(Path, String, UnaryOperator)}),
   * so it never lands inside another process's update.
   *
   * @param file the history file
   * @throws MtaStsException if the file cannot be written, if another writer holds the lock for
   *     more than 30 seconds, or if the history is over {@link #MAX_ENTRIES} or {@link
   *     #MAX_FILE_BYTES} (it could not be read back); the old file is then unchanged
   */
  public void write(Path file) {
    byte[] bytes = checkedBytes();
    FileLock.locked(file, () -> {
      AtomicFile.write(file, out -> out.write(bytes));
      return this;
    });
  }

  /**
   * Reads the history in {@code file}, applies {@code change} and writes the result, all under
   * the lock {@code <file>.lock}: of two processes updating the same file at once, the second
   * sees the first one's result, and no event is lost. The lock is an OS file lock, released
   * when the process ends however it ends.
   *
   * @param file the history file (a missing file is an empty history)
   * @param domain the domain the file must belong to
   * @param change turns the current history into the new one (of the same domain)
   * @return the history now in the file
   * @throws HistoryFormatException if the file is not a valid history of {@code domain}
   * @throws IllegalArgumentException if {@code change} returns the history of another domain
   * @throws MtaStsException if the file cannot be read or written, or another writer holds the
   *     lock for more than 30 seconds; the file is then unchanged
   */
  public static PublicationHistory update(Path file, String domain,
      UnaryOperator<PublicationHistory> change) {
    Objects.requireNonNull(change, "change");
    return FileLock.locked(file, () -> {
      PublicationHistory current = read(file, domain);
      PublicationHistory next = Objects.requireNonNull(change.apply(current), "change result");
      if (!next.domain().equals(current.domain())) {
        throw new IllegalArgumentException("the change turned the history of " + current.domain()
            + " into one of " + next.domain());
      }
      if (!next.equals(current)) {
        byte[] bytes = next.checkedBytes();
        AtomicFile.write(file, out -> out.write(bytes));
      }
      return next;
    });
  }

  private byte[] checkedBytes() {
    if (entries.size() > MAX_ENTRIES) {
      throw new MtaStsException("the history of " + domain + " has " + entries.size()
          + " entries, more than the " + MAX_ENTRIES + " a history file may hold; nothing was"
          + " written");
    }
    byte[] bytes = toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new MtaStsException("the history of " + domain + " takes " + bytes.length
          + " bytes, more than the " + MAX_FILE_BYTES + " a history file may hold; nothing was"
          + " written");
    }
    return bytes;
  }

  /**
   * Returns the policy being served now, if any.
   *
   * @return the open entry
   */
  public Optional<ServedPolicy> current() {
    if (entries.isEmpty() || !entries.get(entries.size() - 1).open()) {
      return Optional.empty();
    }
    return Optional.of(entries.get(entries.size() - 1));
  }

  /**
   * Returns the latest instant the history records (a start or a stop).
   *
   * @return the instant, or empty for an empty history
   */
  public Optional<Instant> lastEvent() {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    ServedPolicy last = entries.get(entries.size() - 1);
    return Optional.of(last.until() != null ? last.until() : last.from());
  }

  /**
   * Returns every id ever published, so a new id never repeats one a sender may still cache
   * (ids are compared for equality only, RFC 8461 §3.1).
   *
   * @return the ids
   */
  public Set<PolicyId> ids() {
    Set<PolicyId> ids = new HashSet<>();
    for (ServedPolicy entry : entries) {
      ids.add(entry.id());
    }
    return Set.copyOf(ids);
  }

  /**
   * Records that a new policy is served from {@code at}; the current one, if any, stops then.
   *
   * @param id the TXT id the new policy is published under
   * @param policy the new policy
   * @param at when the new file started being served
   * @return the extended history
   * @throws IllegalArgumentException if {@code at} is before the last recorded event
   */
  public PublicationHistory served(PolicyId id, MtaStsPolicy policy, Instant at) {
    List<ServedPolicy> next = closeOpen(at);
    next.add(ServedPolicy.servedSince(id, policy, at));
    return new PublicationHistory(domain, next);
  }

  /**
   * Records that the policy file stopped being served at {@code at} (the domain is being deleted).
   *
   * @param at when the file was removed
   * @return the updated history
   * @throws IllegalStateException if no policy is being served
   * @throws IllegalArgumentException if {@code at} is before the last recorded event
   */
  public PublicationHistory stopped(Instant at) {
    if (current().isEmpty()) {
      throw new IllegalStateException("no policy of " + domain + " is being served");
    }
    return new PublicationHistory(domain, closeOpen(at));
  }

  private List<ServedPolicy> closeOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    Optional<Instant> last = lastEvent();
    if (last.isPresent() && at.isBefore(last.get())) {
      throw new IllegalArgumentException(at + " is before the last recorded event " + last.get());
    }
    List<ServedPolicy> next = new ArrayList<>(entries);
    if (!next.isEmpty() && next.get(next.size() - 1).open()) {
      next.set(next.size() - 1, next.get(next.size() - 1).closedAt(at));
    }
    return next;
  }

  /**
   * Returns the earliest instant the recorded facts allow for every cached policy to have
   * expired: each policy's stop (or, while still served, the last recorded event) plus its
   * {@code max_age}. Recording more events never makes it earlier.
   *
   * @return the instant, or empty when nothing was ever published
   */
  public Optional<Instant> cacheExpiry() {
    return lastEvent().map(this::cacheExpiry);
  }

  /**
   * Returns the instant at which every policy any sender may still cache has expired, if the
   * policy still served stopped being served at {@code stop} (or now, if the history is later).
   *
   * @param stop when the current policy (if any) stops being served
   * @return the latest {@link ServedPolicy#cachedUntil(Instant)} over all entries, or
   *     {@code stop} itself for an empty history
   */
  public Instant cacheExpiry(Instant stop) {
    Optional<ServedPolicy> longest = longestCached(stop);
    return longest.isEmpty() ? stop : longest.get().cachedUntil(latest(stop));
  }

  /**
   * Returns the entry that may stay cached longest if the current policy stopped at {@code stop}.
   *
   * @param stop when the current policy (if any) stops being served
   * @return the entry with the latest cache expiry, or empty for an empty history
   */
  public Optional<ServedPolicy> longestCached(Instant stop) {
    Instant effectiveStop = latest(stop);
    @Nullable ServedPolicy best = null;
    for (ServedPolicy entry : entries) {
      if (best == null || entry.cachedUntil(effectiveStop).isAfter(best.cachedUntil(effectiveStop))) {
        best = entry;
      }
    }
    return Optional.ofNullable(best);
  }

  private Instant latest(Instant stop) {
    Optional<Instant> last = lastEvent();
    return last.isPresent() && last.get().isAfter(stop) ? last.get() : stop;
  }
}
