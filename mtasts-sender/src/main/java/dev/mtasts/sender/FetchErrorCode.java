package dev.mtasts.sender;

import dev.mtasts.policy.ProblemCode;
import dev.mtasts.tlsrpt.ResultType;

/**
 * Stable codes of the ways a policy fetch (RFC 8461 §3.3) can fail, each with the TLS-RPT result
 * type (RFC 8460 §4.3.1) a report of the failure carries.
 *
 * <p>The names are part of the API and are not renamed; new codes may be added, so a {@code
 * switch} over them needs a {@code default}.
 */
public enum FetchErrorCode implements ProblemCode {
  /** The policy host name has no address. */
  HOST_NOT_FOUND(ResultType.STS_POLICY_FETCH_ERROR),
  /** The policy host resolves to a loopback, link-local or private address the fetcher may not dial. */
  ADDRESS_NOT_ALLOWED(ResultType.STS_POLICY_FETCH_ERROR),
  /** The TCP connection was refused, reset or the network is unreachable. */
  CONNECT_FAILED(ResultType.STS_POLICY_FETCH_ERROR),
  /** The TCP connection and TLS handshake did not complete within the connect timeout. */
  CONNECT_TIMEOUT(ResultType.STS_POLICY_FETCH_ERROR),
  /** The fetch did not finish within its overall deadline (stalled handshake, slow body). */
  DEADLINE_EXCEEDED(ResultType.STS_POLICY_FETCH_ERROR),
  /** The TLS handshake failed for a reason other than the certificate (for example TLS 1.1 only). */
  TLS_HANDSHAKE_FAILED(ResultType.STS_POLICY_FETCH_ERROR),
  /** The server's certificate has expired (or is not yet valid). */
  CERTIFICATE_EXPIRED(ResultType.STS_WEBPKI_INVALID),
  /** The server's certificate does not chain to a trusted root (self-signed, unknown CA). */
  CERTIFICATE_NOT_TRUSTED(ResultType.STS_WEBPKI_INVALID),
  /** No subjectAltName dNSName of the certificate matches the policy host (RFC 6125, RFC 8461 §3.3). */
  CERTIFICATE_HOST_MISMATCH(ResultType.STS_WEBPKI_INVALID),
  /** The certificate has no subjectAltName dNSName at all; its CN is not consulted (RFC 8461 §3.3). */
  CERTIFICATE_WITHOUT_DNS_NAME(ResultType.STS_WEBPKI_INVALID),
  /** The server answered with a redirect, which is never followed (RFC 8461 §3.3). */
  REDIRECT(ResultType.STS_POLICY_FETCH_ERROR),
  /** The server answered with a status other than 200 and other than a redirect. */
  HTTP_STATUS(ResultType.STS_POLICY_FETCH_ERROR),
  /** The connection failed while the response was read. */
  IO_ERROR(ResultType.STS_POLICY_FETCH_ERROR),
  /** The response has no Content-Type header; RFC 8461 §3.2 wants {@code text/plain}. */
  CONTENT_TYPE_MISSING(ResultType.STS_POLICY_INVALID),
  /** The response's media type is not {@code text/plain} (RFC 8461 §3.2). */
  CONTENT_TYPE_NOT_TEXT_PLAIN(ResultType.STS_POLICY_INVALID),
  /** The Content-Type names a charset other than utf-8 or us-ascii (RFC 8461 §3.2). */
  CHARSET_NOT_UTF8(ResultType.STS_POLICY_INVALID),
  /** The body is larger than the limit (64 KiB by default, RFC 8461 §3.3). */
  BODY_TOO_LARGE(ResultType.STS_POLICY_INVALID),
  /** The body is not a valid policy (RFC 8461 §3.2); the cause is the parser's exception. */
  POLICY_INVALID(ResultType.STS_POLICY_INVALID),
  /**
   * A GET for this domain and TXT id failed less than the back-off time ago (5 minutes by default,
   * RFC 8461 §3.3), so none was sent; the exception's cause is that earlier failure.
   */
  BACKED_OFF(ResultType.STS_POLICY_FETCH_ERROR),
  /** The calling thread was interrupted while it waited for the fetch. */
  INTERRUPTED(ResultType.STS_POLICY_FETCH_ERROR);

  // ResultType is immutable (final fields, interned known values); Error Prone cannot tell, as it
  // carries no @Immutable annotation (that would add a runtime dependency).
  @SuppressWarnings("ImmutableEnumChecker")
  private final ResultType resultType;

  FetchErrorCode(ResultType resultType) {
    this.resultType = resultType;
  }

  /**
   * Returns the TLS-RPT result type a report of this failure carries (RFC 8460 §4.3.1).
   *
   * @return {@code sts-policy-fetch-error}, {@code sts-policy-invalid} or {@code sts-webpki-invalid}
   */
  public ResultType resultType() {
    return resultType;
  }
}
