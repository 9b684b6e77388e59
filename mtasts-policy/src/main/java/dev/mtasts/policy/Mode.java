package dev.mtasts.policy;

import java.util.Optional;

/**
 * The policy mode of RFC 8461 §5: what a sending MTA does when MX validation fails.
 *
 * <p>The wire tokens are case-sensitive ({@code %s"enforce"} in the §3.2 ABNF).
 */
public enum Mode {
  /** {@code testing}: deliver anyway and report failures with TLS-RPT (RFC 8461 §5). */
  TESTING("testing"),
  /** {@code enforce}: do not deliver to an MX host that fails validation (RFC 8461 §5). */
  ENFORCE("enforce"),
  /** {@code none}: behave as if the domain had no policy; used to opt out (RFC 8461 §8.3). */
  NONE("none");

  private final String token;

  Mode(String token) {
    this.token = token;
  }

  /**
   * Returns the token written in the policy file.
   *
   * @return {@code "testing"}, {@code "enforce"} or {@code "none"}
   */
  public String token() {
    return token;
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
   * @param token the text after {@code mode:}, for example {@code "enforce"}
   * @return the mode, or empty when the token is not one of the three registered values
   */
  public static Optional<Mode> fromToken(String token) {
    for (Mode m : values()) {
      if (m.token.equals(token)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
