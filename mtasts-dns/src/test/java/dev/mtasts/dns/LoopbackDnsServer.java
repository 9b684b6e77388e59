package dev.mtasts.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * A small authoritative DNS server for tests: real UDP and TCP sockets on loopback (ephemeral
 * port), DNS wire format through dnsjava's {@link Message}, answers from dnsjava {@link Zone}s.
 *
 * <p>Like many authoritative servers it follows CNAMEs only inside the zone of the question; it
 * answers REFUSED outside its zones and SERVFAIL for "broken" zones (configured but not loaded,
 * which is what NSD does). UDP answers larger than 512 bytes (or the client's EDNS payload size,
 * at most 1232) are truncated with the TC bit, so clients must ask again over TCP.
 */
final class LoopbackDnsServer implements AutoCloseable {
  private static final int MAX_EDNS_UDP = 1232;

  private final List<Zone> zones;
  private final Set<Name> brokenZones;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<String> tcpQuestions = new CopyOnWriteArrayList<>();
  private final List<String> truncatedQuestions = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private LoopbackDnsServer(List<Zone> zones, Set<Name> brokenZones) throws IOException {
    this.zones = List.copyOf(zones);
    this.brokenZones = Set.copyOf(brokenZones);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    DatagramSocket boundUdp = null;
    ServerSocket boundTcp = null;
    // UDP and TCP must share one port number; retry if the TCP side of an ephemeral port is taken.
    for (int attempt = 0; attempt < 20 && boundTcp == null; attempt++) {
      boundUdp = new DatagramSocket(new InetSocketAddress(loopback, 0));
      try {
        boundTcp = new ServerSocket(boundUdp.getLocalPort(), 50, loopback);
      } catch (IOException e) {
        boundUdp.close();
      }
    }
    if (boundTcp == null) {
      throw new IOException("no free port for both UDP and TCP on loopback");
    }
    this.udp = boundUdp;
    this.tcp = boundTcp;
  }

  /**
   * Starts a server.
   *
   * @param zones the zones it is authoritative for
   * @param brokenZones zone origins answered with SERVFAIL
   * @return the running server
   * @throws IOException if the sockets cannot be bound
   */
  static LoopbackDnsServer start(List<Zone> zones, Set<Name> brokenZones) throws IOException {
    LoopbackDnsServer server = new LoopbackDnsServer(zones, brokenZones);
    Thread udpThread = new Thread(server::serveUdp, "dns-udp-" + server.udp.getLocalPort());
    udpThread.setDaemon(true);
    udpThread.start();
    Thread tcpThread = new Thread(server::acceptTcp, "dns-tcp-" + server.tcp.getLocalPort());
    tcpThread.setDaemon(true);
    tcpThread.start();
    return server;
  }

  /**
   * Loads a zone file from the test resources ({@code /zones/<origin>.zone}).
   *
   * @param origin the zone origin, without the trailing dot
   * @return the zone
   */
  static Zone loadZone(String origin) {
    String resource = "/zones/" + origin + ".zone";
    try (InputStream in = LoopbackDnsServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<Record> records = new ArrayList<>();
      try (org.xbill.DNS.Master master = new org.xbill.DNS.Master(in, Name.fromString(origin + "."))) {
        for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
          records.add(r);
        }
      }
      return new Zone(Name.fromString(origin + "."), records.toArray(new Record[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  /** Returns the questions ({@code name/type}) that were asked over TCP. */
  List<String> tcpQuestions() {
    return List.copyOf(tcpQuestions);
  }

  /** Returns the questions whose UDP answer was truncated. */
  List<String> truncatedQuestions() {
    return List.copyOf(truncatedQuestions);
  }

  private void serveUdp() {
    byte[] buffer = new byte[65_535];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        Message response = answer(query);
        int limit = 512;
        OPTRecord opt = query.getOPT();
        if (opt != null) {
          limit = Math.max(512, Math.min(opt.getPayloadSize(), MAX_EDNS_UDP));
          response.addRecord(new OPTRecord(MAX_EDNS_UDP, 0, 0), Section.ADDITIONAL);
        }
        byte[] wire = response.toWire();
        if (wire.length > limit) {
          Message truncated = new Message(response.getHeader().getID());
          truncated.getHeader().setFlag(Flags.QR);
          truncated.getHeader().setFlag(Flags.AA);
          truncated.getHeader().setFlag(Flags.TC);
          truncated.addRecord(query.getQuestion(), Section.QUESTION);
          truncatedQuestions.add(describe(query));
          wire = truncated.toWire();
        }
        udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
      } catch (SocketException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // A malformed query is dropped; the client times out, as with a real server.
      }
    }
  }

  private void acceptTcp() {
    while (!closed) {
      try {
        Socket socket = tcp.accept();
        Thread t = new Thread(() -> serveTcp(socket), "dns-tcp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serveTcp(Socket socket) {
    try (socket) {
      socket.setSoTimeout(5_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        byte[] data = new byte[length];
        in.readFully(data);
        Message query = new Message(data);
        tcpQuestions.add(describe(query));
        byte[] wire = answer(query).toWire();
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // Connection closed or garbage: nothing to answer.
    }
  }

  private static String describe(Message query) {
    Record q = query.getQuestion();
    return q == null ? "?" : q.getName() + "/" + org.xbill.DNS.Type.string(q.getType());
  }

  Message answer(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
      header.setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    Name qname = question.getName();
    for (Name broken : brokenZones) {
      if (qname.subdomain(broken)) {
        header.setRcode(Rcode.SERVFAIL);
        return response;
      }
    }
    Zone zone = null;
    for (Zone z : zones) {
      if (qname.subdomain(z.getOrigin())
          && (zone == null || z.getOrigin().labels() > zone.getOrigin().labels())) {
        zone = z;
      }
    }
    if (zone == null) {
      header.setRcode(Rcode.REFUSED);
      return response;
    }
    header.setFlag(Flags.AA);
    Name current = qname;
    for (int hops = 0; hops <= 8; hops++) {
      SetResponse sr = zone.findRecords(current, question.getType());
      if (sr.isSuccessful()) {
        for (RRset set : sr.answers()) {
          for (Record r : set.rrs(false)) {
            response.addRecord(r, Section.ANSWER);
          }
        }
        return response;
      }
      if (sr.isCNAME()) {
        CNAMERecord cname = sr.getCNAME();
        response.addRecord(cname, Section.ANSWER);
        current = cname.getTarget();
        if (!current.subdomain(zone.getOrigin())) {
          return response;
        }
        continue;
      }
      if (sr.isNXDOMAIN()) {
        header.setRcode(Rcode.NXDOMAIN);
      }
      response.addRecord(zone.getSOA(), Section.AUTHORITY);
      return response;
    }
    return response;
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }
}
