package dev.mtasts.sender;

import dev.mtasts.policy.DomainName;
import dev.mtasts.sender.internal.Texts;
import dev.mtasts.sender.internal.WebPki;
import dev.mtasts.tlsrpt.ResultType;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Checks an MX host's certificate chain as RFC 8461 §4.2 requires, from the peer chain of the
 * MTA's own TLS session: unexpired, chaining to a trusted root, with a subjectAltName dNSName
 * matching the MX host by RFC 6125 (DNS-IDs only, never the CN; a {@code *} covering exactly one
 * whole left-most label). Revocation is not checked. Immutable and thread-safe.
 *
 * <pre>{@code
 * MxCertificateCheck check = MxCertificateCheck.jdkDefault();
 * TlsOutcome tls = check.check(sslSocket.getSession(), "mx1.example.com");
 * }</pre>
 */
public final class MxCertificateCheck {
  private final WebPki pki;
  private final Clock clock;

  private MxCertificateCheck(WebPki pki, Clock clock) {
    this.pki = pki;
    this.clock = clock;
  }

  /**
   * Returns a check trusting the JDK's default roots.
   *
   * @return the check
   */
  public static MxCertificateCheck jdkDefault() {
    return new MxCertificateCheck(WebPki.jdkDefault(), Clock.systemUTC());
  }

  /**
   * Returns a check trusting these roots.
   *
   * @param roots the roots, at least one
   * @return the check
   * @throws IllegalArgumentException if there is none
   */
  public static MxCertificateCheck trusting(Collection<X509Certificate> roots) {
    return new MxCertificateCheck(WebPki.trusting(List.copyOf(roots)), Clock.systemUTC());
  }

  /**
   * Returns this check with another clock for the validity period.
   *
   * @param value the clock
   * @return the check
   */
  public MxCertificateCheck withClock(Clock value) {
    return new MxCertificateCheck(pki, Objects.requireNonNull(value, "clock"));
  }

  /**
   * Checks a peer chain for an MX host.
   *
   * @param chain the chain as the server presented it, leaf first
   * @param mxHost the MX host name as the MX record names it (a trailing dot is ignored)
   * @return {@link TlsOutcome#validated()} or the failure with its TLS-RPT result type
   */
  public TlsOutcome check(List<X509Certificate> chain, String mxHost) {
    WebPki.@Nullable Refusal r = pki.check(List.copyOf(chain), DomainName.comparisonKey(mxHost), clock.instant());
    if (r == null) {
      return TlsOutcome.validated();
    }
    ResultType type = switch (r.problem()) {
      case EXPIRED, NOT_YET_VALID -> ResultType.CERTIFICATE_EXPIRED;
      case NOT_TRUSTED -> ResultType.CERTIFICATE_NOT_TRUSTED;
      case HOST_MISMATCH, NO_DNS_NAME -> ResultType.CERTIFICATE_HOST_MISMATCH;
    };
    return new TlsOutcome(TlsOutcome.Status.CERTIFICATE_INVALID, type,
        "MX host " + Texts.escape(mxHost) + ": " + r.message().replace("RFC 8461 §3.3", "RFC 8461 §4.2"));
  }

  /**
   * Checks the peer chain of a TLS session for an MX host.
   *
   * @param session the session after the handshake
   * @param mxHost the MX host name
   * @return the outcome; a session without a peer chain is {@code certificate-not-trusted}
   */
  public TlsOutcome check(SSLSession session, String mxHost) {
    Certificate[] peer;
    try {
      peer = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return new TlsOutcome(TlsOutcome.Status.CERTIFICATE_INVALID, ResultType.CERTIFICATE_NOT_TRUSTED,
          "MX host " + Texts.escape(mxHost) + " presented no certificate");
    }
    List<X509Certificate> chain = new ArrayList<>(peer.length);
    for (Certificate c : peer) {
      if (c instanceof X509Certificate x) {
        chain.add(x);
      }
    }
    return check(chain, mxHost);
  }
}
