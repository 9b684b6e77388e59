package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtasts fetch} against a loopback DNS server and a loopback HTTPS server whose
 * certificate keytool generates at test time.
 */
final class FetchCommandTest {
  private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 86400\n";

  @TempDir static Path dir;
  private static Path pem;
  private static SSLContext serverTls;
  private static TestDnsServer dns;

  @BeforeAll
  static void setUp() throws Exception {
    Path ks = dir.resolve("ks.p12");
    keytool("-genkeypair", "-alias", "p", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=mta-sts.example.com", "-ext", "SAN=dns:mta-sts.example.com", "-validity", "30",
        "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
    pem = dir.resolve("trust.pem");
    keytool("-exportcert", "-rfc", "-alias", "p", "-keystore", ks.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(store, "changeit".toCharArray());
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    dns = new TestDnsServer().txt("_mta-sts.example.com", "v=STSv1; id=20261124");
  }

  @AfterAll
  static void tearDown() {
    dns.close();
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
  }

  /** A one-response HTTPS server on loopback. */
  private static final class Https implements AutoCloseable {
    final SSLServerSocket socket;

    Https(String response) throws IOException {
      socket = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!socket.isClosed()) {
          try (SSLSocket s = (SSLSocket) socket.accept()) {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
              int b = in.read();
              if (b < 0) {
                break;
              }
              head.write(b);
            }
            OutputStream out = s.getOutputStream();
            out.write(response.getBytes(StandardCharsets.UTF_8));
            out.flush();
          } catch (IOException e) {
            // next connection
          }
        }
      }, "test-https");
      t.setDaemon(true);
      t.start();
    }

    String connect() {
      return "mta-sts.example.com=127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String ok(String contentType, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + b.length
        + "\r\nConnection: close\r\n\r\n" + body;
  }

  @Test
  void aValidPolicyExitsZeroAndListsEveryRule() throws Exception {
    try (Https server = new Https(ok("text/plain; charset=utf-8", POLICY))) {
      Cli.Result r = new Cli().run("fetch", "example.com", "--resolver", dns.address(), "--connect", server.connect(),
          "--trust", pem.toString(), "--timeout", "10s");
      assertEquals(0, r.status(), r::toString);
      assertTrue(r.out().contains("[ok] RFC 8461 §3.1: exactly one valid v=STSv1 TXT record at _mta-sts.example.com (id 20261124)"), r::toString);
      assertTrue(r.out().contains("[ok] RFC 8461 §3.3: the certificate is unexpired"), r::toString);
      assertTrue(r.out().contains("[ok] RFC 8461 §3.2: the body is a valid policy in UTF-8"), r::toString);
      assertTrue(r.out().contains("mode enforce, max_age 86400 s, mx mx1.example.com"), r::toString);
    }
  }

  @Test
  void aRedirectIsRefusedAndItsLocationPrintedEscaped() throws Exception {
    String evil = "https://evil.example/\u009b2J"; // a C1 control (CSI) after Latin-1 decoding
    try (Https server = new Https("HTTP/1.1 301 Moved\r\nLocation: " + evil + "\r\nContent-Length: 0\r\n\r\n")) {
      Cli.Result r = new Cli().run("fetch", "example.com", "--resolver", dns.address(), "--connect", server.connect(),
          "--trust", pem.toString());
      assertEquals(1, r.status(), r::toString);
      assertTrue(r.out().contains("[FAIL] RFC 8461 §3.3: HTTP status 200 (redirects are not followed)"), r::toString);
      assertTrue(r.out().contains("[not checked] RFC 8461 §3.2: Content-Type"), r::toString);
      assertTrue(r.out().contains("Refused (redirect, reported as sts-policy-fetch-error)"), r::toString);
      assertFalse(r.out().contains("\u009b"), "terminal controls are escaped");
      assertTrue(r.out().contains("The redirect pointed to https://evil.example/"), r::toString);
    }
  }

  @Test
  void jsonNamesTheCodeAndResultType() throws Exception {
    try (Https server = new Https(ok("text/html", POLICY))) {
      Cli.Result r = new Cli().run("fetch", "example.com", "--json", "--resolver", dns.address(), "--connect",
          server.connect(), "--trust", pem.toString());
      assertEquals(1, r.status(), r::toString);
      String compact = r.out().replaceAll("\\s+", "");
      assertTrue(compact.contains("\"ok\":false"), r::toString);
      assertTrue(compact.contains("\"code\":\"content-type-not-text-plain\""), r::toString);
      assertTrue(compact.contains("\"resultType\":\"sts-policy-invalid\""), r::toString);
      assertTrue(compact.contains("\"status\":\"not-checked\""), r::toString);
    }
  }

  @Test
  void anUntrustedCertificateFailsTheCertificateRule() throws Exception {
    try (Https server = new Https(ok("text/plain", POLICY))) {
      Cli.Result r = new Cli().run("fetch", "example.com", "--resolver", dns.address(), "--connect", server.connect());
      assertEquals(1, r.status(), r::toString);
      assertTrue(r.out().contains("[FAIL] RFC 8461 §3.3: the certificate"), r::toString);
      assertTrue(r.out().contains("sts-webpki-invalid"), r::toString);
    }
  }

  @Test
  void withoutATxtRecordASenderStops() {
    Cli.Result r = new Cli().run("fetch", "nothing.example", "--resolver", dns.address());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("[FAIL] RFC 8461 §3.1"), r::toString);
    assertTrue(r.out().contains("A sender stops here"), r::toString);
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, new Cli().run("fetch", "example.com", "--connect", "nonsense").status());
    assertEquals(2, new Cli().run("fetch", "example.com", "--connect", "mta-sts.example.com=127.0.0.1:99999").status());
    assertEquals(2, new Cli().run("fetch", "example.com", "--timeout", "soon").status());
    assertEquals(2, new Cli().run("fetch", "example.com", "--timeout", "0s").status());
    assertEquals(2, new Cli().run("fetch", "example.com", "--trust", dir.resolve("missing.pem").toString()).status());
    assertEquals(2, new Cli().run("fetch", "exa mple.com").status());
    assertEquals(2, new Cli().run("fetch").status());
  }
}
