package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.mail.internal.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS server certificates are trusted when fetching reports over IMAP or posting them over
 * HTTPS: the JDK's roots (the system's trust store), optionally plus the certificates of a PEM
 * file (a company CA, a self-signed server). The host name is always checked.
 *
 * <pre>{@code
 * TlsTrust trust = TlsTrust.systemPlus(Path.of("/etc/ssl/mail-ca.pem"));
 * HttpClient client = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TlsTrust {

  /** The largest PEM file read: 1 MiB holds hundreds of certificates. */
  public static final long MAX_PEM_BYTES = 1 << 20;

  private static final TlsTrust SYSTEM = new TlsTrust(List.of());

  private final List<X509Certificate> extra;

  private TlsTrust(List<X509Certificate> extra) {
    this.extra = List.copyOf(extra);
  }

  /**
   * Returns the JDK's default trust (its {@code cacerts}, or {@code javax.net.ssl.trustStore}).
   *
   * @return the trust
   */
  public static TlsTrust system() {
    return SYSTEM;
  }

  /**
   * Returns the JDK's default trust plus the certificates of a PEM file.
   *
   * @param pemFile a file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
   * @return the trust
   * @throws TransportException with {@link TransportErrorCode#INVALID_TRUST_FILE} when the file
   *     cannot be read, is over 1 MiB or holds no certificate
   */
  public static TlsTrust systemPlus(Path pemFile) {
    Objects.requireNonNull(pemFile, "pemFile");
    String where = pemFile.toString();
    try (InputStream in = Files.newInputStream(pemFile)) {
      byte[] pem = in.readNBytes((int) MAX_PEM_BYTES + 1);
      if (pem.length > MAX_PEM_BYTES) {
        throw new TransportException(TransportErrorCode.INVALID_TRUST_FILE, where,
            "the trust file is larger than " + MAX_PEM_BYTES + " bytes", null);
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new java.io.ByteArrayInputStream(pem))) {
        if (c instanceof X509Certificate x) {
          certs.add(x);
        }
      }
      if (certs.isEmpty()) {
        throw new TransportException(TransportErrorCode.INVALID_TRUST_FILE, where,
            "no certificate in the trust file (expected PEM: -----BEGIN CERTIFICATE-----)", null);
      }
      return new TlsTrust(certs);
    } catch (IOException e) {
      throw new TransportException(TransportErrorCode.INVALID_TRUST_FILE, where,
          "the trust file cannot be read: " + Printable.of(String.valueOf(e.getMessage())), e);
    } catch (CertificateException e) {
      throw new TransportException(TransportErrorCode.INVALID_TRUST_FILE, where,
          "the trust file does not hold PEM certificates: "
              + Printable.of(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * Returns the certificates trusted beyond the JDK's roots.
   *
   * @return the extra certificates, in file order (empty for {@link #system()})
   */
  public List<X509Certificate> extraRoots() {
    return extra;
  }

  /**
   * Returns a TLS context that trusts these roots (and has no client certificate).
   *
   * @return a new context
   * @throws IllegalStateException when the JDK's TLS implementation cannot be set up
   */
  public SSLContext sslContext() {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  private TrustManager[] trustManagers() throws GeneralSecurityException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    if (extra.isEmpty()) {
      return system.getTrustManagers();
    }
    // One store with the JDK's roots and the extra ones, so the JDK's own X509ExtendedTrustManager
    // checks the chain and, with the endpoint identification the clients set, the host name.
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("an empty key store cannot be made", e);
    }
    int n = 0;
    for (TrustManager tm : system.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        for (X509Certificate c : x.getAcceptedIssuers()) {
          store.setCertificateEntry("system-" + n++, c);
        }
      }
    }
    for (X509Certificate c : extra) {
      store.setCertificateEntry("extra-" + n++, c);
    }
    TrustManagerFactory both =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    both.init(store);
    return both.getTrustManagers();
  }
}
