package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.LookupResult.FailureKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Lookups against hostile or broken responders on loopback: forged datagrams before the genuine
 * answer (RFC 5452), closed ports, TCP connections closed or reset mid-answer. Every failure
 * message says what happened in words, never a Java class name.
 */
final class HostileResponderTest {
  private static final String DOMAIN = "spoof.test";
  private static final Name QNAME = name("_mta-sts." + DOMAIN + ".");
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** A UDP responder that hands each query to a script. */
  private static final class Responder implements AutoCloseable {
    final DatagramSocket socket;
    final DatagramSocket other;
    final Thread thread;

    Responder(Script script) throws IOException {
      socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      other = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      thread = new Thread(() -> {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
          try {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            Message query = new Message(Arrays.copyOf(p.getData(), p.getLength()));
            script.answer(query, p.getSocketAddress(), this);
          } catch (IOException | InterruptedException e) {
            return;
          }
        }
      }, "hostile-responder");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
    }

    void send(DatagramSocket from, Message m, SocketAddress to) throws IOException {
      byte[] wire = m.toWire();
      from.send(new DatagramPacket(wire, wire.length, to));
    }

    @Override
    public void close() {
      socket.close();
      other.close();
    }
  }

  @FunctionalInterface
  private interface Script {
    void answer(Message query, SocketAddress client, Responder r) throws IOException, InterruptedException;
  }

  private static Message answer(Message query, int id, Name qname, String txt) {
    Message m = new Message(id);
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AA);
    m.addRecord(Record.newRecord(qname, Type.TXT, DClass.IN), Section.QUESTION);
    m.addRecord(new TXTRecord(qname, DClass.IN, 300, txt), Section.ANSWER);
    return m;
  }

  private static Message genuine(Message query) {
    return answer(query, query.getHeader().getID(), query.getQuestion().getName(), "v=STSv1; id=genuine1");
  }

  private static MtaStsResolver resolver(InetSocketAddress server, Duration timeout) {
    return MtaStsResolver.newBuilder().server(server).timeout(timeout).retries(0).build();
  }

  private static LookupResult<StsRecord> lookup(Script script) throws IOException {
    try (Responder r = new Responder(script)) {
      return resolver(r.address(), Duration.ofSeconds(3)).lookupStsBlocking(DOMAIN);
    }
  }

  private static void assertGenuine(LookupResult<StsRecord> result) {
    LookupResult.Found<?> found = assertInstanceOf(LookupResult.Found.class, result, result::toString);
    assertEquals(PolicyId.of("genuine1"), ((StsRecord) found.value()).id());
  }

  @Test
  void wrongIdDatagramIsIgnoredAndTheGenuineAnswerFiftyMillisecondsLaterIsUsed() throws IOException {
    // Issue 13 item 11: this failed with BAD_RESPONSE "invalid message id" and no retry.
    assertGenuine(lookup((query, client, r) -> {
      int id = query.getHeader().getID();
      r.send(r.socket, answer(query, (id + 1) & 0xffff, QNAME, "v=STSv1; id=forged1"), client);
      Thread.sleep(50);
      r.send(r.socket, genuine(query), client);
    }));
  }

  @Test
  void wrongQuestionDatagramIsIgnored() throws IOException {
    assertGenuine(lookup((query, client, r) -> {
      Name other = name("_mta-sts.elsewhere.test.");
      r.send(r.socket, answer(query, query.getHeader().getID(), other, "v=STSv1; id=forged1"), client);
      Thread.sleep(50);
      r.send(r.socket, genuine(query), client);
    }));
  }

  @Test
  void wrongTypeAndQueryDatagramsAreIgnored() throws IOException {
    assertGenuine(lookup((query, client, r) -> {
      Message mx = answer(query, query.getHeader().getID(), QNAME, "v=STSv1; id=forged1");
      mx.removeAllRecords(Section.QUESTION);
      mx.addRecord(Record.newRecord(QNAME, Type.MX, DClass.IN), Section.QUESTION);
      r.send(r.socket, mx, client);
      Message notResponse = answer(query, query.getHeader().getID(), QNAME, "v=STSv1; id=forged2");
      notResponse.getHeader().unsetFlag(Flags.QR);
      r.send(r.socket, notResponse, client);
      byte[] shortPacket = {1, 2, 3};
      r.socket.send(new DatagramPacket(shortPacket, shortPacket.length, client));
      Thread.sleep(50);
      r.send(r.socket, genuine(query), client);
    }));
  }

  @Test
  void datagramFromAnotherPortIsIgnored() throws IOException {
    assertGenuine(lookup((query, client, r) -> {
      // The right id and question, from the right host but another port.
      r.send(r.other, answer(query, query.getHeader().getID(), QNAME, "v=STSv1; id=forged1"), client);
      Thread.sleep(50);
      r.send(r.socket, genuine(query), client);
    }));
  }

  @Test
  void onlyForgedDatagramsEndInATimeoutThatSaysWhatWasIgnored() throws IOException {
    LookupResult<StsRecord> result;
    try (Responder r = new Responder((query, client, resp) -> {
      int id = query.getHeader().getID();
      resp.send(resp.socket, answer(query, (id + 7) & 0xffff, QNAME, "v=STSv1; id=forged1"), client);
    })) {
      result = resolver(r.address(), Duration.ofMillis(400)).lookupStsBlocking(DOMAIN);
    }
    LookupResult.TemporaryFailure<?> failure = assertInstanceOf(LookupResult.TemporaryFailure.class, result);
    assertEquals(FailureKind.TIMEOUT, failure.kind());
    assertTrue(failure.message().contains("ignored 1 datagram that did not match the query"), failure.message());
    assertTrue(failure.message().contains("message id"), failure.message());
    assertInWords(failure.message());
  }

  @Test
  void closedUdpPortIsANetworkErrorInWords() throws IOException {
    int port;
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      port = s.getLocalPort();
    }
    LookupResult<StsRecord> result =
        resolver(new InetSocketAddress(LOOPBACK, port), Duration.ofSeconds(2)).lookupStsBlocking(DOMAIN);
    LookupResult.TemporaryFailure<?> failure = assertInstanceOf(LookupResult.TemporaryFailure.class, result);
    assertEquals(FailureKind.NETWORK, failure.kind(), failure.message());
    assertTrue(failure.message().contains("port unreachable"), failure.message());
    assertInWords(failure.message());
  }

  @Test
  void tcpConnectionClosedBeforeTheAnswerIsDescribedInWords() throws IOException {
    String message = truncatedThenTcp(socket -> {
      try {
        socket.getInputStream().read(new byte[2]);
        socket.getOutputStream().write(new byte[] {0, 100, 1, 2});
        socket.close();
      } catch (IOException e) {
        // Closed anyway.
      }
    });
    assertTrue(message.contains("closed the connection before the whole answer arrived"), message);
    assertInWords(message);
  }

  @Test
  void tcpConnectionResetIsDescribedInWords() throws IOException {
    String message = truncatedThenTcp(socket -> {
      try {
        socket.getInputStream().read(new byte[2]);
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        // Closed anyway.
      }
    });
    assertTrue(message.contains("reset the connection") || message.contains("closed the connection"),
        message);
    assertInWords(message);
  }

  @Test
  void tcpRefusedIsDescribedInWords() throws IOException {
    // A UDP answer with TC set from a port where nothing accepts TCP.
    LookupResult<StsRecord> result;
    try (Responder r = new Responder((query, client, resp) -> {
      Message tc = new Message(query.getHeader().getID());
      tc.getHeader().setFlag(Flags.QR);
      tc.getHeader().setFlag(Flags.TC);
      tc.addRecord(query.getQuestion(), Section.QUESTION);
      resp.send(resp.socket, tc, client);
    })) {
      result = resolver(r.address(), Duration.ofSeconds(2)).lookupStsBlocking(DOMAIN);
    }
    LookupResult.TemporaryFailure<?> failure = assertInstanceOf(LookupResult.TemporaryFailure.class, result);
    assertEquals(FailureKind.NETWORK, failure.kind(), failure.message());
    assertTrue(failure.message().contains("connection refused"), failure.message());
    assertInWords(failure.message());
  }

  /** Answers UDP with TC set, then serves TCP with {@code tcp}; returns the failure message. */
  private static String truncatedThenTcp(Consumer<Socket> tcp) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
      DatagramSocket udp;
      try {
        udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, server.getLocalPort()));
      } catch (IOException e) {
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "UDP port taken: " + e.getMessage());
        throw e;
      }
      try (udp) {
        Thread u = new Thread(() -> {
          try {
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            udp.receive(p);
            Message query = new Message(Arrays.copyOf(p.getData(), p.getLength()));
            Message tc = new Message(query.getHeader().getID());
            tc.getHeader().setFlag(Flags.QR);
            tc.getHeader().setFlag(Flags.TC);
            tc.addRecord(query.getQuestion(), Section.QUESTION);
            byte[] wire = tc.toWire();
            udp.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
          } catch (IOException e) {
            // Closed.
          }
        });
        u.setDaemon(true);
        u.start();
        Thread t = new Thread(() -> {
          try (Socket s = server.accept()) {
            tcp.accept(s);
          } catch (IOException e) {
            // Closed.
          }
        });
        t.setDaemon(true);
        t.start();
        LookupResult<StsRecord> result =
            resolver(new InetSocketAddress(LOOPBACK, server.getLocalPort()), Duration.ofSeconds(3))
                .lookupStsBlocking(DOMAIN);
        LookupResult.TemporaryFailure<?> failure =
            assertInstanceOf(LookupResult.TemporaryFailure.class, result, result::toString);
        assertEquals(FailureKind.NETWORK, failure.kind(), failure.message());
        return failure.message();
      }
    }
  }

  private static void assertInWords(String message) {
    assertFalse(message.contains("Exception"), message);
    assertFalse(message.contains("java."), message);
    assertTrue(message.contains(DOMAIN), message);
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
