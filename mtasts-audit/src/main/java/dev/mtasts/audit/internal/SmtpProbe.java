package dev.mtasts.audit.internal;

import dev.mtasts.audit.FindingId;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * One STARTTLS probe of an MX host (RFC 3207, RFC 8461 §4): greeting, EHLO, STARTTLS, the TLS
 * handshake with SNI = the MX host, then QUIT. Never sends MAIL, RCPT or DATA. Bounded in time by
 * one deadline (a watchdog closes the socket when it passes, so a server trickling bytes cannot
 * hold the probe) and in memory by {@link ReplyReader}'s limits.
 */
public final class SmtpProbe {
  private final ScheduledExecutorService watchdog;
  private final String ehloName;

  /**
   * Creates a probe.
   *
   * @param watchdog closes sockets at their deadline
   * @param ehloName the name sent with EHLO
   */
  public SmtpProbe(ScheduledExecutorService watchdog, String ehloName) {
    this.watchdog = watchdog;
    this.ehloName = ehloName;
  }

  /**
   * What the probe established.
   *
   * @param address the address dialled
   * @param problem the finding that stopped the probe, or {@code null} when it reached TLS
   * @param detail the problem in words, or empty
   * @param greeting the greeting's first line (untrusted, quoted), or empty
   * @param extensions the EHLO keywords, upper case
   * @param starttls whether STARTTLS was offered
   * @param protocol the TLS version, or empty
   * @param cipherSuite the cipher suite, or empty
   * @param chain the presented chain, leaf first, or empty
   */
  public record Outcome(
      String address, @Nullable FindingId problem, String detail, String greeting, List<String> extensions,
      boolean starttls, String protocol, String cipherSuite, List<X509Certificate> chain) {
    /**
     * Copies the lists.
     *
     * @param address the address
     * @param problem the problem
     * @param detail the detail
     * @param greeting the greeting
     * @param extensions the extensions
     * @param starttls whether STARTTLS was offered
     * @param protocol the protocol
     * @param cipherSuite the suite
     * @param chain the chain
     */
    public Outcome {
      extensions = List.copyOf(extensions);
      chain = List.copyOf(chain);
    }
  }

  /** Progress of one probe, for the outcome of a failure at any step. */
  private static final class Progress {
    String greeting = "";
    List<String> extensions = List.of();
    boolean starttls;
    volatile boolean timedOut;
  }

  /**
   * Probes a host.
   *
   * @param host the MX host name (SNI, and the name the certificate must cover)
   * @param address the address to dial
   * @param deadline the whole probe's time limit
   * @return the outcome; never throws for what the server does
   */
  public Outcome probe(String host, InetSocketAddress address, Duration deadline) {
    String where = address.getAddress() == null ? address.getHostString() + ":" + address.getPort()
        : address.getAddress().getHostAddress() + ":" + address.getPort();
    long end = System.nanoTime() + deadline.toNanos();
    Progress p = new Progress();
    Socket socket = new Socket();
    ScheduledFuture<?> kill = watchdog.schedule(() -> {
      p.timedOut = true;
      closeQuietly(socket);
    }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    Socket current = socket;
    try {
      Outcome refused = startTls(socket, address, where, p, end, deadline);
      if (refused != null) {
        return refused;
      }
      TlsClient.Session tls;
      try {
        socket.setSoTimeout(remaining(end));
        tls = TlsClient.handshake(socket, host);
      } catch (SSLException e) {
        if (p.timedOut) {
          return fail(where, p, FindingId.SMTP_TLS_HANDSHAKE_FAILED, "the TLS handshake did not finish within "
              + deadline.toMillis() + " ms");
        }
        String legacy = legacyVersion(host, address, end, deadline);
        if (legacy != null) {
          return fail(where, p, FindingId.SMTP_TLS_VERSION_TOO_OLD, "the server offers only " + legacy
              + " or older: it refused TLS 1.2 and 1.3 (" + message(e) + ") and answered a hello offering TLS 1.0"
              + " and 1.1 with " + legacy + "; senders use TLS 1.2 or later (RFC 8461 §7.2), so senders enforcing"
              + " a policy do not deliver to this host");
        }
        return fail(where, p, FindingId.SMTP_TLS_HANDSHAKE_FAILED, "the TLS handshake failed: " + message(e)
            + " (RFC 8461 §7.2 needs TLS 1.2 or later)");
      } catch (IOException e) {
        return fail(where, p, FindingId.SMTP_TLS_HANDSHAKE_FAILED, (p.timedOut ? "the TLS handshake did not finish within "
            + deadline.toMillis() + " ms" : "the TLS handshake failed: " + message(e)));
      }
      current = tls.socket();
      // RFC 8461 only needs the handshake: end the session politely, never send mail.
      quit(tls.socket(), end);
      return new Outcome(where, null, "", p.greeting, p.extensions, true, tls.protocol(), tls.cipherSuite(), tls.chain());
    } finally {
      kill.cancel(false);
      closeQuietly(current);
      closeQuietly(socket);
    }
  }

  /**
   * Connects, reads the greeting, sends EHLO and STARTTLS: null when the server accepted
   * STARTTLS and the socket is ready for the TLS handshake, else the outcome that stopped it.
   */
  private @Nullable Outcome startTls(Socket socket, InetSocketAddress address, String where, Progress p, long end,
      Duration deadline) {
    try {
      socket.connect(address, remaining(end));
    } catch (SocketTimeoutException e) {
      return fail(where, p, FindingId.SMTP_UNREACHABLE, "no TCP connection to " + where + " within "
          + deadline.toMillis() + " ms");
    } catch (IOException e) {
      return fail(where, p, FindingId.SMTP_UNREACHABLE, "the connection to " + where + " failed: " + message(e));
    }
    ReplyReader.Reply greeting;
    ReplyReader reader = reader(socket);
    try {
      socket.setSoTimeout(remaining(end));
      greeting = reader.read();
    } catch (SocketTimeoutException e) {
      return fail(where, p, FindingId.SMTP_NO_GREETING, "no greeting within " + deadline.toMillis() + " ms");
    } catch (IOException e) {
      if (p.timedOut) {
        return fail(where, p, FindingId.SMTP_NO_GREETING, "no greeting within " + deadline.toMillis() + " ms");
      }
      return fail(where, p, FindingId.SMTP_PROTOCOL_ERROR, "in the greeting: " + message(e));
    }
    p.greeting = Texts.quote(greeting.firstLine());
    if (greeting.code() != 220) {
      quit(socket, end);
      return fail(where, p, FindingId.SMTP_GREETING_REJECTED, "the server greeted with \"" + p.greeting
          + "\" instead of 220 (RFC 5321 §4.3.1)");
    }
    ReplyReader.Reply ehlo;
    try {
      ehlo = command(socket, reader, "EHLO " + ehloName, end);
    } catch (IOException e) {
      return ioFailure(where, p, "after EHLO", e, deadline);
    }
    if (ehlo.code() != 250) {
      quit(socket, end);
      return fail(where, p, FindingId.SMTP_EHLO_REJECTED, "EHLO was answered \"" + Texts.quote(ehlo.firstLine()) + "\"");
    }
    List<String> keywords = new ArrayList<>();
    for (int i = 1; i < ehlo.lines().size(); i++) {
      String line = ehlo.lines().get(i).strip();
      int sp = line.indexOf(' ');
      keywords.add(Texts.quote((sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT)));
    }
    p.extensions = keywords;
    p.starttls = keywords.contains("STARTTLS");
    if (!p.starttls) {
      quit(socket, end);
      return fail(where, p, FindingId.SMTP_STARTTLS_NOT_OFFERED, "the EHLO reply does not list STARTTLS"
          + " (extensions: " + (keywords.isEmpty() ? "none" : String.join(", ", keywords)) + ")");
    }
    ReplyReader.Reply go;
    try {
      go = command(socket, reader, "STARTTLS", end);
    } catch (IOException e) {
      return ioFailure(where, p, "after STARTTLS", e, deadline);
    }
    if (go.code() != 220) {
      quit(socket, end);
      return fail(where, p, FindingId.SMTP_STARTTLS_REFUSED, "STARTTLS was answered \"" + Texts.quote(go.firstLine())
          + "\" instead of 220 (RFC 3207 §4)");
    }
    return null;
  }

  /**
   * After a failed TLS 1.2/1.3 handshake: connects again, up to STARTTLS, and sends a hello that
   * offers TLS 1.0 and 1.1 only ({@link LegacyHello}; the JDK's own TLS refuses those versions),
   * within what is left of the deadline. Returns the version the server chose ("TLSv1.1"), or null
   * when it does not answer such a hello either (then the failure has another cause).
   */
  private @Nullable String legacyVersion(String host, InetSocketAddress address, long end, Duration deadline) {
    Progress p = new Progress();
    Socket socket = new Socket();
    ScheduledFuture<?> kill = watchdog.schedule(() -> {
      p.timedOut = true;
      closeQuietly(socket);
    }, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
    try {
      if (startTls(socket, address, "", p, end, deadline) != null) {
        return null;
      }
      socket.setSoTimeout(remaining(end));
      return LegacyHello.serverVersion(socket, host);
    } catch (IOException e) {
      return null;
    } finally {
      kill.cancel(false);
      closeQuietly(socket);
    }
  }

  private static ReplyReader reader(Socket socket) {
    try {
      return new ReplyReader(new BufferedInputStream(socket.getInputStream(), 1024));
    } catch (IOException e) {
      return new ReplyReader(java.io.InputStream.nullInputStream());
    }
  }

  private Outcome ioFailure(String where, Progress p, String step, IOException e, Duration deadline) {
    if (e instanceof SocketTimeoutException || p.timedOut) {
      return fail(where, p, FindingId.SMTP_PROTOCOL_ERROR, "no complete reply " + step + " within "
          + deadline.toMillis() + " ms");
    }
    return fail(where, p, FindingId.SMTP_PROTOCOL_ERROR, step + ": " + message(e));
  }

  private static ReplyReader.Reply command(Socket socket, ReplyReader reader, String line, long end) throws IOException {
    socket.setSoTimeout(remaining(end));
    OutputStream out = socket.getOutputStream();
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return reader.read();
  }

  /** Sends QUIT and reads its answer if one comes; failures here change nothing. */
  private static void quit(Socket socket, long end) {
    try {
      command(socket, reader(socket), "QUIT", end);
    } catch (IOException | RuntimeException e) {
      // The server may close first; the probe's outcome is already known.
    }
  }

  private static Outcome fail(String where, Progress p, FindingId problem, String detail) {
    return new Outcome(where, problem, detail, p.greeting, p.extensions, p.starttls, "", "", List.of());
  }

  private static int remaining(long end) {
    long ms = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return Texts.quote(m == null ? e.getClass().getSimpleName() : m);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing a socket that is already gone
    }
  }
}
