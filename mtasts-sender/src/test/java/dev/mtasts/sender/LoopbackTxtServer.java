package dev.mtasts.sender;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on a loopback UDP port, as the dns module's tests run one:
 * real DNS wire format through dnsjava, TXT answers set by the test, NXDOMAIN otherwise.
 */
final class LoopbackTxtServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, String> txt = new ConcurrentHashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final Thread thread;

  LoopbackTxtServer() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "test-dns");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  void setTxt(String name, String value) {
    txt.put(name.toLowerCase(java.util.Locale.ROOT), value);
  }

  int queries() {
    return queries.get();
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        queries.incrementAndGet();
        Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Record q = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(q, Section.QUESTION);
        String name = q.getName().toString(true).toLowerCase(java.util.Locale.ROOT);
        String value = txt.get(name);
        if (value != null && q.getType() == Type.TXT) {
          response.addRecord(new TXTRecord(Name.fromString(name + "."), DClass.IN, 60, value), Section.ANSWER);
        } else {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        byte[] wire = response.toWire();
        socket.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
