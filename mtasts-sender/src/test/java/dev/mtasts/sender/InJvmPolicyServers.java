package dev.mtasts.sender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.mtasts.policy.Location;
import dev.mtasts.testkit.net.TestPki;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * The fault matrix served in-JVM on loopback: one JDK {@link HttpsServer} that picks the
 * certificate and the response by SNI, plus raw sockets for the faults below HTTP (a handshake
 * that stalls, a refused port, a server that only speaks TLS 1.1).
 */
final class InJvmPolicyServers implements AutoCloseable {
  private final FetchFixture fixture;
  private final HttpsServer https;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-policy-server");
    t.setDaemon(true);
    return t;
  });
  private final ServerSocket stall;
  private final ServerSocket tls11;
  private final int refusedPort;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final Map<FaultCase, AtomicLong> bytesSent = new ConcurrentHashMap<>();
  private final Map<FaultCase, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  InJvmPolicyServers(FetchFixture fixture) throws IOException, GeneralSecurityException {
    this.fixture = fixture;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {new SniKeyManager()}, null, null);
    https = HttpsServer.create(new InetSocketAddress(loopback, 0), 50);
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

    stall = new ServerSocket(0, 50, loopback);
    pool.execute(() -> acceptLoop(stall, s -> held.add(s)));
    tls11 = new ServerSocket(0, 50, loopback);
    pool.execute(() -> acceptLoop(tls11, InJvmPolicyServers::answerTls11));
    try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
      refusedPort = s.getLocalPort();
    }
  }

  InetSocketAddress addressOf(FaultCase c) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return switch (c.transport) {
      case HTTPS -> new InetSocketAddress(loopback, https.getAddress().getPort());
      case STALL -> new InetSocketAddress(loopback, stall.getLocalPort());
      case TLS_1_1 -> new InetSocketAddress(loopback, tls11.getLocalPort());
      case REFUSED -> new InetSocketAddress(loopback, refusedPort);
    };
  }

  long bytesSent(FaultCase c) {
    return bytesSent.computeIfAbsent(c, k -> new AtomicLong()).get();
  }

  int requests(FaultCase c) {
    return requests.computeIfAbsent(c, k -> new AtomicInteger()).get();
  }

  List<String> hostHeaders() {
    return List.copyOf(hostHeaders);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      @Nullable FaultCase c = caseOf(((HttpsExchange) exchange).getSSLSession());
      hostHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
      if (c == null || !exchange.getRequestURI().getPath().equals(PolicyFetcher.WELL_KNOWN_PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      requests.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
      AtomicLong sent = bytesSent.computeIfAbsent(c, k -> new AtomicLong());
      if (c.status >= 300 && c.status < 400) {
        exchange.getResponseHeaders().set("Location", FaultCase.REDIRECT_TARGET);
        exchange.sendResponseHeaders(c.status, -1);
        return;
      }
      if (c.status != 200) {
        byte[] page = "<html><body>no</body></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(c.status, page.length);
        exchange.getResponseBody().write(page);
        return;
      }
      if (c.contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", c.contentType);
      }
      OutputStream out = exchange.getResponseBody();
      switch (c.body) {
        case HUNDRED_MB -> {
          exchange.sendResponseHeaders(200, FaultCase.HUNDRED_MB_LENGTH);
          byte[] chunk = new byte[64 * 1024];
          for (long n = 0; n < FaultCase.HUNDRED_MB_LENGTH; n += chunk.length) {
            out.write(chunk);
            sent.addAndGet(chunk.length);
          }
        }
        case SLOW -> {
          byte[] body = c.bodyBytes();
          exchange.sendResponseHeaders(200, body.length);
          for (byte b : body) {
            out.write(b);
            out.flush();
            sent.incrementAndGet();
            sleep(1000);
          }
        }
        default -> {
          byte[] body = c.bodyBytes();
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          out.write(body);
          sent.addAndGet(body.length);
        }
      }
    } catch (IOException e) {
      // The client hung up, as it should for a too large or too slow body.
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static @Nullable FaultCase caseOf(SSLSession session) {
    if (session instanceof ExtendedSSLSession ext) {
      for (SNIServerName n : ext.getRequestedServerNames()) {
        if (n instanceof SNIHostName h) {
          return FaultCase.byPolicyHost(h.getAsciiName());
        }
      }
    }
    return null;
  }

  private interface SocketHandler {
    void handle(Socket s) throws IOException;
  }

  private void acceptLoop(ServerSocket server, SocketHandler handler) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.execute(() -> {
          try {
            handler.handle(s);
          } catch (IOException e) {
            // the client went away
          }
        });
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * Reads the ClientHello and answers with a TLS 1.1 ServerHello (no supported_versions
   * extension), as a server limited to TLS 1.0/1.1 does; a TLS 1.2+ client must abort.
   */
  private static void answerTls11(Socket s) throws IOException {
    try (s) {
      s.setSoTimeout(10_000);
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] header = new byte[5];
      in.readFully(header);
      int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
      in.readFully(new byte[length]);
      byte[] hello = new byte[5 + 4 + 38];
      int i = 0;
      hello[i++] = 0x16;
      hello[i++] = 0x03;
      hello[i++] = 0x02;
      hello[i++] = 0x00;
      hello[i++] = 42;
      hello[i++] = 0x02;
      hello[i++] = 0x00;
      hello[i++] = 0x00;
      hello[i++] = 38;
      hello[i++] = 0x03;
      hello[i++] = 0x02;
      for (int r = 0; r < 32; r++) {
        hello[i++] = (byte) (r * 7 + 1);
      }
      hello[i++] = 0x00; // session id length
      hello[i++] = 0x00;
      hello[i++] = 0x2f; // TLS_RSA_WITH_AES_128_CBC_SHA
      hello[i] = 0x00; // no compression
      s.getOutputStream().write(hello);
      s.getOutputStream().flush();
      // Wait for the client's alert and close.
      in.read(new byte[64]);
    }
  }

  /** Picks the leaf of the fault case the client names by SNI. */
  private final class SniKeyManager extends X509ExtendedKeyManager {
    @Override
    public @Nullable String chooseEngineServerAlias(String keyType, Principal @Nullable [] issuers, SSLEngine engine) {
      if (!"EC".equals(keyType)) {
        return null;
      }
      @Nullable FaultCase c = engine.getHandshakeSession() == null ? null : caseOf(engine.getHandshakeSession());
      return c == null ? FaultCase.OK.name() : c.name();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal @Nullable [] issuers) {
      List<String> names = new ArrayList<>();
      for (FaultCase c : FaultCase.values()) {
        names.add(c.name());
      }
      return names.toArray(new String[0]);
    }

    @Override
    public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      TestPki.Issued issued = fixture.certificates.get(FaultCase.valueOf(alias));
      return new X509Certificate[] {issued.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return fixture.certificates.get(FaultCase.valueOf(alias)).key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal @Nullable [] issuers) {
      return new String[0];
    }

    @Override
    public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers, Socket socket) {
      return null;
    }
  }

  @Override
  public void close() {
    https.stop(0);
    try {
      stall.close();
      tls11.close();
      for (Socket s : held) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool.shutdownNow();
  }
}
