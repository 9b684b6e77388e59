package dev.mtasts.sender;

import dev.mtasts.tlsrpt.ResultType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the MTA does with one MX host (RFC 8461 §4, §5, §8.4), from {@link MxDecision}.
 *
 * @param action deliver, or treat the host as unreachable and try the next one
 * @param policyApplied whether an MTA-STS policy (testing or enforce) governed the decision
 * @param failure the TLS-RPT result type to report (RFC 8460 §4.3), or {@code null} for a session
 *     that met the policy or had none
 * @param reason a sentence for a log, citing the RFC rule
 */
public record MxVerdict(Action action, boolean policyApplied, @Nullable ResultType failure, String reason) {

  /** What to do. */
  public enum Action {
    /** Go on with this MX host (connect, or deliver over the session). */
    DELIVER,
    /**
     * Do not deliver to this host; treat it like an unreachable one and try the next MX (a
     * temporary failure, §8.4). Before a message is failed for good, call {@link
     * PolicyDiscovery#recheck(String)} (§5.1 step 3).
     */
    TRY_NEXT_MX
  }

  /**
   * Validates the parts.
   *
   * @param action the action
   * @param policyApplied whether a policy governed
   * @param failure the failure to report, or {@code null}
   * @param reason the reason
   */
  public MxVerdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Tells whether the MTA may deliver to the host.
   *
   * @return {@code true} for {@link Action#DELIVER}
   */
  public boolean mayDeliver() {
    return action == Action.DELIVER;
  }
}
