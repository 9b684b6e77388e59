package dev.mtasts.tlsrpt;

/** What a domain owner should do about a group of failures, per the deployment playbook. */
public enum TriageClass {
  /** A problem of the domain's own MX hosts (certificates): fix it before enforcing. */
  FIX_OUR_SIDE,
  /** The MTA-STS policy could not be fetched or was invalid: fix the policy hosting. */
  FIX_POLICY_HOSTING,
  /**
   * Failures from a sender the owner knows (a partner, an own relay): fix them with that sender
   * before enforcing.
   */
  FIX_WITH_SENDER,
  /** Usually noise: negotiation failures from senders the owner does not know. */
  USUALLY_SAFE_TO_IGNORE,
  /** Anything else: look at it. */
  INVESTIGATE
}
