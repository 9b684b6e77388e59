package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mtasts.tlsrpt.mail.ReportReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtasts report post} against the SDK's receiver on a loopback HttpServer. */
final class ReportPostCommandTest {

  @TempDir Path dir;
  HttpServer server;
  String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tlsrpt", ReportReceiver.into(dir.resolve("received")));
    server.createContext("/down", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void postsAReportTheReceiverStoresOnce() throws IOException {
    Path report = new ReportMailCommandTest().withDir(dir).reportFile(true);
    Cli.Result r = Cli.exec("report", "post", report.toString(), url + "/tlsrpt");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("delivered to " + url + "/tlsrpt: HTTP 201 after 1 attempt"), r::toString);
    Cli.Result again = Cli.exec("report", "post", report.toString(), url + "/tlsrpt");
    assertTrue(again.out().contains("HTTP 200"), again::toString);
    try (Stream<Path> s = Files.list(dir.resolve("received"))) {
      assertEquals(1, s.count());
    }
    Cli.Result summary = Cli.exec("report", "summarize", "--json", dir.resolve("received").toString());
    assertEquals(1L, Json.parse(summary.out()).get("reports"), summary::toString);
  }

  @Test
  void aReceiverAnsweringOtherThan2xxIsNotDelivered() throws IOException {
    Path report = new ReportMailCommandTest().withDir(dir).reportFile(true);
    Cli.Result r = Cli.exec("report", "post", report.toString(), url + "/down");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains("not delivered to " + url + "/down after 1 attempt: HTTP 503"), r::toString);
    Cli.Result bad = Cli.exec("report", "post", report.toString(), "mailto:a@example.com");
    assertEquals(2, bad.status(), bad::toString);
    Cli.Result retry = Cli.exec("report", "post", "--retry-for", "25", report.toString(), url);
    assertEquals(2, retry.status(), retry::toString);
  }

  @Test
  void trustNamesTheExtraRootsOfAnHttpsReceiver() throws Exception {
    Path[] cert = TestImapServer.selfSigned(dir);
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = Files.newInputStream(cert[0])) {
      store.load(in, "changeit".toCharArray());
    }
    javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    https.createContext("/tlsrpt", ReportReceiver.into(dir.resolve("received-tls")));
    https.start();
    try {
      String tlsUrl = "https://127.0.0.1:" + https.getAddress().getPort() + "/tlsrpt";
      Path report = new ReportMailCommandTest().withDir(dir).reportFile(true);
      Cli.Result untrusted = Cli.exec("report", "post", report.toString(), tlsUrl);
      assertEquals(1, untrusted.status(), untrusted::toString);
      assertTrue(untrusted.err().contains("SSLHandshakeException"), untrusted::toString);
      Cli.Result trusted = Cli.exec("report", "post", "--trust", cert[1].toString(),
          report.toString(), tlsUrl);
      assertEquals(0, trusted.status(), trusted::toString);
      assertTrue(trusted.out().contains("HTTP 201"), trusted::toString);
      Cli.Result notPem = Cli.exec("report", "post", "--trust", report.toString(),
          report.toString(), tlsUrl);
      assertEquals(2, notPem.status(), notPem::toString);
      assertTrue(notPem.err().contains("PEM"), notPem::toString);
    } finally {
      https.stop(0);
    }
  }
}
