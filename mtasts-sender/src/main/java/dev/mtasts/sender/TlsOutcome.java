package dev.mtasts.sender;

import dev.mtasts.tlsrpt.ResultType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the MTA's TLS session with an MX host established, as RFC 8461 §4 asks: STARTTLS offered,
 * and a certificate valid for the MX host (§4.2). Build it with {@link MxCertificateCheck} from
 * the session's peer chain, or with {@link #noStarttls()}.
 *
 * @param status what happened
 * @param failure the TLS-RPT result type of a failure (RFC 8460 §4.3.2), or {@code null}
 * @param detail details for a log
 */
public record TlsOutcome(Status status, @Nullable ResultType failure, String detail) {

  /** What the session established. */
  public enum Status {
    /** STARTTLS was offered and the certificate is valid for the MX host. */
    VALIDATED,
    /** The server did not offer STARTTLS. */
    NO_STARTTLS,
    /** The certificate is not valid for the MX host (expired, untrusted, wrong name). */
    CERTIFICATE_INVALID
  }

  /**
   * Validates the parts: a failure type exactly when the status is not {@link Status#VALIDATED}.
   *
   * @param status the status
   * @param failure the failure type, or {@code null}
   * @param detail the details
   */
  public TlsOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if ((status == Status.VALIDATED) != (failure == null)) {
      throw new IllegalArgumentException("a failure type goes with a failed outcome only: " + status + ", " + failure);
    }
  }

  /**
   * Returns the outcome of a session whose certificate was validated.
   *
   * @return the outcome
   */
  public static TlsOutcome validated() {
    return new TlsOutcome(Status.VALIDATED, null, "STARTTLS with a certificate valid for the MX host");
  }

  /**
   * Returns the outcome of a server that did not offer STARTTLS.
   *
   * @return the outcome ({@code starttls-not-supported})
   */
  public static TlsOutcome noStarttls() {
    return new TlsOutcome(Status.NO_STARTTLS, ResultType.STARTTLS_NOT_SUPPORTED,
        "the MX host did not offer STARTTLS (RFC 8461 §4)");
  }

  /**
   * Tells whether the session meets RFC 8461 §4.
   *
   * @return {@code true} for {@link Status#VALIDATED}
   */
  public boolean isValidated() {
    return status == Status.VALIDATED;
  }
}
