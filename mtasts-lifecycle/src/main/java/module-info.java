/**
 * The MTA-STS policy lifecycle state machine: plans, the enforce readiness guard and the
 * publication history.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.lifecycle {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires com.fasterxml.jackson.core;

  exports dev.mtasts.lifecycle;
}
