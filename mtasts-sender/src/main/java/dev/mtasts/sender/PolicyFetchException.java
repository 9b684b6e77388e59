package dev.mtasts.sender;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.tlsrpt.ResultType;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (or completing a stage exceptionally) when a policy could not be fetched over HTTPS as
 * RFC 8461 §3.3 requires: carries a stable {@link FetchErrorCode}, the URL it concerns (its
 * location), the TLS-RPT result type a report of it carries, and a message a person can act on.
 *
 * <p>The message starts with the URL ({@code "https://mta-sts.example.com/.well-known/mta-sts.txt:
 * HTTP 301 redirect to https://example.com/ is not followed (RFC 8461 §3.3); serve the policy
 * itself with status 200"}); {@link #reason()} gives it without the URL.
 */
public final class PolicyFetchException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  private final FetchErrorCode code;
  /** The policy URL. */
  private final String url;
  /** The message without the URL. */
  private final String reason;
  /** The HTTP status, or -1. */
  private final int status;
  /** Where a redirect pointed, or null. */
  private final @Nullable String redirectLocation;

  /**
   * Creates the exception.
   *
   * @param code what went wrong
   * @param url the policy URL
   * @param reason the message without the URL
   * @param status the HTTP status, or -1 when no response was received
   * @param redirectLocation the {@code Location} of a redirect, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public PolicyFetchException(
      FetchErrorCode code, String url, String reason, int status,
      @Nullable String redirectLocation, @Nullable Throwable cause) {
    super(Objects.requireNonNull(url, "url") + ": " + Objects.requireNonNull(reason, "reason"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.url = url;
    this.reason = reason;
    this.status = status;
    this.redirectLocation = redirectLocation;
  }

  /**
   * Returns the stable code.
   *
   * @return the code
   */
  public FetchErrorCode code() {
    return code;
  }

  /**
   * Returns the TLS-RPT result type of this failure (RFC 8460 §4.3.1); for {@link
   * FetchErrorCode#BACKED_OFF} that of the earlier failure it repeats.
   *
   * @return the result type
   */
  public ResultType resultType() {
    if (code == FetchErrorCode.BACKED_OFF && getCause() instanceof PolicyFetchException earlier) {
      return earlier.resultType();
    }
    return code.resultType();
  }

  /**
   * Returns the policy URL the failure concerns, for example {@code
   * https://mta-sts.example.com/.well-known/mta-sts.txt}.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Returns the message without the URL.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the HTTP status of the response, if one was received.
   *
   * @return the status, or empty
   */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Returns where a redirect pointed ({@link FetchErrorCode#REDIRECT} only), as sent by the
   * server; untrusted text, escape it before printing it to a terminal.
   *
   * @return the {@code Location} header's value, or empty
   */
  public Optional<String> redirectLocation() {
    return Optional.ofNullable(redirectLocation);
  }

  /**
   * Returns the parser's error when the body was not a valid policy ({@link
   * FetchErrorCode#POLICY_INVALID}), with its line, column and code.
   *
   * @return the parse error, or empty
   */
  public Optional<PolicyParseException> parseError() {
    return getCause() instanceof PolicyParseException p ? Optional.of(p) : Optional.empty();
  }
}
