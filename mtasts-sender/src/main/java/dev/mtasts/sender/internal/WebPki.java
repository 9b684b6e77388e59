package dev.mtasts.sender.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Web PKI validation of a server's certificate chain for one host, as RFC 8461 §3.3 (policy
 * host) and §4.2 (MX host) require: unexpired, chaining to a trusted root, usable for a TLS
 * server, with a subjectAltName dNSName matching the host (RFC 6125, CN never consulted).
 * Revocation is not checked (RFC 8461 allows but does not require it). Immutable and thread-safe.
 */
public final class WebPki {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String ANY_EKU = "2.5.29.37.0";

  /** What is wrong with a certificate chain. */
  public enum Problem {
    /** The leaf (or another certificate of the chain) has expired. */
    EXPIRED,
    /** The leaf is not valid yet. */
    NOT_YET_VALID,
    /** The chain does not lead to a trusted root, or the leaf is not for TLS servers. */
    NOT_TRUSTED,
    /** No DNS-ID matches the host. */
    HOST_MISMATCH,
    /** The leaf has no DNS-ID at all (only a CN, which is not consulted). */
    NO_DNS_NAME
  }

  /**
   * A refused chain.
   *
   * @param problem what is wrong
   * @param message a message a person can act on
   */
  public record Refusal(Problem problem, String message) {
    /**
     * Validates the parts.
     *
     * @param problem what is wrong
     * @param message the message
     */
    public Refusal {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(message, "message");
    }
  }

  private final Set<TrustAnchor> anchors;

  private WebPki(Set<TrustAnchor> anchors) {
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("at least one trusted root certificate is needed");
    }
    this.anchors = Set.copyOf(anchors);
  }

  /**
   * Returns a validator trusting the given root certificates.
   *
   * @param roots the roots
   * @return the validator
   */
  public static WebPki trusting(List<X509Certificate> roots) {
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate root : roots) {
      set.add(new TrustAnchor(root, null));
    }
    return new WebPki(set);
  }

  /**
   * Returns a validator trusting the JDK's default roots (its {@code cacerts}, or what {@code
   * javax.net.ssl.trustStore} names).
   *
   * @return the validator
   */
  public static WebPki jdkDefault() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return trusting(List.of(x.getAcceptedIssuers()));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's default trust store cannot be read: " + e.getMessage(), e);
    }
    throw new IllegalStateException("the JDK has no X.509 trust manager");
  }

  /**
   * Validates a server's chain for a host at a time.
   *
   * @param chain the chain as presented, leaf first
   * @param host the host name the certificate must be valid for, lower-case A-labels
   * @param now the time of the check
   * @return why the chain is refused, or {@code null} when it is valid
   */
  public @Nullable Refusal check(List<X509Certificate> chain, String host, Instant now) {
    if (chain.isEmpty()) {
      return new Refusal(Problem.NOT_TRUSTED, "the server presented no certificate");
    }
    X509Certificate leaf = chain.get(0);
    Date date = Date.from(now);
    try {
      leaf.checkValidity(date);
    } catch (CertificateExpiredException e) {
      return new Refusal(Problem.EXPIRED, "the certificate for " + subject(leaf) + " expired on "
          + leaf.getNotAfter().toInstant() + "; renew it (RFC 8461 §3.3)");
    } catch (CertificateNotYetValidException e) {
      return new Refusal(Problem.NOT_YET_VALID, "the certificate for " + subject(leaf)
          + " is not valid before " + leaf.getNotBefore().toInstant() + " (RFC 8461 §3.3)");
    }
    @Nullable Refusal trust = checkTrust(chain, leaf, date);
    if (trust != null) {
      return trust;
    }
    List<String> dnsIds = DnsIds.of(leaf);
    if (dnsIds.isEmpty()) {
      return new Refusal(Problem.NO_DNS_NAME, "the certificate for " + subject(leaf)
          + " has no subjectAltName dNSName; its CN is not consulted (RFC 8461 §3.3, RFC 6125):"
          + " issue it with DNS name " + host);
    }
    if (!DnsIds.anyMatches(dnsIds, host)) {
      return new Refusal(Problem.HOST_MISMATCH, "the certificate is for " + names(dnsIds)
          + ", not for " + host + " (RFC 8461 §3.3: a * covers exactly one whole left-most label)");
    }
    return null;
  }

  private @Nullable Refusal checkTrust(List<X509Certificate> chain, X509Certificate leaf, Date date) {
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_EKU)) {
        return new Refusal(Problem.NOT_TRUSTED,
            "the certificate for " + subject(leaf) + " is not for TLS servers (extended key usage "
                + eku + " lacks serverAuth)");
      }
    } catch (CertificateParsingException e) {
      return new Refusal(Problem.NOT_TRUSTED, "the certificate's extended key usage cannot be read");
    }
    for (TrustAnchor a : anchors) {
      if (leaf.equals(a.getTrustedCert())) {
        return null; // the leaf itself is a configured root
      }
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(date);
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
      CertPathBuilder.getInstance("PKIX").build(params);
      return null;
    } catch (CertPathBuilderException e) {
      for (X509Certificate c : chain.subList(1, chain.size())) {
        if (c.getNotAfter().toInstant().isBefore(date.toInstant())) {
          return new Refusal(Problem.EXPIRED, "the chain's certificate " + subject(c)
              + " expired on " + c.getNotAfter().toInstant());
        }
      }
      boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
      return new Refusal(Problem.NOT_TRUSTED, (selfSigned
          ? "the certificate for " + subject(leaf) + " is self-signed"
          : "the chain for " + subject(leaf) + " (issued by " + leaf.getIssuerX500Principal().getName()
              + ") does not lead to a trusted root")
          + "; serve a chain to a public CA, or configure the root as trusted (RFC 8461 §3.3)");
    } catch (InvalidAlgorithmParameterException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK's PKIX implementation is unusable: " + e.getMessage(), e);
    }
  }

  private static String subject(X509Certificate cert) {
    List<String> ids = DnsIds.of(cert);
    return ids.isEmpty() ? "\"" + Texts.escape(cert.getSubjectX500Principal().getName()) + "\"" : names(ids);
  }

  private static String names(List<String> ids) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.size() && i < 8; i++) {
      b.append(i == 0 ? "" : ", ").append(Texts.escape(ids.get(i)));
    }
    if (ids.size() > 8) {
      b.append(", ... (").append(ids.size()).append(" names)");
    }
    return b.toString();
  }
}
