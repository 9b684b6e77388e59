package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8460 §5.4 over real TLS: a loopback HttpsServer with a self-signed certificate. */
final class HttpsReceiverTest {

  @TempDir Path dir;

  KeyStore selfSigned() throws Exception {
    Path ks = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "no keytool in this JDK");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assumeTrue(p.waitFor() == 0, "keytool failed");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    return store;
  }

  @Test
  void aReportPostedOverTlsIsStoredAndAnUntrustedCertificateIsAFailure() throws Exception {
    KeyStore store = selfSigned();
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/tlsrpt", ReportReceiver.into(dir.resolve("reports")));
    server.start();
    try {
      URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/tlsrpt");
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext clientTls = SSLContext.getInstance("TLS");
      clientTls.init(null, tmf.getTrustManagers(), null);
      ReportPoster trusting = ReportPoster.of(HttpClient.newBuilder().sslContext(clientTls).build(),
          Clock.systemUTC(), d -> { }, Duration.ofSeconds(10), Duration.ZERO);
      PostResult ok = trusting.post(ReportMailReaderTest.REPORT, uri);
      assertTrue(ok.delivered(), ok.toString());
      assertEquals(201, ok.status());
      try (Stream<Path> s = Files.list(dir.resolve("reports"))) {
        assertEquals(1, s.count());
      }
      // The JDK's default trust does not know the self-signed certificate.
      ReportPoster strict = ReportPoster.of(HttpClient.newHttpClient(), Clock.systemUTC(), d -> { },
          Duration.ofSeconds(10), Duration.ZERO);
      PostResult refused = strict.post(ReportMailReaderTest.REPORT, uri);
      assertFalse(refused.delivered());
      assertTrue(String.valueOf(refused.failure()).contains("SSLHandshakeException"),
          refused.toString());
    } finally {
      server.stop(0);
    }
  }
}
