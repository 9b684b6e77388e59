/**
 * What a sending MTA needs for MTA-STS (RFC 8461 §3.3, §4, §5): the HTTPS policy fetch, the
 * policy cache, the per-MX decision and TLS-RPT (RFC 8460) recording of what happened.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.sender {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires java.net.http;

  exports dev.mtasts.sender;
}
