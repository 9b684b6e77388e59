package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class DnsCommandTest {
  private static TestDnsServer dns;

  @BeforeAll
  static void startServer() throws IOException {
    dns = new TestDnsServer()
        .txt("_mta-sts.good.example", "v=STSv1; id=20261012090000;")
        .txt("_mta-sts.good.example", "v=spf1 -all")
        .txt("_smtp._tls.good.example", "v=TLSRPTv1; ", "rua=mailto:tlsrpt@good.example")
        .mx("good.example", 20, "mx2.good.example")
        .mx("good.example", 10, "mx1.good.example")
        .cname("_mta-sts.delegated.example", "_mta-sts.provider.example")
        .txt("_mta-sts.provider.example", "v=STSv1; id=abc;")
        .txt("_smtp._tls.delegated.example", "v=TLSRPTv1; rua=https://reports.provider.example/v1")
        .mx("delegated.example", 0, "mx.provider.example")
        .txt("_mta-sts.bad.example", "v=STSv1; id=1;")
        .txt("_mta-sts.bad.example", "v=STSv1; id=2;")
        .txt("_smtp._tls.bad.example", "v=TLSRPTv1; rua=ftp")
        .txt("bad.example", "v=spf1 -all");
  }

  @AfterAll
  static void stopServer() {
    dns.close();
  }

  @Test
  void showsBothRecordsAndTheMxHostsOfAGoodDomain() {
    Cli.Result r = Cli.exec("dns", "good.example", "--resolver", dns.address(), "--timeout", "2");
    assertEquals(0, r.status(), r::toString);
    assertEquals("_mta-sts.good.example TXT: v=STSv1; id=20261012090000;  (policy id 20261012090000)\n"
        + "_smtp._tls.good.example TXT: v=TLSRPTv1; rua=mailto:tlsrpt@good.example\n"
        + "good.example MX: 10 mx1.good.example, 20 mx2.good.example\n"
        + "\n"
        + "OK: both records are valid. The policy itself is served at"
        + " https://mta-sts.good.example/.well-known/mta-sts.txt (not fetched by this command).\n",
        r.out());
  }

  @Test
  void followsACnameToTheProvider() {
    Cli.Result r = Cli.exec("dns", "delegated.example", "--resolver", dns.address());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("TXT: v=STSv1; id=abc;"), r::toString);
  }

  @Test
  void listsWhatIsWrongWithABadDomain() {
    Cli.Result r = Cli.exec("dns", "bad.example", "--resolver", dns.address());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("_mta-sts.bad.example TXT: 2 competing records:"), r::toString);
    assertTrue(r.out().contains("error invalid-rua (column "), r::toString);
    assertTrue(r.out().contains("bad.example MX: none: no MX record at the name (NODATA)"), r::toString);
    assertTrue(r.out().contains("3 problems:"), r::toString);
  }

  @Test
  void jsonDescribesEachLookup() {
    Cli.Result r = Cli.exec("dns", "bad.example", "--json", "--resolver", dns.address());
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("ok"));
    assertEquals("several-records", json.object("sts").get("status"));
    assertEquals(2, json.object("sts").list("texts").size());
    assertEquals("invalid", json.object("tlsRpt").get("status"));
    assertEquals("invalid-rua", json.object("tlsRpt").object("error").get("code"));
    assertEquals("no-record", json.object("mx").get("status"));
    assertEquals("NODATA", json.object("mx").get("reason"));
    assertEquals(3, json.list("problems").size());
    Cli.Result good = Cli.exec("dns", "good.example", "--json", "--resolver", dns.address());
    Json ok = Json.parse(good.out());
    assertEquals(true, ok.get("ok"));
    assertEquals("20261012090000", ok.object("sts").get("id"));
    assertEquals(List.of("mailto:tlsrpt@good.example"), ok.object("tlsRpt").list("rua"));
    assertEquals("mx1.good.example", ok.object("mx").objects("hosts").get(0).get("host"));
  }

  @Test
  void aDomainThatDoesNotExist() {
    Cli.Result r = Cli.exec("dns", "nowhere.example", "--resolver", dns.address());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("_mta-sts.nowhere.example TXT: none: the name does not exist (NXDOMAIN)"), r::toString);
  }

  @Test
  void aRefusingResolverIsATemporaryFailure() throws IOException {
    try (TestDnsServer refusing = new TestDnsServer().refuseAll()) {
      Cli.Result r = Cli.exec("dns", "good.example", "--resolver", refusing.address(), "--retries", "0");
      assertEquals(1, r.status(), r::toString);
      assertTrue(r.out().contains("temporary failure REFUSED"), r::toString);
      assertTrue(r.out().contains("the DNS gave no answer (REFUSED); try again later"), r::toString);
      assertEquals("", r.err(), r::toString);
    }
  }

  @Test
  void aSilentResolverTimesOut() throws IOException {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.exec("dns", "good.example", "--resolver", "127.0.0.1:" + silent.getLocalPort(),
          "--timeout", "1", "--retries", "0");
      assertEquals(1, r.status(), r::toString);
      assertTrue(r.out().contains("temporary failure TIMEOUT"), r::toString);
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    Cli.Result badResolver = Cli.exec("dns", "good.example", "--resolver", "127.0.0.1:99999");
    assertEquals(2, badResolver.status(), badResolver::toString);
    assertTrue(badResolver.err().startsWith("mtasts: --resolver \"127.0.0.1:99999\": port 99999 is outside 1..65535"), badResolver::toString);
    Cli.Result badDomain = Cli.exec("dns", "bad..example", "--resolver", dns.address());
    assertEquals(2, badDomain.status(), badDomain::toString);
    assertTrue(badDomain.err().startsWith("mtasts: DOMAIN \"bad..example\": "), badDomain::toString);
    Cli.Result badTimeout = Cli.exec("dns", "good.example", "--timeout", "0");
    assertEquals(2, badTimeout.status(), badTimeout::toString);
  }
}
