package dev.mtasts.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a server's leaf certificate says, as the audit shows it: names, issuer, validity and the
 * days left. Values come from the server: untrusted text.
 *
 * @param subject the subject's distinguished name (RFC 2253)
 * @param issuer the issuer's distinguished name
 * @param dnsNames the subjectAltName dNSNames, in certificate order (the only names RFC 8461 §4.2 uses)
 * @param notBefore the start of the validity period
 * @param notAfter the end of the validity period
 * @param daysLeft whole days from the audit until {@code notAfter}; negative once expired
 * @param chainLength how many certificates the server presented, leaf included
 */
public record CertificateInfo(
    String subject, String issuer, List<String> dnsNames, Instant notBefore, Instant notAfter,
    long daysLeft, int chainLength) {
  /**
   * Validates and copies the parts.
   *
   * @param subject the subject
   * @param issuer the issuer
   * @param dnsNames the DNS names
   * @param notBefore the start of validity
   * @param notAfter the end of validity
   * @param daysLeft days left
   * @param chainLength the chain length, at least 1
   */
  public CertificateInfo {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
    dnsNames = List.copyOf(dnsNames);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    if (chainLength < 1) {
      throw new IllegalArgumentException("chainLength must be at least 1: " + chainLength);
    }
  }
}
