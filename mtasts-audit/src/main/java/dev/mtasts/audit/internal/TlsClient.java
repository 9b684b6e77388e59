package dev.mtasts.audit.internal;

import dev.mtasts.audit.CertificateInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS handshakes that record the server's chain instead of judging it, so the audit can say what
 * exactly is wrong with it (the judgement is {@link dev.mtasts.sender.MxCertificateCheck}'s, RFC
 * 8461 §4.2). Nothing is sent after the handshake: callers decide (SMTP sends QUIT, the rua and
 * policy host checks send nothing).
 */
public final class TlsClient {
  private TlsClient() {}

  /** A completed handshake: the socket, the negotiated version and suite, the presented chain. */
  public record Session(SSLSocket socket, String protocol, String cipherSuite, List<X509Certificate> chain) {
    /**
     * Copies the chain.
     *
     * @param socket the socket
     * @param protocol the version
     * @param cipherSuite the suite
     * @param chain the chain, leaf first
     */
    public Session {
      chain = List.copyOf(chain);
    }
  }

  /**
   * Runs the client handshake over a connected socket: TLS 1.2 or 1.3 only (RFC 8461 §7.2), SNI
   * the host name (RFC 8461 §7.1).
   *
   * @param plain the connected socket
   * @param host the server's name, sent as SNI
   * @return the session
   * @throws IOException if the handshake failed
   */
  public static Session handshake(Socket plain, String host) throws IOException {
    AtomicReference<List<X509Certificate>> seen = new AtomicReference<>(List.of());
    SSLContext tls;
    try {
      tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new Recording(seen)}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS implementation is unusable: " + e.getMessage(), e);
    }
    InetSocketAddress remote = (InetSocketAddress) plain.getRemoteSocketAddress();
    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, remote.getPort(), true);
    SSLParameters p = s.getSSLParameters();
    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    p.setServerNames(List.of(new SNIHostName(host)));
    s.setSSLParameters(p);
    s.setUseClientMode(true);
    s.startHandshake();
    List<X509Certificate> chain = seen.get();
    return new Session(s, s.getSession().getProtocol(), s.getSession().getCipherSuite(),
        chain == null ? List.of() : chain);
  }

  /**
   * Connects and runs the handshake.
   *
   * @param address where to connect
   * @param host the server's name, sent as SNI
   * @param timeout the connect timeout and the read timeout of the handshake
   * @return the session; the caller closes its socket
   * @throws IOException if the connection or the handshake failed
   */
  public static Session connect(InetSocketAddress address, String host, Duration timeout) throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(address, (int) Math.max(1, timeout.toMillis()));
      plain.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      return handshake(plain, host);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /**
   * Describes a chain's leaf.
   *
   * @param chain the chain, leaf first, not empty
   * @param now the audit's time, for the days left
   * @return the description
   */
  public static CertificateInfo describe(List<X509Certificate> chain, Instant now) {
    X509Certificate leaf = chain.get(0);
    Instant notAfter = leaf.getNotAfter().toInstant();
    long days = Duration.between(now, notAfter).toDays();
    if (notAfter.isBefore(now) && days == 0) {
      days = -1;
    }
    return new CertificateInfo(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
        dnsNames(leaf), leaf.getNotBefore().toInstant(), notAfter, days, chain.size());
  }

  /**
   * Returns a certificate's subjectAltName dNSNames.
   *
   * @param cert the certificate
   * @return the names, empty when it has none (or an unreadable extension)
   */
  public static List<String> dnsNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          // RFC 5280 §4.2.1.6: GeneralName tag 2 is dNSName.
          if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String s) {
            names.add(s);
          }
        }
      }
    } catch (CertificateParsingException e) {
      return List.of();
    }
    return List.copyOf(names);
  }

  /** Accepts every chain and remembers it: the judgement comes later, with reasons. */
  private static final class Recording extends X509ExtendedTrustManager {
    private final AtomicReference<List<X509Certificate>> seen;

    Recording(AtomicReference<List<X509Certificate>> seen) {
      this.seen = seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      seen.set(List.of(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      seen.set(List.of(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      seen.set(List.of(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
