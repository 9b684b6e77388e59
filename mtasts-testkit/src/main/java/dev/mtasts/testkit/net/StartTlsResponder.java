package dev.mtasts.testkit.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * An in-JVM SMTP server on loopback that speaks just enough ESMTP for the probe: a greeting,
 * EHLO with or without STARTTLS, STARTTLS upgrading the connection with the JDK's TLS (server
 * mode, TLS 1.2/1.3 or, for {@link Behaviour#LEGACY_TLS_ONLY}, TLS 1.0/1.1, the case's
 * certificate), and QUIT; MAIL, RCPT and DATA are refused. Hostile
 * behaviours (never greeting, garbage, a 10 MB line) test the probe's bounds. Every command
 * received is recorded. (STARTTLS upgrades an accepted plain socket, so the TLS side is an
 * {@link SSLSocket} layered over it rather than an {@code SSLServerSocket}.)
 *
 * <pre>{@code
 * try (StartTlsResponder mx = new StartTlsResponder(ca.leaf("mx1.example.com", List.of("mx1.example.com")),
 *     StartTlsResponder.Behaviour.NORMAL)) {
 *   probe(mx.address());
 *   mx.commands();  // [EHLO, STARTTLS, TLS QUIT]
 * }
 * }</pre>
 */
public final class StartTlsResponder implements AutoCloseable {
  /** What the server does. */
  public enum Behaviour {
    /** A well-behaved ESMTP server (STARTTLS when it has a certificate). */
    NORMAL,
    /** Accepts the connection and says nothing. */
    NEVER_GREETS,
    /** Greets with bytes that are not an SMTP reply. */
    GARBAGE_GREETING,
    /** Greets with one 10 MB line. */
    HUGE_LINE,
    /** Greets with 554 (RFC 5321 §3.1: no service). */
    REFUSES,
    /**
     * A well-behaved ESMTP server whose STARTTLS speaks TLS 1.0 and 1.1 only. The JDK disables
     * those versions ({@code jdk.tls.disabledAlgorithms}); the JVM must run with a security
     * property file that takes them off the list ({@code -Djava.security.properties=FILE}).
     */
    LEGACY_TLS_ONLY,
    /** Accepts STARTTLS, then answers the TLS hello with bytes that are not TLS and hangs up. */
    TLS_GARBAGE
  }

  /** The length of the {@link Behaviour#HUGE_LINE} greeting. */
  public static final int HUGE_LINE_BYTES = 10 * 1024 * 1024;

  private final ServerSocket server;
  private final @Nullable SSLContext tls;
  private final Behaviour behaviour;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-smtp");
    t.setDaemon(true);
    return t;
  });
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param certificate the certificate STARTTLS presents; null: STARTTLS is not offered
   * @param behaviour what the server does
   * @throws IOException if no port can be bound
   */
  public StartTlsResponder(TestPki.@Nullable Issued certificate, Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.tls = certificate == null ? null : context(certificate);
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  private static SSLContext context(TestPki.Issued cert) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(cert.certificate());
      chain.addAll(cert.chain());
      ks.setKeyEntry("server", cert.key(), new char[0], chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(kmf.getKeyManagers(), null, null);
      return c;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the server's address.
   *
   * @return the loopback address and port
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  /**
   * Returns the commands received, in order, across connections: the upper-cased verbs, prefixed
   * with {@code "TLS "} when they came after STARTTLS.
   *
   * @return the verbs
   */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      switch (behaviour) {
        case NEVER_GREETS -> {
          s.getInputStream().read();
          return;
        }
        case GARBAGE_GREETING -> {
          out.write("\u0000\u00ffHELLO THERE\r\n\u001b[31mnot smtp\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          s.getInputStream().read();
          return;
        }
        case HUGE_LINE -> {
          out.write("220 ".getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'x');
          for (int n = 0; n < HUGE_LINE_BYTES; n += chunk.length) {
            out.write(chunk);
          }
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          return;
        }
        case REFUSES -> {
          say(out, "554 5.3.2 no service here");
          return;
        }
        default -> { }
      }
      say(out, "220 mx.example.test ESMTP test responder");
      converse(s, out, false);
    } catch (IOException e) {
      // the client hung up (as the probe does at its deadline)
    }
  }

  private void converse(Socket s, OutputStream out, boolean secure) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    String line;
    while ((line = in.readLine()) != null) {
      String verb = (line.indexOf(' ') < 0 ? line : line.substring(0, line.indexOf(' '))).toUpperCase(Locale.ROOT);
      commands.add(secure ? "TLS " + verb : verb);
      switch (verb) {
        case "EHLO" -> {
          if (tls != null && !secure) {
            say(out, "250-mx.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250 8BITMIME");
          } else {
            say(out, "250-mx.example.test\r\n250-PIPELINING\r\n250 8BITMIME");
          }
        }
        case "STARTTLS" -> {
          if (tls == null || secure) {
            say(out, "502 5.5.1 not here");
            continue;
          }
          say(out, "220 2.0.0 Ready to start TLS");
          if (behaviour == Behaviour.TLS_GARBAGE) {
            s.getInputStream().read();
            say(out, "this is not TLS");
            return;
          }
          SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
          t.setUseClientMode(false);
          SSLParameters p = t.getSSLParameters();
          p.setProtocols(behaviour == Behaviour.LEGACY_TLS_ONLY ? new String[] {"TLSv1.1", "TLSv1"}
              : new String[] {"TLSv1.3", "TLSv1.2"});
          t.setSSLParameters(p);
          open.add(t);
          try {
            t.startHandshake();
          } catch (IOException e) {
            return; // the client refused our certificate or broke off
          }
          converse(t, t.getOutputStream(), true);
          return;
        }
        case "QUIT" -> {
          say(out, "221 2.0.0 Bye");
          return;
        }
        default -> say(out, "502 5.5.2 this test server accepts no mail");
      }
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Stops the server and closes every connection. */
  @Override
  public void close() {
    try {
      server.close();
      for (Socket s : open) {
        s.close();
      }
    } catch (IOException e) {
      // closing
    }
    pool.shutdownNow();
  }
}
