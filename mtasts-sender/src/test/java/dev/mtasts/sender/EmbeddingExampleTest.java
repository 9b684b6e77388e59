package dev.mtasts.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.testkit.net.ScriptedDnsServer;
import dev.mtasts.testkit.net.TestPki;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Keeps the sender guide's embedding example true: the same code, run against loopback servers. */
final class EmbeddingExampleTest {

  static List<String> snippets(String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    StringBuilder current = null;
    for (String line : lines) {
      if (line.strip().startsWith("// README-BEGIN")) {
        current = new StringBuilder();
      } else if (line.strip().equals("// README-END")) {
        out.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line.length() >= 4 ? line.substring(4) : line.strip()).append('\n');
      }
    }
    return out;
  }

  @Test
  void theSenderGuideShowsTheExampleVerbatim() throws IOException {
    Path readme = Path.of("..", "docs", "mtasts-sender.md");
    assumeTrue(Files.exists(readme), "docs/mtasts-sender.md beside the module");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String source = Files.readString(Path.of("src/test/java/dev/mtasts/sender/EmbeddingExample.java"), StandardCharsets.UTF_8);
    List<String> snippets = snippets(source);
    assertEquals(2, snippets.size());
    for (String s : snippets) {
      assertTrue(text.contains(s), () -> "docs/mtasts-sender.md lacks:\n" + s);
    }
  }

  @Test
  void theExampleDeliversToTheFirstValidMxAndReportsTheSkippedOne() throws Exception {
    FetchFixture fixture = new FetchFixture();
    FaultCase ok = FaultCase.OK;
    String mx0 = "mx0.ok.fetch.test"; // not covered by the policy's mx patterns
    String mx1 = "mx1.ok.fetch.test";
    TestPki.Issued mxCert = fixture.pki.leaf(mx1, List.of(mx1));
    try (InJvmPolicyServers servers = new InJvmPolicyServers(fixture);
        ScriptedDnsServer dns = new ScriptedDnsServer();
        TlsMx mxServer = new TlsMx(mxCert)) {
      dns.setTxt("_mta-sts." + ok.domain(), "v=STSv1; id=1");
      PolicyFetcher fetcher = PolicyFetcher.newBuilder().trustRoots(List.of(fixture.pki.root()))
          .connect(ok.policyHost(), servers.addressOf(ok)).allowAddressKinds(AddressKind.LOOPBACK).build();
      PolicyDiscovery discovery = PolicyDiscovery.newBuilder(TxtLookup.of(dev.mtasts.dns.MtaStsResolver.newBuilder()
          .server(dns.address()).timeout(Duration.ofSeconds(2)).build()), fetcher::fetch).manualMaintenance().build();
      TlsRptReportBuilder reports = TlsRptReportBuilder.newBuilder("Example MTA", "tlsrpt@sender.example", "sender.example");
      TlsRptRecorder recorder = new TlsRptRecorder(reports, Clock.systemUTC(), "192.0.2.25");
      List<String> delivered = new ArrayList<>();
      EmbeddingExample.Smtp smtp = new EmbeddingExample.Smtp() {
        @Override
        public @Nullable SSLSession startTls(String mxHost) throws IOException {
          return mxServer.handshake(mxHost);
        }

        @Override
        public void deliver(String mxHost) {
          delivered.add(mxHost);
        }

        @Override
        public String address(String mxHost) {
          return "127.0.0.1";
        }
      };
      EmbeddingExample mta = new EmbeddingExample(discovery,
          MxCertificateCheck.trusting(List.of(fixture.pki.root())), recorder, smtp);
      assertEquals(mx1, mta.send(ok.domain(), List.of(mx0, mx1)));
      assertEquals(List.of(mx1), delivered);
      PolicyResult r = reports.drainAll().get(0).report().policies().get(0);
      assertEquals(1, r.successfulSessionCount());
      assertEquals(ResultType.VALIDATION_FAILURE, r.failureDetails().get(0).resultType());
      // Only an uncovered MX: deferred after a forced re-check of the TXT record.
      int before = dns.queries();
      assertNull(mta.send(ok.domain(), List.of(mx0)));
      assertTrue(dns.queries() > before, "the TXT record was looked up again");
    }
  }

  @Test
  void theStartUpCodeBuildsWithTheDefaults(@org.junit.jupiter.api.io.TempDir Path dir) {
    PolicyDiscovery d = EmbeddingExample.startUp(dir, TlsRptReportBuilder.newBuilder("o", "a@b.example", "b.example"));
    assertEquals(0, d.size());
    d.close();
  }

  /** An MX host that only does the TLS handshake, with one certificate. */
  static final class TlsMx implements AutoCloseable {
    private final SSLServerSocket server;
    private final Thread thread;

    TlsMx(TestPki.Issued cert) throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("mx", cert.key(), new char[0], new X509Certificate[] {cert.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(ks, new char[0]);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        while (!server.isClosed()) {
          try (SSLSocket s = (SSLSocket) server.accept()) {
            s.startHandshake();
            s.getInputStream().read();
          } catch (IOException e) {
            // next connection
          }
        }
      }, "test-mx");
      thread.setDaemon(true);
      thread.start();
    }

    SSLSession handshake(String mxHost) throws IOException {
      try {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        }}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
          SSLParameters p = s.getSSLParameters();
          p.setServerNames(List.of(new SNIHostName(mxHost)));
          s.setSSLParameters(p);
          s.startHandshake();
          return s.getSession();
        }
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static Map<String, String> unused() {
    return Map.of();
  }
}
