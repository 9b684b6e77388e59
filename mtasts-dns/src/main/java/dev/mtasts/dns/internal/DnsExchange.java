package dev.mtasts.dns.internal;

import dev.mtasts.dns.LookupResult.FailureKind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One query and its answer over UDP or TCP (RFC 1035 §4.2), blocking until a deadline.
 *
 * <p>Over UDP every datagram is checked as RFC 5452 §9.1 asks: it must come from the server's
 * address and port, carry the query's message id, be a response, and repeat the question
 * (name, type, class). A datagram that does not match is ignored and the wait goes on until the
 * deadline, so one forged or stray packet cannot fail (or poison) the lookup. Over TCP the
 * connection is the server's, so a mismatch is a bad response. Failures are described in words.
 */
final class DnsExchange {
  private static final int MAX_UDP = 65_535;

  private DnsExchange() {}

  /** What came back. */
  sealed interface Outcome {}

  /**
   * The matching response.
   *
   * @param message the response
   */
  record Reply(Message message) implements Outcome {}

  /**
   * No usable response.
   *
   * @param kind what kind of failure
   * @param detail what happened, in words, without the server and name
   * @param note more about it, shown after the server and name ({@code ""} for none)
   */
  record Failed(FailureKind kind, String detail, String note) implements Outcome {
    Failed(FailureKind kind, String detail) {
      this(kind, detail, "");
    }
  }

  /**
   * Sends {@code query} over UDP and waits until {@code timeout} for the matching response.
   *
   * @param server the server
   * @param query the query
   * @param timeout how long to wait in all
   * @return the response or the failure
   */
  static Outcome udp(InetSocketAddress server, Message query, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] wire = query.toWire();
    // An unbound socket gets an ephemeral port the OS picks at random (RFC 5452 §9.2); connecting
    // it makes the OS drop datagrams from other addresses and report ICMP port unreachable.
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(server);
      socket.send(new DatagramPacket(wire, wire.length));
      byte[] buffer = new byte[MAX_UDP];
      int ignored = 0;
      @Nullable String lastIgnored = null;
      @Nullable String malformed = null;
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          if (malformed != null) {
            return new Failed(FailureKind.BAD_RESPONSE, "malformed answer: " + malformed);
          }
          return new Failed(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms",
              ignored == 0 ? "" : "; ignored " + ignored + " datagram" + (ignored == 1 ? "" : "s")
                  + " that did not match the query (RFC 5452), the last one: " + lastIgnored);
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          continue;
        }
        byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        @Nullable String mismatch = headerMismatch(packet.getSocketAddress(), server, data, query);
        if (mismatch == null) {
          try {
            Message response = new Message(data);
            mismatch = questionMismatch(response, query);
            if (mismatch == null) {
              return new Reply(response);
            }
          } catch (IOException e) {
            // The right id but unparsable: from the server, or forged. Reported only if nothing
            // better arrives before the deadline.
            malformed = String.valueOf(e.getMessage());
            mismatch = "malformed (" + malformed + ")";
          }
        }
        ignored++;
        lastIgnored = mismatch;
      }
    } catch (IOException e) {
      return new Failed(FailureKind.NETWORK, describe(e));
    }
  }

  /**
   * Sends {@code query} over TCP (two-byte length prefix, RFC 1035 §4.2.2) and reads the
   * response, all within {@code timeout}.
   *
   * @param server the server
   * @param query the query
   * @param timeout how long connecting, sending and reading may take in all
   * @return the response or the failure
   */
  static Outcome tcp(InetSocketAddress server, Message query, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] wire = query.toWire();
    try (Socket socket = new Socket()) {
      socket.connect(server, millisLeft(deadline));
      OutputStream out = socket.getOutputStream();
      byte[] framed = new byte[wire.length + 2];
      framed[0] = (byte) (wire.length >>> 8);
      framed[1] = (byte) wire.length;
      System.arraycopy(wire, 0, framed, 2, wire.length);
      out.write(framed);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] length = readFully(socket, in, 2, deadline);
      byte[] data = readFully(socket, in, (length[0] & 0xff) << 8 | (length[1] & 0xff), deadline);
      @Nullable String mismatch = headerMismatch(server, server, data, query);
      @Nullable Message response;
      try {
        response = mismatch == null ? new Message(data) : null;
      } catch (IOException e) {
        return new Failed(FailureKind.BAD_RESPONSE, "malformed answer over TCP: " + e.getMessage());
      }
      if (response != null) {
        mismatch = questionMismatch(response, query);
      }
      if (mismatch != null || response == null) {
        return new Failed(FailureKind.BAD_RESPONSE, "the answer over TCP does not match the query: "
            + mismatch);
      }
      return new Reply(response);
    } catch (SocketTimeoutException e) {
      return new Failed(FailureKind.TIMEOUT, "no complete answer over TCP within "
          + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return new Failed(FailureKind.NETWORK, describe(e) + " (over TCP)");
    }
  }

  private static byte[] readFully(Socket socket, InputStream in, int n, long deadline)
      throws IOException {
    byte[] b = new byte[n];
    int off = 0;
    while (off < n) {
      // The deadline covers the whole answer: a server trickling bytes cannot stretch it.
      socket.setSoTimeout(millisLeft(deadline));
      int r = in.read(b, off, n - off);
      if (r < 0) {
        throw new EOFException();
      }
      off += r;
    }
    return b;
  }

  private static int millisLeft(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException();
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /**
   * Returns why {@code data} cannot be the answer to {@code query} by its source and header, or
   * {@code null} if it can.
   */
  private static @Nullable String headerMismatch(SocketAddress from, InetSocketAddress server,
      byte[] data, Message query) {
    if (!from.equals(server)) {
      return "from " + from + " instead of " + server;
    }
    if (data.length < 12) {
      return data.length + " bytes, too short for a DNS header";
    }
    int id = (data[0] & 0xff) << 8 | (data[1] & 0xff);
    int expected = query.getHeader().getID();
    if (id != expected) {
      return "message id " + id + " instead of " + expected;
    }
    if ((data[2] & 0x80) == 0) {
      return "a query, not a response";
    }
    return null;
  }

  /** Returns why a response does not repeat the question of {@code query}, or {@code null}. */
  private static @Nullable String questionMismatch(Message response, Message query) {
    Record asked = query.getQuestion();
    List<Record> question = response.getSection(Section.QUESTION);
    if (question.size() != 1) {
      return question.size() + " questions instead of the one asked";
    }
    Record got = question.get(0);
    // Names compare case-insensitively (RFC 4343); RFC 5452 §9.1 asks for the same question.
    if (!got.getName().equals(asked.getName()) || got.getType() != asked.getType()
        || got.getDClass() != asked.getDClass()) {
      return "the question " + got.getName() + " " + Type.string(got.getType()) + " instead of "
          + asked.getName() + " " + Type.string(asked.getType());
    }
    return null;
  }

  /**
   * Says in words what a network failure was (no Java class names).
   *
   * @param e the failure
   * @return for example {@code "port unreachable: nothing listens on that port"}
   */
  static String describe(IOException e) {
    if (e instanceof PortUnreachableException) {
      return "port unreachable: nothing listens on that port (the host answered with ICMP)";
    }
    if (e instanceof ConnectException) {
      return "connection refused: nothing accepts TCP connections on that port";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to the server's address";
    }
    if (e instanceof EOFException) {
      return "the server closed the connection before the whole answer arrived";
    }
    @Nullable String message = e.getMessage();
    if (e instanceof SocketException && message != null
        && message.toLowerCase(Locale.ROOT).contains("reset")) {
      return "the server reset the connection";
    }
    if (message == null || message.isBlank()) {
      return "input/output error";
    }
    return message;
  }
}
