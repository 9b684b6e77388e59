package dev.mtasts.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on a loopback UDP port, speaking the real wire protocol (dnsjava's
 * message classes), for the {@code dns} command's tests: TXT, MX and CNAME records, NXDOMAIN,
 * NODATA, a mode that answers REFUSED to everything, and a spoofing mode that first sends a forged
 * answer with a wrong message ID and the genuine one 50 ms later (RFC 5452).
 */
final class TestDnsServer implements AutoCloseable {
  private final Map<Name, List<Record>> zone = new HashMap<>();
  private final DatagramSocket socket;
  private final Thread thread;
  private volatile boolean refuseAll;
  private volatile boolean spoofFirst;

  TestDnsServer() throws SocketException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "test-dns-server");
    thread.setDaemon(true);
    thread.start();
  }

  String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  TestDnsServer refuseAll() {
    refuseAll = true;
    return this;
  }

  /**
   * Answers every query first with a forged copy (message ID + 1, the TXT answers replaced by
   * {@code v=STSv1; id=spoofed;}) and 50 ms later with the genuine answer.
   */
  TestDnsServer spoofFirst() {
    spoofFirst = true;
    return this;
  }

  /** Adds a TXT record made of the given character-strings. */
  TestDnsServer txt(String name, String... strings) {
    return add(new TXTRecord(name(name), DClass.IN, 300, Arrays.asList(strings)));
  }

  TestDnsServer mx(String name, int preference, String host) {
    return add(new MXRecord(name(name), DClass.IN, 300, preference, name(host)));
  }

  TestDnsServer cname(String name, String target) {
    return add(new CNAMERecord(name(name), DClass.IN, 300, name(target)));
  }

  private TestDnsServer add(Record record) {
    zone.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
    return this;
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.toLowerCase(Locale.ROOT).endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
        Message genuine = answer(query);
        if (spoofFirst) {
          byte[] forged = forged(genuine).toWire(512);
          socket.send(new DatagramPacket(forged, forged.length, packet.getSocketAddress()));
          Thread.sleep(50);
        }
        byte[] answer = genuine.toWire(512);
        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        // Closed, or a malformed query: keep serving until closed.
      }
    }
  }

  private static Message forged(Message genuine) {
    Message forged = genuine.clone();
    forged.getHeader().setID((genuine.getHeader().getID() + 1) & 0xffff);
    for (Record r : genuine.getSection(Section.ANSWER)) {
      if (r.getType() == Type.TXT) {
        forged.removeRecord(r, Section.ANSWER);
        forged.addRecord(new TXTRecord(r.getName(), DClass.IN, 300, "v=STSv1; id=spoofed;"), Section.ANSWER);
      }
    }
    return forged;
  }

  private Message answer(Message query) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    response.addRecord(question, Section.QUESTION);
    if (refuseAll) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return response;
    }
    Name name = question.getName();
    for (int hops = 0; hops < 8; hops++) {
      List<Record> records = zone.get(name);
      if (records == null) {
        if (hops == 0) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response;
      }
      Name next = null;
      for (Record r : records) {
        if (r.getType() == question.getType()) {
          response.addRecord(r, Section.ANSWER);
        } else if (r.getType() == Type.CNAME && question.getType() != Type.CNAME) {
          response.addRecord(r, Section.ANSWER);
          next = ((CNAMERecord) r).getTarget();
        }
      }
      if (next == null) {
        return response;
      }
      name = next;
    }
    return response;
  }

  @Override
  public void close() {
    socket.close();
  }
}
