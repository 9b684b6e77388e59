/**
 * jqwik arbitraries for property tests of code that reads, writes or acts on MTA-STS policies
 * (RFC 8461), {@code _mta-sts} and {@code _smtp._tls} TXT records, and TLS-RPT reports (RFC
 * 8460). Everything is reachable from {@link dev.mtasts.testkit.MtaStsArbitraries}.
 *
 * <p>Add the module with test scope. A property test as a user writes it:
 *
 * <pre>{@code
 * class MyPolicyCacheProperties {
 *   @Property
 *   void storesEveryPolicyUnchanged(@ForAll("policies") MtaStsPolicy policy) {
 *     MyPolicyCache cache = new MyPolicyCache();
 *     cache.put("example.com", policy.toText());
 *     assertEquals(policy, MtaStsPolicy.parse(cache.get("example.com")));
 *   }
 *
 *   @Provide
 *   Arbitrary<MtaStsPolicy> policies() {
 *     return MtaStsArbitraries.policies();
 *   }
 * }
 * }</pre>
 *
 * <p>Generated values shrink towards small, readable cases: host names like {@code a.aa}, one
 * {@code mx} line, {@code max_age: 0}, no extensions.
 */
@NullMarked
package dev.mtasts.testkit;

import org.jspecify.annotations.NullMarked;
