/**
 * Network test fixtures shared by the SDK's own test suites and usable in users' tests: a test
 * CA issuing server certificates ({@link dev.mtasts.testkit.net.TestPki}), a scripted DNS server
 * ({@link dev.mtasts.testkit.net.ScriptedDnsServer}), an HTTPS policy host ({@link
 * dev.mtasts.testkit.net.TestPolicyHost}) and an SMTP server with STARTTLS ({@link
 * dev.mtasts.testkit.net.StartTlsResponder}), all on loopback.
 */
@NullMarked
package dev.mtasts.testkit.net;

import org.jspecify.annotations.NullMarked;
