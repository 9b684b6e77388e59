/**
 * MTA-STS policy files (RFC 8461 section 3.2): model, parser, serializer, MX matching and lint.
 * Also home of {@link dev.mtasts.policy.MtaStsException}, the root of every exception the SDK throws.
 */
@org.jspecify.annotations.NullMarked
// The qualified export names modules built after this one.
@SuppressWarnings("module")
module dev.mtasts.policy {
  requires static transitive org.jspecify;

  exports dev.mtasts.policy;
  // Atomic file replacement, shared by the modules that store files (publication history, fetched
  // and received reports) instead of each keeping a copy.
  exports dev.mtasts.policy.internal.files to dev.mtasts.lifecycle, dev.mtasts.tlsrpt.mail,
      dev.mtasts.cli;
}
