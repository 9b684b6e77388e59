package dev.mtasts.audit;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the audit found out about one MX host: whether the policy covers it and what its STARTTLS
 * session established.
 *
 * @param host the MX host name, lower-case A-labels without the root dot
 * @param preference the MX preference
 * @param covered whether an {@code mx} pattern of the served policy covers it (false without a policy)
 * @param address the address and port dialled, or empty when none was
 * @param starttls whether the server offered STARTTLS
 * @param tlsProtocol the negotiated TLS version, such as {@code TLSv1.3}, or empty
 * @param cipherSuite the negotiated cipher suite, or empty
 * @param certificate the server's leaf certificate, or {@code null} without a handshake
 * @param problem the worst SMTP finding of the host, or {@code null} when its session meets RFC 8461 §4
 * @param detail the problem in words, or empty
 */
public record MxProbe(
    String host, int preference, boolean covered, String address, boolean starttls, String tlsProtocol,
    String cipherSuite, @Nullable CertificateInfo certificate, @Nullable FindingId problem, String detail) {
  /**
   * Validates the parts.
   *
   * @param host the host
   * @param preference the preference
   * @param covered whether a pattern covers it
   * @param address the address dialled, or empty
   * @param starttls whether STARTTLS was offered
   * @param tlsProtocol the TLS version, or empty
   * @param cipherSuite the cipher suite, or empty
   * @param certificate the certificate, or null
   * @param problem the problem, or null
   * @param detail the detail, or empty
   */
  public MxProbe {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(tlsProtocol, "tlsProtocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Returns why a sender enforcing RFC 8461 §4 would refuse to deliver to this host: not covered by
   * the policy, no STARTTLS, or a certificate not valid for the host.
   *
   * @return the reason in words, or empty when it would deliver
   */
  public Optional<String> refusal() {
    if (!covered) {
      return Optional.of("no mx pattern covers it");
    }
    if (problem == null) {
      return Optional.empty();
    }
    return Optional.of(switch (problem) {
      case SMTP_STARTTLS_NOT_OFFERED -> "no STARTTLS";
      case MX_CERTIFICATE_HOST_MISMATCH -> "its certificate does not cover " + host;
      case MX_CERTIFICATE_EXPIRED -> "its certificate has expired";
      case MX_CERTIFICATE_NOT_TRUSTED -> "its certificate is not trusted";
      case SMTP_UNREACHABLE, SMTP_NO_GREETING -> "it does not answer";
      case MX_HOST_NO_ADDRESS -> "it has no address";
      case MX_ADDRESS_LOOKUP_FAILED -> "its address cannot be looked up";
      case SMTP_TLS_VERSION_TOO_OLD -> "it offers only TLS older than 1.2";
      default -> problem.id();
    });
  }
}
