package dev.mtasts.dns;

import dev.mtasts.dns.internal.RecordGrammar;
import java.util.Objects;

/**
 * The {@code id} of an {@code _mta-sts} TXT record: it names one instance of a domain's policy, and
 * a change of id tells senders to fetch the policy again (RFC 8461 §3.1).
 *
 * <p>RFC 8461 ids are 1 to 32 ASCII letters and digits; {@link #of(String)} accepts exactly those.
 * Ids compare by equality only: the RFC gives them no order. The canonical constructor also admits
 * the lenient shape (1 to 64 letters, digits, {@code -} and {@code _}) so that records read with
 * {@link ParseMode#LENIENT} can be represented; {@link #isRfcCompliant()} tells them apart. Such an
 * id can be inspected but not published: {@link StsRecord#of(PolicyId)}, {@link
 * StsRecord#withId(PolicyId)} and {@link ZoneFile#render(String, StsRecord, java.time.Duration)}
 * refuse it, since senders read the record strictly and would ignore it.
 *
 * <pre>{@code
 * PolicyId id = PolicyId.of("20160831085700Z");
 * }</pre>
 *
 * @param value the id text, case preserved
 */
public record PolicyId(String value) {
  /**
   * Validates the id against the lenient shape.
   *
   * @param value the id text
   * @throws IllegalArgumentException if the value is empty, longer than 64 characters, or holds
   *     anything but letters, digits, {@code -} and {@code _}
   */
  public PolicyId {
    Objects.requireNonNull(value, "value");
    if (!RecordGrammar.isLenientId(value)) {
      throw new IllegalArgumentException("policy id \"" + value + "\" is not even the lenient shape"
          + " this constructor admits (1 to 64 letters, digits, '-' and '_'); an RFC 8461 §3.1 id,"
          + " the only kind that can be published, is 1 to 32 letters and digits (PolicyId.of checks"
          + " exactly that)");
    }
  }

  /**
   * Throws unless this id follows RFC 8461 §3.1, for the places that publish it.
   *
   * @return this id
   * @throws IllegalArgumentException if the id is not 1 to 32 ASCII letters and digits
   */
  PolicyId requireRfcCompliant() {
    if (!isRfcCompliant()) {
      throw new IllegalArgumentException("policy id \"" + value + "\" is not 1 to 32 ASCII letters and"
          + " digits as RFC 8461 §3.1 requires: senders read the _mta-sts record strictly and would"
          + " ignore a record with it, leaving the domain with no policy; publish a new id (from"
          + " PolicyIdGenerator, or PolicyId.of) instead");
    }
    return this;
  }

  /**
   * Returns the id for a text that follows RFC 8461 §3.1: 1 to 32 ASCII letters and digits.
   *
   * @param value the id text
   * @return the id
   * @throws RecordParseException with code {@link RecordErrorCode#INVALID_ID} if the text is not a
   *     valid id; the column is that of the first offending character
   */
  public static PolicyId of(String value) {
    Objects.requireNonNull(value, "value");
    RecordGrammar.checkStrictId(value, 1);
    return new PolicyId(value);
  }

  /**
   * Tells whether a text is a valid RFC 8461 id: 1 to 32 ASCII letters and digits.
   *
   * @param value the text
   * @return whether {@link #of(String)} accepts it
   */
  public static boolean isValid(CharSequence value) {
    return RecordGrammar.isStrictId(value);
  }

  /**
   * Tells whether this id follows RFC 8461 §3.1 (only letters and digits, at most 32), as opposed to
   * the lenient shape seen in the wild.
   *
   * @return whether the id is RFC-compliant
   */
  public boolean isRfcCompliant() {
    return RecordGrammar.isStrictId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
