/**
 * MTA-STS policy files (RFC 8461 section 3.2): model, parser, serializer, MX matching and lint.
 * Also home of {@link dev.mtasts.policy.MtaStsException}, the root of every exception the SDK throws.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.policy {
  requires static transitive org.jspecify;

  exports dev.mtasts.policy;
}
