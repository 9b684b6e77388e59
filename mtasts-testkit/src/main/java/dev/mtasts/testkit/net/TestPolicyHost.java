package dev.mtasts.testkit.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.mtasts.policy.Location;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * A policy host in-JVM on loopback: the JDK's HttpsServer (TLS 1.2/1.3) serving {@code
 * /.well-known/mta-sts.txt} with a status, Content-Type, body and certificate the test changes
 * while it runs (the fields are read at each request). Dial it with a connect override: it
 * answers for any name.
 *
 * <pre>{@code
 * try (TestPolicyHost host = new TestPolicyHost(ca.leaf("mta-sts.example.com", List.of("mta-sts.example.com")))) {
 *   host.serve("version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n");
 *   host.status = 301;  // from now on, a redirect
 * }
 * }</pre>
 */
public final class TestPolicyHost implements AutoCloseable {
  /** The path of the policy (RFC 8461 §3.2). */
  public static final String WELL_KNOWN_PATH = "/.well-known/mta-sts.txt";

  private final HttpsServer https;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-policy-host");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger requests = new AtomicInteger();
  /** The certificate presented from the next handshake on. */
  public volatile TestPki.Issued certificate;
  /** The HTTP status of the answer. */
  public volatile int status = 200;
  /** The Content-Type header, or null for none. */
  public volatile @Nullable String contentType = "text/plain";
  /** The body. */
  public volatile byte[] body = new byte[0];
  /** The Location header, or null for none. */
  public volatile @Nullable String location;

  /**
   * Starts the server on an ephemeral loopback port.
   *
   * @param certificate the certificate to present
   * @throws IOException if no port can be bound
   * @throws GeneralSecurityException if the JDK's TLS is unusable
   */
  public TestPolicyHost(TestPki.Issued certificate) throws IOException, GeneralSecurityException {
    this.certificate = certificate;
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {new CurrentKey()}, null, null);
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    https.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = tls.getDefaultSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        params.setSSLParameters(p);
      }
    });
    https.createContext("/", this::handle);
    https.setExecutor(pool);
    https.start();
  }

  /**
   * Returns the server's address.
   *
   * @return the loopback address and port
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), https.getAddress().getPort());
  }

  /**
   * Returns how many policy requests were answered.
   *
   * @return the count
   */
  public int requests() {
    return requests.get();
  }

  /**
   * Serves a policy: status 200, text/plain, the text as UTF-8, no Location.
   *
   * @param policy the policy text
   */
  public void serve(String policy) {
    status = 200;
    contentType = "text/plain";
    body = policy.getBytes(StandardCharsets.UTF_8);
    location = null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(WELL_KNOWN_PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      requests.incrementAndGet();
      if (location != null) {
        exchange.getResponseHeaders().set("Location", location);
      }
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      byte[] b = body;
      exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        exchange.getResponseBody().write(b);
      }
    } catch (IOException e) {
      // the client hung up (too large a body)
    }
  }

  /** Presents the current certificate. */
  private final class CurrentKey extends X509ExtendedKeyManager {
    @Override
    public String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers, SSLEngine engine) {
      return "current";
    }

    @Override
    public String[] getServerAliases(String keyType, Principal @Nullable [] issuers) {
      return new String[] {"current"};
    }

    @Override
    public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
      return "current";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {certificate.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return certificate.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal @Nullable [] issuers) {
      return new String[0];
    }

    @Override
    public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
      return null;
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    https.stop(0);
    pool.shutdownNow();
  }
}
