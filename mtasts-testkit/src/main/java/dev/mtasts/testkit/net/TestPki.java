package dev.mtasts.testkit.net;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA and leaf certificates generated at test time with Bouncy Castle (EC P-256), for the
 * in-JVM TLS servers of tests (policy hosts, STARTTLS responders) and for the certificate files
 * of real servers started on loopback (nginx, Postfix).
 *
 * <pre>{@code
 * TestPki ca = TestPki.newCa("test CA");
 * TestPki.Issued mx = ca.leaf("mx1.example.com", List.of("mx1.example.com"));
 * TestPki.writePem(dir.resolve("mx1.pem"), mx.certificate(), ca.root());
 * TestPki.writeKey(dir.resolve("mx1.key"), mx.key());
 * }</pre>
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /**
   * A certificate with its private key and the chain to present (leaf first, root excluded).
   *
   * @param certificate the leaf
   * @param key its private key
   * @param chain the intermediates to present after it (empty: the CA signs leaves directly)
   */
  public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
    /**
     * Validates the parts and copies the chain.
     *
     * @param certificate the leaf
     * @param key its key
     * @param chain the intermediates
     */
    public Issued {
      java.util.Objects.requireNonNull(certificate, "certificate");
      java.util.Objects.requireNonNull(key, "key");
      chain = List.copyOf(chain);
    }
  }

  private final KeyPair caKeys;
  private final X509Certificate ca;

  private TestPki(KeyPair caKeys, X509Certificate ca) {
    this.caKeys = caKeys;
    this.ca = ca;
  }

  /**
   * Returns a new CA, valid from a day ago for ten years.
   *
   * @param name the CA's common name
   * @return the CA
   */
  public static TestPki newCa(String name) {
    KeyPair keys = keyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
        subject, keys.getPublic());
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestPki(keys, sign(b, keys.getPrivate()));
  }

  /**
   * Returns the CA certificate, the root a client trusts.
   *
   * @return the root
   */
  public X509Certificate root() {
    return ca;
  }

  /**
   * Issues a server certificate for DNS names, valid in [notBefore, notAfter].
   *
   * @param cn the subject's common name
   * @param dnsNames the subjectAltName dNSNames; none: a CN-only certificate
   * @param notBefore the start of validity
   * @param notAfter the end of validity
   * @return the certificate and its key
   */
  public Issued leaf(String cn, List<String> dnsNames, Instant notBefore, Instant notAfter) {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
        new X500Name(ca.getSubjectX500Principal().getName()), serial(), Date.from(notBefore),
        Date.from(notAfter), new X500Name("CN=" + cn), keys.getPublic());
    addLeafExtensions(b, dnsNames);
    return new Issued(sign(b, caKeys.getPrivate()), keys.getPrivate(), List.of());
  }

  /**
   * Issues a server certificate valid from a day ago for ten years.
   *
   * @param cn the subject's common name
   * @param dnsNames the subjectAltName dNSNames
   * @return the certificate and its key
   */
  public Issued leaf(String cn, List<String> dnsNames) {
    Instant now = Instant.now();
    return leaf(cn, dnsNames, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
  }

  /**
   * Returns a self-signed certificate for a DNS name, issued by nobody a client trusts.
   *
   * @param dnsName the name
   * @return the certificate and its key
   */
  public static Issued selfSigned(String dnsName) {
    KeyPair keys = keyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + dnsName);
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
        subject, keys.getPublic());
    addLeafExtensions(b, List.of(dnsName));
    return new Issued(sign(b, keys.getPrivate()), keys.getPrivate(), List.of());
  }

  private static void addLeafExtensions(X509v3CertificateBuilder b, List<String> dnsNames) {
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      if (!dnsNames.isEmpty()) {
        List<GeneralName> names = new ArrayList<>();
        for (String n : dnsNames) {
          names.add(new GeneralName(GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns certificates (or other Bouncy Castle PEM objects) in PEM form.
   *
   * @param objects the objects
   * @return the PEM text
   */
  public static String pem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes a private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), which OpenSSL reads.
   *
   * @param file the file
   * @param key the key
   */
  public static void writeKey(Path file, PrivateKey key) {
    String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded());
    try {
      Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes objects in PEM form to a file.
   *
   * @param file the file
   * @param objects the objects
   */
  public static void writePem(Path file, Object... objects) {
    try {
      Files.writeString(file, pem(objects), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
