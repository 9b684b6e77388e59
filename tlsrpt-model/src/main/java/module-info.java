/**
 * TLS-RPT reports (RFC 8460): immutable model, streaming JSON and gzip reading and writing,
 * mergeable aggregation and report generation.
 */
@org.jspecify.annotations.NullMarked
// The qualified exports name modules built after this one (javac warns of them as unknown).
@SuppressWarnings("module")
module dev.mtasts.tlsrpt {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires com.fasterxml.jackson.core;

  exports dev.mtasts.tlsrpt;
  // The CLI and the Flink module write a domain's figures with the one JSON writer
  // (DomainSummaryJson); the Flink module also keys reports by their fingerprints (ReportKey).
  exports dev.mtasts.tlsrpt.internal to dev.mtasts.cli, dev.mtasts.tlsrpt.flink;
  // One translation of Jackson's limits and errors, shared with the publication history reader.
  exports dev.mtasts.tlsrpt.internal.json to dev.mtasts.lifecycle;
}
