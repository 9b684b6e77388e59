package dev.mtasts.policy;

import java.util.Optional;

/**
 * The policy mode of RFC 8461 §5: what a sending MTA does when MX validation fails.
 *
 * <p>The wire tokens are case-sensitive ({@code %s"enforce"} in the §3.2 ABNF). As every enum of
 * the SDK that mirrors a wire value, it has {@link #wireName()} and {@link #fromWireName(String)},
 * which returns {@code Optional}: what an unknown token means is the caller's decision (the strict
 * parser refuses it, the lenient one reads other letter case).
 */
public enum Mode {
  /** {@code testing}: deliver anyway and report failures with TLS-RPT (RFC 8461 §5). */
  TESTING("testing"),
  /** {@code enforce}: do not deliver to an MX host that fails validation (RFC 8461 §5). */
  ENFORCE("enforce"),
  /** {@code none}: behave as if the domain had no policy; used to opt out (RFC 8461 §8.3). */
  NONE("none");

  private final String wireName;

  Mode(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the token written in the policy file.
   *
   * @return {@code "testing"}, {@code "enforce"} or {@code "none"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns whether this mode requires at least one {@code mx} line (testing and enforce, RFC 8461
   * §3.2).
   *
   * @return {@code true} for {@link #TESTING} and {@link #ENFORCE}
   */
  public boolean requiresMx() {
    return this != NONE;
  }

  /**
   * Finds the mode with exactly this token (case-sensitive, as the RFC 8461 §3.2 ABNF demands).
   *
   * @param wireName the text after {@code mode:}, for example {@code "enforce"}
   * @return the mode, or empty when the text is not one of the three registered values
   */
  public static Optional<Mode> fromWireName(String wireName) {
    for (Mode m : values()) {
      if (m.wireName.equals(wireName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
