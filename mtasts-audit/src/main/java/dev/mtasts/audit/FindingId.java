package dev.mtasts.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The stable identifiers of audit findings, each belonging to one {@link Area}. The kebab-case
 * {@link #id()} is what {@code mtasts check --json} prints; names are never renamed, new ones may
 * be added, so a {@code switch} over them needs a {@code default}.
 */
public enum FindingId {
  /** The {@code _mta-sts} record was found: its id and text (information). */
  STS_RECORD(Area.STS_RECORD),
  /** The {@code _mta-sts} name is an alias (CNAME): the chain followed (information). */
  STS_RECORD_CNAME(Area.STS_RECORD),
  /** No {@code v=STSv1} record: senders see no policy (RFC 8461 §3.1). */
  STS_RECORD_MISSING(Area.STS_RECORD),
  /** More than one {@code v=STSv1} record: RFC 8461 §3.1 counts that as none. */
  STS_RECORD_SEVERAL(Area.STS_RECORD),
  /** The record does not follow the RFC 8461 §3.1 grammar. */
  STS_RECORD_INVALID(Area.STS_RECORD),
  /** The DNS gave no answer for the record (SERVFAIL, timeout). */
  STS_RECORD_LOOKUP_FAILED(Area.STS_RECORD),

  /** The {@code _smtp._tls} record was found (information). */
  TLSRPT_RECORD(Area.TLSRPT_RECORD),
  /** No {@code v=TLSRPTv1} record: nobody reports failures to the domain (RFC 8460 §3). */
  TLSRPT_RECORD_MISSING(Area.TLSRPT_RECORD),
  /** More than one {@code v=TLSRPTv1} record: RFC 8460 §3 counts that as none. */
  TLSRPT_RECORD_SEVERAL(Area.TLSRPT_RECORD),
  /** The record does not follow the RFC 8460 §3 grammar. */
  TLSRPT_RECORD_INVALID(Area.TLSRPT_RECORD),
  /** The DNS gave no answer for the record. */
  TLSRPT_RECORD_LOOKUP_FAILED(Area.TLSRPT_RECORD),
  /** A {@code mailto:} destination is not a usable mail address (RFC 8460 §3). */
  TLSRPT_RUA_MAILTO_INVALID(Area.TLSRPT_RECORD),
  /** An {@code https:} destination's host cannot be reached over TLS. */
  TLSRPT_RUA_HTTPS_UNREACHABLE(Area.TLSRPT_RECORD),
  /** An {@code https:} destination's certificate is not valid for its host (RFC 8460 §5.4). */
  TLSRPT_RUA_HTTPS_CERTIFICATE_INVALID(Area.TLSRPT_RECORD),

  /** The policy as served: mode, max_age, mx patterns and its SHA-256 (information). */
  POLICY_SERVED(Area.POLICY),
  /** The policy host's certificate: names, issuer, expiry and days left (information). */
  POLICY_CERTIFICATE(Area.POLICY),
  /** The policy host's certificate expires within 14 days. */
  POLICY_CERTIFICATE_EXPIRES_SOON(Area.POLICY),
  /** {@code mta-sts.<domain>} has no address (RFC 8461 §3.3). */
  POLICY_HOST_NOT_FOUND(Area.POLICY),
  /** The policy host could not be reached (refused, timed out, reset). */
  POLICY_HOST_UNREACHABLE(Area.POLICY),
  /** The TLS handshake with the policy host failed (for example TLS 1.1 only; RFC 8461 §7.2). */
  POLICY_TLS_FAILED(Area.POLICY),
  /** The policy host's certificate has expired or is not yet valid (RFC 8461 §3.3). */
  POLICY_CERTIFICATE_EXPIRED(Area.POLICY),
  /** The policy host's certificate does not chain to a trusted root (RFC 8461 §3.3). */
  POLICY_CERTIFICATE_NOT_TRUSTED(Area.POLICY),
  /** No subjectAltName of the policy host's certificate matches {@code mta-sts.<domain>}. */
  POLICY_CERTIFICATE_HOST_MISMATCH(Area.POLICY),
  /** The policy URL answers with a redirect, which senders never follow (RFC 8461 §3.3). */
  POLICY_REDIRECT(Area.POLICY),
  /** The policy URL answers with a status other than 200 (RFC 8461 §3.3). */
  POLICY_HTTP_STATUS(Area.POLICY),
  /** The Content-Type is missing, not {@code text/plain}, or names another charset (RFC 8461 §3.2). */
  POLICY_CONTENT_TYPE(Area.POLICY),
  /** The body is larger than 64 KiB (RFC 8461 §3.3). */
  POLICY_TOO_LARGE(Area.POLICY),
  /** The body is not a valid policy (RFC 8461 §3.2). */
  POLICY_INVALID(Area.POLICY),
  /** The policy is valid but a setting is risky or pointless (the policy lint's finding). */
  POLICY_LINT(Area.POLICY),

  /** The served policy is the one recorded for the TXT id in the history (information). */
  POLICY_ID_MATCHES_HISTORY(Area.POLICY_ID),
  /** The served policy differs from the one recorded for the current TXT id: the id was not bumped. */
  POLICY_ID_NOT_BUMPED(Area.POLICY_ID),
  /** The TXT id is not in the publication history. */
  POLICY_ID_NOT_IN_HISTORY(Area.POLICY_ID),
  /** The served policy differs from the expected policy file. */
  POLICY_DIFFERS_FROM_EXPECTED(Area.POLICY_ID),

  /** The MX lookup failed. */
  MX_LOOKUP_FAILED(Area.MX),
  /** The domain has no MX record. */
  MX_MISSING(Area.MX),
  /** The domain lists more MX hosts than the audit probes ({@link DomainAudit#MAX_MX_HOSTS}). */
  MX_TOO_MANY(Area.MX),
  /** The domain publishes a null MX (RFC 7505): it accepts no mail. */
  MX_NULL(Area.MX),
  /** An MX host is covered by no {@code mx} pattern (RFC 8461 §4.1). */
  MX_HOST_NOT_COVERED(Area.MX),
  /** An {@code mx} pattern covers none of the MX hosts: stale. */
  MX_PATTERN_STALE(Area.MX),
  /** A wildcard pattern is broader than the MX hosts need (RFC 8461 §10.4). */
  MX_PATTERN_BROADER_THAN_NEEDED(Area.MX),

  /** The MX host's TLS session: version, cipher, certificate and days left (information). */
  SMTP_TLS(Area.SMTP),
  /** The MX host could not be reached on the SMTP port. */
  SMTP_UNREACHABLE(Area.SMTP),
  /** The MX host name has no A or AAAA record (NXDOMAIN or NODATA): there is nothing to deliver to. */
  MX_HOST_NO_ADDRESS(Area.SMTP),
  /** The A and AAAA lookups of the MX host name failed (SERVFAIL, timeout). */
  MX_ADDRESS_LOOKUP_FAILED(Area.SMTP),
  /** The MX host sent no greeting within the deadline. */
  SMTP_NO_GREETING(Area.SMTP),
  /** The MX host greeted with a refusal (4xx or 5xx). */
  SMTP_GREETING_REJECTED(Area.SMTP),
  /** The MX host broke the SMTP protocol (garbage, an overlong line, a closed connection). */
  SMTP_PROTOCOL_ERROR(Area.SMTP),
  /** The MX host refused EHLO. */
  SMTP_EHLO_REJECTED(Area.SMTP),
  /** The MX host does not offer STARTTLS (RFC 8461 §4, RFC 3207). */
  SMTP_STARTTLS_NOT_OFFERED(Area.SMTP),
  /** The MX host offered STARTTLS but refused the command. */
  SMTP_STARTTLS_REFUSED(Area.SMTP),
  /** The TLS handshake after STARTTLS failed (RFC 8461 §7.2 needs TLS 1.2 or later). */
  SMTP_TLS_HANDSHAKE_FAILED(Area.SMTP),
  /**
   * The MX host offers only TLS 1.1 or older: it refused TLS 1.2 and 1.3 and answered a hello
   * offering TLS 1.0 and 1.1 (RFC 8461 §7.2: senders use TLS 1.2 or later).
   */
  SMTP_TLS_VERSION_TOO_OLD(Area.SMTP),
  /** The MX host's certificate does not cover the MX host name (RFC 8461 §4.2). */
  MX_CERTIFICATE_HOST_MISMATCH(Area.SMTP),
  /** The MX host's certificate has expired or is not yet valid (RFC 8461 §4.2). */
  MX_CERTIFICATE_EXPIRED(Area.SMTP),
  /** The MX host's certificate does not chain to a trusted root (RFC 8461 §4.2). */
  MX_CERTIFICATE_NOT_TRUSTED(Area.SMTP),
  /** The MX host's certificate expires within 14 days. */
  MX_CERTIFICATE_EXPIRES_SOON(Area.SMTP),

  /** TLS-RPT reports show certificate-host-mismatch sessions against an MX host. */
  REPORTED_CERTIFICATE_HOST_MISMATCH(Area.REPORTS),
  /** Reports in the folder could not be read. */
  REPORTS_UNREADABLE(Area.REPORTS),
  /** What the reports in the folder hold for the domain (information). */
  REPORTS_READ(Area.REPORTS);

  private final Area area;

  FindingId(Area area) {
    this.area = area;
  }

  /**
   * Returns the area the finding belongs to.
   *
   * @return the area
   */
  public Area area() {
    return area;
  }

  /**
   * Returns the stable kebab-case identifier, such as {@code mx-certificate-host-mismatch}.
   *
   * @return the identifier
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Finds a finding id by its kebab-case identifier.
   *
   * @param id the identifier, such as {@code policy-id-not-bumped}
   * @return the finding id, or empty when there is none of that name
   */
  public static Optional<FindingId> fromId(String id) {
    for (FindingId f : values()) {
      if (f.id().equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
