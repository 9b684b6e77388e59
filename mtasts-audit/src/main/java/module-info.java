/**
 * The live audit of a domain's MTA-STS deployment (RFC 8461) and its TLS reporting (RFC 8460):
 * both TXT records, the policy as a sender fetches it, the MX hosts against the policy, every MX
 * host's STARTTLS certificate, the policy id against the publication history, and the TLS-RPT
 * evidence, each problem a named finding.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.audit {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires transitive dev.mtasts.lifecycle;
  requires transitive dev.mtasts.sender;
  requires java.net.http;

  exports dev.mtasts.audit;
}
