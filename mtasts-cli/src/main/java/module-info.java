/**
 * The {@code mtasts} command: policy, record, DNS, report, readiness and plan commands over the
 * MTA-STS and TLS-RPT library modules.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.cli {
  requires static org.jspecify;
  requires transitive info.picocli;
  requires com.fasterxml.jackson.core;
  requires dev.mtasts.policy;
  requires dev.mtasts.dns;
  requires dev.mtasts.tlsrpt;
  requires dev.mtasts.tlsrpt.mail;
  requires dev.mtasts.lifecycle;
  requires dev.mtasts.sender;
  requires dev.mtasts.audit;
  requires dev.mtasts.report.html;

  exports dev.mtasts.cli;

  // picocli reads and writes the annotated option fields of the commands reflectively.
  opens dev.mtasts.cli to info.picocli;
}
