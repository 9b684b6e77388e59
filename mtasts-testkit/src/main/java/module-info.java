/**
 * jqwik arbitraries for MTA-STS policies, TXT records and TLS-RPT reports, for property tests,
 * and network fixtures on loopback (a test CA, a scripted DNS server, a policy host, a STARTTLS
 * responder). Add it with test scope.
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.testkit {
  requires static transitive org.jspecify;
  requires transitive net.jqwik.api;
  requires transitive dev.mtasts.policy;
  requires transitive dev.mtasts.dns;
  requires transitive dev.mtasts.tlsrpt;
  requires transitive dev.mtasts.lifecycle;
  requires org.dnsjava;
  requires jdk.httpserver;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;

  exports dev.mtasts.testkit;
  exports dev.mtasts.testkit.net;

  // @ForAll MtaStsPolicy (and the other value types) without a @Provide method.
  provides net.jqwik.api.providers.ArbitraryProvider with dev.mtasts.testkit.internal.DefaultArbitraryProvider;
}
