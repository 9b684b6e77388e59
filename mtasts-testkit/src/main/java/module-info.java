/**
 * jqwik arbitraries for MTA-STS policies, TXT records and TLS-RPT reports, for property tests.
 * Add it with test scope.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.testkit {
  requires static transitive org.jspecify;
  requires transitive net.jqwik.api;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires transitive dev.mtasts.lifecycle;

  exports dev.mtasts.testkit;

  // @ForAll MtaStsPolicy (and the other value types) without a @Provide method.
  provides net.jqwik.api.providers.ArbitraryProvider with dev.mtasts.testkit.internal.DefaultArbitraryProvider;
}
