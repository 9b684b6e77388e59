package dev.mtasts.sender;

import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.sender.internal.Texts;
import dev.mtasts.tlsrpt.ResultType;
import java.util.Objects;

/**
 * The per-MX decision of a sending MTA (RFC 8461 §4, §5, §8.4), given what {@link
 * PolicyDiscovery} returned for the Policy Domain:
 *
 * <ul>
 *   <li>{@link #beforeConnect}: may the MX host be tried at all? Under {@code enforce} a host no
 *       {@code mx} pattern covers is skipped like an unreachable one; under {@code testing} it is
 *       tried and the failure reported.
 *   <li>{@link #afterTls}: given the session's {@link TlsOutcome}, deliver or move on: {@code
 *       enforce} refuses a host without STARTTLS or with an invalid certificate (a temporary
 *       failure, next MX); {@code testing} delivers and reports; mode {@code none} or no policy
 *       delivers as if there were no MTA-STS. A failed DANE validation is never overridden (§2).
 * </ul>
 *
 * <p>Walk the MX hosts in preference order and decide per host (§8.4: no "two-pass" filtering).
 * When every host was refused under {@code enforce}, defer the message; before failing it for
 * good call {@link PolicyDiscovery#recheck(String)} and try again with the result (§5.1 step 3).
 */
public final class MxDecision {
  private MxDecision() {}

  /**
   * Decides whether an MX host may be tried (RFC 8461 §4.1).
   *
   * @param discovery the result for the Policy Domain
   * @param mxHost the MX host, as the MX record names it
   * @return the verdict; {@link MxVerdict.Action#TRY_NEXT_MX} only under {@code enforce}
   */
  public static MxVerdict beforeConnect(DiscoveryResult discovery, String mxHost) {
    Objects.requireNonNull(mxHost, "mxHost");
    if (!(discovery instanceof DiscoveryResult.Found found)) {
      return noPolicy((DiscoveryResult.NoPolicy) discovery);
    }
    MtaStsPolicy policy = found.policy().policy();
    if (policy.matches(mxHost)) {
      return new MxVerdict(MxVerdict.Action.DELIVER, true, null,
          "MX host " + Texts.escape(mxHost) + " matches the policy's mx patterns (RFC 8461 §4.1)");
    }
    String why = "MX host " + Texts.escape(mxHost) + " matches none of the mx patterns "
        + policy.mx() + " (RFC 8461 §4.1)";
    return policy.mode() == Mode.ENFORCE
        ? new MxVerdict(MxVerdict.Action.TRY_NEXT_MX, true, ResultType.VALIDATION_FAILURE,
            why + "; enforce: skip it like an unreachable host (§8.4)")
        : new MxVerdict(MxVerdict.Action.DELIVER, true, ResultType.VALIDATION_FAILURE,
            why + "; testing: deliver and report (§5)");
  }

  /**
   * Decides, after the TLS handshake (or its absence), whether to deliver over the session.
   *
   * @param discovery the result for the Policy Domain
   * @param mxHost the MX host
   * @param tls what the session established
   * @param dane what the MTA's DANE validation said
   * @return the verdict
   */
  public static MxVerdict afterTls(DiscoveryResult discovery, String mxHost, TlsOutcome tls, DaneStatus dane) {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(dane, "dane");
    if (dane == DaneStatus.FAILED) {
      return new MxVerdict(MxVerdict.Action.TRY_NEXT_MX, false, null,
          "DANE validation failed for MX host " + Texts.escape(mxHost)
              + "; MTA-STS never overrides it (RFC 8461 §2)");
    }
    if (dane == DaneStatus.VALIDATED) {
      return new MxVerdict(MxVerdict.Action.DELIVER, false, null,
          "DANE validated MX host " + Texts.escape(mxHost) + "; it takes precedence over MTA-STS");
    }
    MxVerdict pattern = beforeConnect(discovery, mxHost);
    if (!pattern.policyApplied() || pattern.failure() != null) {
      return pattern;
    }
    Mode mode = ((DiscoveryResult.Found) discovery).policy().policy().mode();
    if (tls.isValidated()) {
      return new MxVerdict(MxVerdict.Action.DELIVER, true, null,
          "MX host " + Texts.escape(mxHost) + " matches the policy and its TLS session is valid (RFC 8461 §4)");
    }
    return mode == Mode.ENFORCE
        ? new MxVerdict(MxVerdict.Action.TRY_NEXT_MX, true, tls.failure(),
            tls.detail() + "; enforce: do not deliver, try the next MX (RFC 8461 §5, §8.4)")
        : new MxVerdict(MxVerdict.Action.DELIVER, true, tls.failure(),
            tls.detail() + "; testing: deliver and report (RFC 8461 §5)");
  }

  private static MxVerdict noPolicy(DiscoveryResult.NoPolicy none) {
    return new MxVerdict(MxVerdict.Action.DELIVER, false, null,
        "no MTA-STS policy applies (" + none.reason() + "): deliver as if the domain had none (RFC 8461 §5)");
  }
}
