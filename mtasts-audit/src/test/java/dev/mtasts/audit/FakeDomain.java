package dev.mtasts.audit;

import dev.mtasts.testkit.net.ScriptedDnsServer;
import dev.mtasts.testkit.net.StartTlsResponder;
import dev.mtasts.testkit.net.TestPki;
import dev.mtasts.testkit.net.TestPolicyHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A whole fake domain, {@code example.test}, on loopback: its TXT and MX records on a scripted
 * DNS server, its policy host in-JVM, and its MX hosts as SMTP services, in-JVM ({@link
 * StartTlsResponder}) or, with {@code -Dmtasts.smtp.server=127.0.0.1:PORT} and {@code
 * -Dmtasts.smtp.fixture=DIR}, Postfix's smtpd on PORT + {@link SmtpCase#offset()} with the
 * certificates {@link SmtpFixture} wrote into DIR. {@link #reset()} makes it flawless; tests then
 * break one thing at a time.
 */
final class FakeDomain implements AutoCloseable {
  static final String DOMAIN = "example.test";
  static final String MX1 = "mx1.example.test";
  static final String MX2 = "mx2.example.test";
  static final String ID = "20261201T000000";
  static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: " + MX1 + "\r\nmx: " + MX2
      + "\r\nmax_age: 604800\r\n";

  /** The real server's base address, or null for the in-JVM responders. */
  static final @Nullable String REAL_SERVER = System.getProperty("mtasts.smtp.server");

  final TestPki policyCa = TestPki.newCa("mtasts-audit policy CA");
  final ScriptedDnsServer dns;
  final TestPolicyHost policyHost;
  private final List<X509Certificate> roots = new ArrayList<>();
  private final Map<SmtpCase, InetSocketAddress> smtp = new EnumMap<>(SmtpCase.class);
  private final List<StartTlsResponder> responders = new ArrayList<>();
  final Map<String, InetSocketAddress> connect = new LinkedHashMap<>();

  FakeDomain() throws IOException, GeneralSecurityException {
    dns = new ScriptedDnsServer();
    policyHost = new TestPolicyHost(policyCa.leaf("mta-sts." + DOMAIN, List.of("mta-sts." + DOMAIN)));
    roots.add(policyCa.root());
    if (REAL_SERVER == null) {
      SmtpFixture fixture = new SmtpFixture();
      roots.add(fixture.pki.root());
      for (SmtpCase c : SmtpCase.values()) {
        StartTlsResponder r = new StartTlsResponder(fixture.certificates.get(c), StartTlsResponder.Behaviour.NORMAL);
        responders.add(r);
        smtp.put(c, r.address());
      }
    } else {
      String dir = System.getProperty("mtasts.smtp.fixture");
      if (dir == null) {
        throw new IllegalStateException("-Dmtasts.smtp.server needs -Dmtasts.smtp.fixture=DIR (the CA)");
      }
      roots.add(SmtpFixture.readCertificate(Path.of(dir, "ca.pem")));
      int colon = REAL_SERVER.lastIndexOf(':');
      InetAddress host = InetAddress.getByName(REAL_SERVER.substring(0, colon));
      int base = Integer.parseInt(REAL_SERVER.substring(colon + 1));
      for (SmtpCase c : SmtpCase.values()) {
        smtp.put(c, new InetSocketAddress(host, base + c.offset()));
      }
    }
    reset();
  }

  /** Makes the domain flawless: both records, the policy, two MX hosts with valid certificates. */
  void reset() {
    dns.setTxt("_mta-sts." + DOMAIN, "v=STSv1; id=" + ID);
    dns.setTxt("_smtp._tls." + DOMAIN, "v=TLSRPTv1; rua=mailto:tlsrpt@" + DOMAIN);
    dns.setCname("_mta-sts." + DOMAIN, null);
    dns.setMx(DOMAIN, 10, MX1, MX2);
    policyHost.certificate = policyCa.leaf("mta-sts." + DOMAIN, List.of("mta-sts." + DOMAIN));
    policyHost.serve(POLICY);
    for (String h : List.of(MX1, MX2)) {
      dns.setAddresses(h);
      dns.setSilent(h, false);
    }
    connect.clear();
    connect.put("mta-sts." + DOMAIN, policyHost.address());
    mx(MX1, SmtpCase.EXACT);
    mx(MX2, SmtpCase.WILDCARD);
  }

  /** Points an MX host name at the SMTP service of a case. */
  void mx(String host, SmtpCase c) {
    connect.put(host, smtp.get(c));
  }

  /** The address of a case's SMTP service. */
  InetSocketAddress smtpAddress(SmtpCase c) {
    return java.util.Objects.requireNonNull(smtp.get(c));
  }

  /** Makes an MX host reachable through the DNS only: its A record, no connect address. */
  void mxByDns(String host, InetAddress... addresses) {
    connect.remove(host);
    dns.setAddresses(host, addresses);
  }

  /** Points a host name at an address. */
  void connect(String host, InetSocketAddress address) {
    connect.put(host, address);
  }

  List<X509Certificate> roots() {
    return List.copyOf(roots);
  }

  /** An audit of the domain through its loopback servers. */
  DomainAudit.Builder audit() {
    DomainAudit.Builder b = DomainAudit.newBuilder().dnsServer(dns.address()).trustRoots(roots)
        .timeout(Duration.ofSeconds(10));
    connect.forEach(b::connect);
    return b;
  }

  @Override
  public void close() {
    for (StartTlsResponder r : responders) {
      r.close();
    }
    policyHost.close();
    dns.close();
  }
}
