package dev.mtasts.dns;

import dev.mtasts.policy.Warning;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a DNS lookup by {@link MtaStsResolver}: found, no record, several records, an
 * invalid record, or a temporary failure.
 *
 * <p>Only {@link TemporaryFailure} says nothing about the domain: the DNS could not be asked. The
 * other outcomes are answers. Per RFC 8461 §3.1 and §5.1, neither a missing nor an unusable record
 * is by itself a reason to drop a cached policy; a temporary failure certainly is not.
 *
 * <pre>{@code
 * LookupResult<StsRecord> result = resolver.lookupStsBlocking("example.com");
 * if (result instanceof LookupResult.Found<StsRecord> found) {
 *   System.out.println(found.value().id());
 * } else if (result.isTemporary()) {
 *   // retry later; keep what is cached
 * }
 * }</pre>
 *
 * @param <T> {@link StsRecord}, {@link TlsRptRecord}, a list of {@link MxHost}, or a list of
 *     {@link java.net.InetAddress} (a host's addresses)
 */
public sealed interface LookupResult<T>
    permits LookupResult.Found, LookupResult.NoRecord, LookupResult.SeveralRecords,
        LookupResult.InvalidRecord, LookupResult.TemporaryFailure {

  /**
   * Returns the name that was queried, in A-labels without the trailing dot, for example {@code
   * _mta-sts.example.com}.
   *
   * @return the queried name
   */
  String name();

  /**
   * Returns the value if one was found.
   *
   * @return the value, or empty
   */
  default Optional<T> toOptional() {
    return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
  }

  /**
   * Tells whether the lookup failed for a reason that may go away (SERVFAIL, REFUSED, timeout,
   * network error), as opposed to an answer from the DNS.
   *
   * @return whether this is a {@link TemporaryFailure}
   */
  default boolean isTemporary() {
    return this instanceof TemporaryFailure;
  }

  /**
   * The record (or the MX hosts) was found.
   *
   * @param <T> the value type
   * @param name the queried name
   * @param value the record, or the MX hosts sorted by preference
   * @param warnings what the parser accepted but a publisher should fix
   */
  record Found<T>(String name, T value, List<Warning> warnings) implements LookupResult<T> {
    /**
     * Validates and copies the parts.
     *
     * @param name the queried name
     * @param value the value
     * @param warnings the warnings
     */
    public Found {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * The DNS answered that there is no such record.
   *
   * @param <T> the value type
   * @param name the queried name
   * @param reason why there is none
   */
  record NoRecord<T>(String name, NoRecordReason reason) implements LookupResult<T> {
    /**
     * Validates the parts.
     *
     * @param name the queried name
     * @param reason the reason
     */
    public NoRecord {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Several records of the kind exist; RFC 8461 §3.1 and RFC 8460 §3 treat this as no policy / no
   * reporting.
   *
   * @param <T> the value type
   * @param name the queried name
   * @param texts the competing records' texts
   */
  record SeveralRecords<T>(String name, List<String> texts) implements LookupResult<T> {
    /**
     * Validates and copies the parts.
     *
     * @param name the queried name
     * @param texts the texts
     */
    public SeveralRecords {
      Objects.requireNonNull(name, "name");
      texts = List.copyOf(texts);
    }
  }

  /**
   * Exactly one record of the kind exists but it is malformed; this counts as no policy / no
   * reporting.
   *
   * @param <T> the value type
   * @param name the queried name
   * @param text the record's text
   * @param error why it is invalid
   */
  record InvalidRecord<T>(String name, String text, RecordParseException error) implements LookupResult<T> {
    /**
     * Validates the parts.
     *
     * @param name the queried name
     * @param text the text
     * @param error the error
     */
    public InvalidRecord {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * The DNS could not give an answer; try again later.
   *
   * @param <T> the value type
   * @param name the queried name
   * @param kind what went wrong
   * @param message details for a log, naming the server where known
   */
  record TemporaryFailure<T>(String name, FailureKind kind, String message) implements LookupResult<T> {
    /**
     * Validates the parts.
     *
     * @param name the queried name
     * @param kind the kind of failure
     * @param message the details
     */
    public TemporaryFailure {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a lookup found no record. */
  enum NoRecordReason {
    /** The name does not exist (NXDOMAIN). */
    NXDOMAIN,
    /** The name exists but has no record of the queried type (NODATA). */
    NODATA,
    /** TXT records exist but none begins with the version tag. */
    NO_VERSION_TAG
  }

  /** What kind of temporary failure occurred. */
  enum FailureKind {
    /** The server answered SERVFAIL. */
    SERVFAIL,
    /** The server answered REFUSED. */
    REFUSED,
    /** No answer within the timeout, after all retries. */
    TIMEOUT,
    /** A network error (unreachable, connection refused, reset). */
    NETWORK,
    /** A malformed answer or an unexpected response code. */
    BAD_RESPONSE,
    /** A CNAME chain longer than 8 links or a loop; recursive resolvers answer SERVFAIL for it. */
    CNAME_LOOP
  }
}
