package dev.mtasts.sender;

/**
 * What the MTA's own DANE validation (RFC 7672) said about an MX host; the SDK does not implement
 * DANE. RFC 8461 §2: MTA-STS validation must never override a failed DANE validation.
 */
public enum DaneStatus {
  /** The MX host has no usable TLSA records: MTA-STS decides. */
  NOT_SIGNALLED,
  /** DANE validated the session; it takes precedence, MTA-STS is not consulted. */
  VALIDATED,
  /** DANE applies and failed: the MX host is refused whatever MTA-STS says. */
  FAILED
}
