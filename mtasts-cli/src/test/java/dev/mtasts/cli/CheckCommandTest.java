package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.testkit.net.ScriptedDnsServer;
import dev.mtasts.testkit.net.StartTlsResponder;
import dev.mtasts.testkit.net.TestPki;
import dev.mtasts.testkit.net.TestPolicyHost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mtasts check} against a loopback fake domain (scripted DNS, an in-JVM policy host, two
 * STARTTLS responders), with the flags a user passes for a private network.
 */
final class CheckCommandTest {
  private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.test\nmx: mx2.example.test\n"
      + "max_age: 604800\n";

  @TempDir static Path dir;
  private static Path trust;
  private static TestPki ca;
  private static ScriptedDnsServer dns;
  private static TestPolicyHost policy;
  private static StartTlsResponder mx1;
  private static StartTlsResponder mx2;
  private static StartTlsResponder mx2Wrong;
  private static StartTlsResponder wildcard;

  @BeforeAll
  static void start() throws Exception {
    ca = TestPki.newCa("check test CA");
    trust = dir.resolve("ca.pem");
    TestPki.writePem(trust, ca.root());
    dns = new ScriptedDnsServer();
    policy = new TestPolicyHost(ca.leaf("mta-sts.example.test", List.of("mta-sts.example.test")));
    mx1 = new StartTlsResponder(ca.leaf("mx1.example.test", List.of("mx1.example.test")), StartTlsResponder.Behaviour.NORMAL);
    mx2 = new StartTlsResponder(ca.leaf("mx2.example.test", List.of("mx2.example.test")), StartTlsResponder.Behaviour.NORMAL);
    mx2Wrong = new StartTlsResponder(ca.leaf("mail.example.org", List.of("mail.example.org", "*.example.org")),
        StartTlsResponder.Behaviour.NORMAL);
    wildcard = new StartTlsResponder(ca.leaf("*.example.test", List.of("*.example.test")), StartTlsResponder.Behaviour.NORMAL);
  }

  @AfterAll
  static void stop() {
    mx1.close();
    mx2.close();
    mx2Wrong.close();
    wildcard.close();
    policy.close();
    dns.close();
  }

  @BeforeEach
  void reset() {
    dns.setTxt("_mta-sts.example.test", "v=STSv1; id=20261201T000000");
    dns.setTxt("_smtp._tls.example.test", "v=TLSRPTv1; rua=mailto:tlsrpt@example.test");
    dns.setMx("example.test", 10, "mx1.example.test", "mx2.example.test");
    policy.serve(POLICY);
    dns.setAddresses("mx1.example.test");
    dns.setAddresses("mx2.example.test");
  }

  private static Cli.Result check(StartTlsResponder second, String... extra) {
    List<String> args = new ArrayList<>(List.of("check", "example.test",
        "--resolver", "127.0.0.1:" + dns.address().getPort(),
        "--connect", "mta-sts.example.test=127.0.0.1:" + policy.address().getPort(),
        "--connect", "mx1.example.test=127.0.0.1:" + mx1.address().getPort(),
        "--connect", "mx2.example.test=127.0.0.1:" + second.address().getPort(),
        "--trust", trust.toString(), "--timeout", "10s"));
    args.addAll(List.of(extra));
    return new Cli().clock(Clock.systemUTC()).run(args.toArray(new String[0]));
  }

  @Test
  void flawlessDomainExitsZero() {
    Cli.Result r = check(mx2);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("now (enforce): every MX host would be accepted (mx1.example.test, mx2.example.test)"),
        r::toString);
    assertTrue(r.out().contains("OK: 0 errors, 0 warnings"), r::toString);
  }

  @Test
  void forgottenIdBumpAndCertificateMismatchAreReported() throws Exception {
    Path history = dir.resolve("history.json");
    PublicationHistory.empty("example.test").served(PolicyId.of("20261201T000000"),
        MtaStsPolicy.parse(POLICY.replace("mode: enforce", "mode: testing")), Instant.parse("2026-11-01T00:00:00Z"))
        .write(history);
    Cli.Result r = check(mx2Wrong, "--history", history.toString());
    assertEquals(1, r.status(), r::toString);
    String out = r.out();
    assertTrue(out.contains("ERROR   policy-id-not-bumped  _mta-sts.example.test"), out);
    assertTrue(out.contains("the policy changed but the id did not; senders keep the old one — bump the id"), out);
    assertTrue(out.contains("ERROR   mx-certificate-host-mismatch  mx2.example.test"), out);
    assertTrue(out.contains("it covers only mail.example.org, *.example.org"), out);
    assertTrue(out.contains("refused: mx2.example.test (its certificate does not cover mx2.example.test)"), out);
    // Areas with errors come first; the policy id area holds the worst finding, like the SMTP one.
    assertTrue(out.indexOf("policy id:") < out.indexOf("_mta-sts TXT record:"), out);
  }

  @Test
  void mxHostsAreFoundThroughTheResolverAlone() throws Exception {
    // Both MX names have an A record on the resolver; one server with a wildcard certificate answers for both.
    java.net.InetAddress loopback = wildcard.address().getAddress();
    dns.setAddresses("mx1.example.test", loopback);
    dns.setAddresses("mx2.example.test", loopback);
    List<String> args = List.of("check", "example.test", "--resolver", "127.0.0.1:" + dns.address().getPort(),
        "--connect", "mta-sts.example.test=127.0.0.1:" + policy.address().getPort(),
        "--smtp-port", Integer.toString(wildcard.address().getPort()), "--trust", trust.toString(), "--timeout", "10s");
    Cli.Result r = new Cli().clock(Clock.systemUTC()).run(args.toArray(new String[0]));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("ok      smtp-tls  mx1.example.test"), r::toString);
    assertTrue(r.out().contains("ok      smtp-tls  mx2.example.test"), r::toString);
    // Without an address for mx2 the audit says so, as an error, instead of dialling anything.
    dns.setAddresses("mx2.example.test");
    Cli.Result missing = new Cli().clock(Clock.systemUTC()).run(args.toArray(new String[0]));
    assertEquals(1, missing.status(), missing::toString);
    assertTrue(missing.out().contains("ERROR   mx-host-no-address  mx2.example.test"), missing::toString);
    assertTrue(missing.out().contains("refused: mx2.example.test (it has no address)"), missing::toString);
  }

  @Test
  void jsonHasTheStableSchema() {
    Cli.Result r = check(mx2Wrong, "--json");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("example.test", json.get("domain"));
    assertEquals(false, json.get("ok"));
    assertEquals("20261201T000000", json.get("policyId"));
    assertEquals("enforce", json.get("mode"));
    Json problem = null;
    for (Json f : json.objects("findings")) {
      for (String field : List.of("id", "area", "severity", "subject", "message", "fix")) {
        assertTrue(f.get(field) instanceof String, field + " in " + f);
      }
      if ("mx-certificate-host-mismatch".equals(f.get("id"))) {
        problem = f;
      }
    }
    assertTrue(problem != null, r::toString);
    assertEquals("error", problem.get("severity"));
    assertEquals("smtp", problem.get("area"));
    assertEquals("mx2.example.test", problem.get("subject"));
    assertEquals("mail.example.org, *.example.org", problem.object("evidence").get("dns-names"));
    List<Json> mx = json.objects("mx");
    assertEquals("mx2.example.test", mx.get(1).get("host"));
    assertEquals("mx-certificate-host-mismatch", mx.get(1).get("problem"));
    assertEquals(1L, ((Number) json.object("counts").get("error")).longValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "", "[2001:db8::1]", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com"})
  void badDomainIsAUsageError(String domain) {
    Cli.Result r = Cli.exec("check", domain);
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: DOMAIN \""), r::toString);
  }

  @Test
  void uLabelIsCheckedAsItsALabel() {
    dns.setTxt("_mta-sts.example.test");
    Cli.Result r = new Cli().clock(Clock.systemUTC()).run("check", "bücher.test", "--json", "--timeout", "2s",
        "--resolver", "127.0.0.1:" + dns.address().getPort(),
        "--connect", "mta-sts.xn--bcher-kva.test=127.0.0.1:" + policy.address().getPort(), "--trust", trust.toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals("xn--bcher-kva.test", Json.parse(r.out()).get("domain"));
  }

  @Test
  void badFlagsAreUsageErrors() {
    assertEquals(2, Cli.exec("check", "example.test", "--smtp-port", "0").status());
    assertEquals(2, Cli.exec("check", "example.test", "--connect", "nonsense").status());
    assertEquals(2, Cli.exec("check", "example.test", "--timeout", "forever").status());
    assertEquals(2, Cli.exec("check", "example.test", "--history", dir.resolve("missing.json").toString()).status());
  }
}
