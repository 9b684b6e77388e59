package dev.mtasts.sender.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Checks the policy host's certificate during the handshake with {@link WebPki}: for one fixed
 * host name whatever address was dialled, or, without one, for the host the TLS engine was
 * created for (java.net.http creates it for the URI's host, the policy host). Being an {@link X509ExtendedTrustManager}, it replaces the
 * JDK's endpoint identification, which falls back to the subject's CN for a certificate without
 * dNSName entries; RFC 8461 §3.3 consults DNS-IDs only.
 */
public final class PolicyHostTrustManager extends X509ExtendedTrustManager {

  /** The refusal of a certificate, found again in the handshake exception's causes. */
  public static final class RefusedCertificate extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** The refusal. */
    private final transient WebPki.Refusal refusal;

    RefusedCertificate(WebPki.Refusal refusal) {
      super(refusal.message());
      this.refusal = refusal;
    }

    /**
     * Returns why the certificate was refused.
     *
     * @return the refusal
     */
    public WebPki.Refusal refusal() {
      return refusal;
    }
  }

  private final WebPki pki;
  private final @Nullable String host;
  private final Clock clock;

  /**
   * Creates the trust manager.
   *
   * @param pki the validator
   * @param host the policy host the certificate must be valid for, or {@code null} for the
   *     engine's peer host
   * @param clock the clock of the validity check
   */
  public PolicyHostTrustManager(WebPki pki, @Nullable String host, Clock clock) {
    this.pki = pki;
    this.host = host;
    this.clock = clock;
  }

  private void check(X509Certificate[] chain, @Nullable String peerHost) throws CertificateException {
    String expected = host != null ? host : peerHost;
    if (expected == null) {
      throw new CertificateException("no policy host to check the certificate against");
    }
    WebPki.@Nullable Refusal refusal = pki.check(List.of(chain), expected, clock.instant());
    if (refusal != null) {
      throw new RefusedCertificate(refusal);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, engine.getPeerHost());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, socket instanceof javax.net.ssl.SSLSocket s && s.getHandshakeSession() != null
        ? s.getHandshakeSession().getPeerHost() : null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a policy fetch does not authenticate clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a policy fetch does not authenticate clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a policy fetch does not authenticate clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
