package dev.mtasts.audit;

/**
 * The MX host cases of the suite, each one SMTP service: in-JVM ({@link StartTlsResponder}) or
 * one Postfix smtpd per case on consecutive loopback ports ({@code .ci/real-smtp-suite}).
 */
enum SmtpCase {
  /** STARTTLS with a certificate naming mx1.example.test exactly. */
  EXACT("mx1.example.test"),
  /** STARTTLS with a certificate for *.example.test (covers mx2.example.test, RFC 8461 §4.2). */
  WILDCARD("*.example.test"),
  /** STARTTLS with a certificate for another name only. */
  OTHER_NAME("other.example.org"),
  /** STARTTLS with an expired certificate for the MX names. */
  EXPIRED("mx2.example.test"),
  /** No STARTTLS at all. */
  NO_STARTTLS("");

  /** The certificate's only dNSName, empty without STARTTLS. */
  final String certName;

  SmtpCase(String certName) {
    this.certName = certName;
  }

  /** The port offset of this case from the suite's base port. */
  int offset() {
    return ordinal();
  }
}
