package dev.mtasts.audit;

import java.util.Locale;

/** The part of a deployment a {@link Finding} is about, in the order the audit looks at them. */
public enum Area {
  /** The {@code _mta-sts} TXT record (RFC 8461 §3.1). */
  STS_RECORD("_mta-sts TXT record"),
  /** The {@code _smtp._tls} TXT record and its {@code rua} destinations (RFC 8460 §3). */
  TLSRPT_RECORD("_smtp._tls TXT record"),
  /** The policy served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.2, §3.3). */
  POLICY("served policy"),
  /** The policy id against the publication history or an expected policy (RFC 8461 §3.1). */
  POLICY_ID("policy id"),
  /** The MX hosts in the DNS against the policy's {@code mx} patterns (RFC 8461 §4.1). */
  MX("MX hosts against the policy"),
  /** Each MX host's STARTTLS and certificate (RFC 8461 §4.2). */
  SMTP("STARTTLS of each MX host"),
  /** The TLS-RPT reports received for the domain (RFC 8460). */
  REPORTS("TLS-RPT evidence");

  private final String title;

  Area(String title) {
    this.title = title;
  }

  /**
   * Returns the heading the text output prints for this area.
   *
   * @return a short title such as {@code "served policy"}
   */
  public String title() {
    return title;
  }

  /**
   * Returns the stable kebab-case form, such as {@code sts-record}.
   *
   * @return the identifier
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
