/**
 * The MTA-STS policy lifecycle state machine: plans, the enforce readiness guard and the
 * publication history.
 */
@org.jspecify.annotations.NullMarked
// The qualified export names a module built after this one.
@SuppressWarnings("module")
module dev.mtasts.lifecycle {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires com.fasterxml.jackson.core;

  exports dev.mtasts.lifecycle;
  // The CLI prints instants exactly as the plans do (Times).
  exports dev.mtasts.lifecycle.internal to dev.mtasts.cli;
}
