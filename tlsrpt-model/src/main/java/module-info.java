/**
 * TLS-RPT reports (RFC 8460): immutable model, streaming JSON and gzip reading and writing,
 * mergeable aggregation and report generation.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.tlsrpt {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires com.fasterxml.jackson.core;

  exports dev.mtasts.tlsrpt;
}
