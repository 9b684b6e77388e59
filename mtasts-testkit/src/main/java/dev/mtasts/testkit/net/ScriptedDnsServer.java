package dev.mtasts.testkit.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
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
 * A small authoritative DNS server on a loopback UDP port for tests: real DNS wire format through
 * dnsjava, with TXT, MX, A, AAAA and CNAME answers the test sets and changes while it runs;
 * NXDOMAIN for names it holds nothing for, NODATA for other types at names it knows, and no answer
 * at all for names made silent. A CNAME is answered for
 * every type, with the target's records added when the server holds them (as an authoritative
 * server does inside its zone).
 *
 * <pre>{@code
 * try (ScriptedDnsServer dns = new ScriptedDnsServer()) {
 *   dns.setTxt("_mta-sts.example.com", "v=STSv1; id=20261124");
 *   dns.setMx("example.com", 10, "mx1.example.com");
 *   MtaStsResolver resolver = MtaStsResolver.newBuilder().server(dns.address()).build();
 * }
 * }</pre>
 */
public final class ScriptedDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
  private final Map<String, List<MxRecordSpec>> mx = new ConcurrentHashMap<>();
  private final Map<String, String> cname = new ConcurrentHashMap<>();
  private final Map<String, List<InetAddress>> addresses = new ConcurrentHashMap<>();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final AtomicInteger queries = new AtomicInteger();

  /** One MX record: preference and target host. */
  private record MxRecordSpec(int preference, String host) {}

  /**
   * Starts the server on an ephemeral loopback port.
   *
   * @throws IOException if no port can be bound
   */
  public ScriptedDnsServer() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread thread = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Returns the server's address, for {@code MtaStsResolver.Builder.server}.
   *
   * @return the loopback address and port
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  /**
   * Sets the TXT records of a name, one record per value (each value one string); none removes them.
   *
   * @param name the name, without the root dot
   * @param values the record texts
   */
  public void setTxt(String name, String... values) {
    set(txt, name, List.of(values));
  }

  /**
   * Sets the MX records of a name, all with one preference; no host removes them.
   *
   * @param name the domain
   * @param preference the preference
   * @param hosts the target hosts ({@code "."} for a null MX)
   */
  public void setMx(String name, int preference, String... hosts) {
    List<MxRecordSpec> list = new ArrayList<>();
    for (String h : hosts) {
      list.add(new MxRecordSpec(preference, h));
    }
    set(mx, name, list);
  }

  /**
   * Sets the A and AAAA records of a name (IPv4 addresses become A records, IPv6 ones AAAA); no
   * address removes them.
   *
   * @param name the host name
   * @param values the addresses
   */
  public void setAddresses(String name, InetAddress... values) {
    set(addresses, name, List.of(values));
  }

  /**
   * Makes the server never answer queries for a name (or answer them again), as a server that
   * lost its zone behind a firewall does: the client's timeouts are what is tested.
   *
   * @param name the name
   * @param unanswered whether queries for it go unanswered
   */
  public void setSilent(String name, boolean unanswered) {
    if (unanswered) {
      silent.add(key(name));
    } else {
      silent.remove(key(name));
    }
  }

  /**
   * Makes a name an alias of another (null removes it).
   *
   * @param name the alias
   * @param target the canonical name, or {@code null}
   */
  public void setCname(String name, @org.jspecify.annotations.Nullable String target) {
    if (target == null) {
      cname.remove(key(name));
    } else {
      cname.put(key(name), key(target));
    }
  }

  /**
   * Returns how many queries the server answered.
   *
   * @return the count
   */
  public int queries() {
    return queries.get();
  }

  private static <T> void set(Map<String, List<T>> map, String name, List<T> values) {
    if (values.isEmpty()) {
      map.remove(key(name));
    } else {
      map.put(key(name), List.copyOf(values));
    }
  }

  private static String key(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        queries.incrementAndGet();
        Message query = new Message(Arrays.copyOf(p.getData(), p.getLength()));
        Record question = query.getQuestion();
        if (question != null && silent.contains(key(question.getName().toString(true)))) {
          continue;
        }
        byte[] wire = answer(query).toWire(65535);
        socket.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private Message answer(Message query) throws TextParseException {
    Record q = query.getQuestion();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.addRecord(q, Section.QUESTION);
    String name = key(q.getName().toString(true));
    String alias = cname.get(name);
    if (alias != null) {
      response.addRecord(new CNAMERecord(absolute(name), DClass.IN, 60, absolute(alias)), Section.ANSWER);
      if (q.getType() != Type.CNAME) {
        addData(response, alias, q.getType());
      }
      return response;
    }
    if (!addData(response, name, q.getType()) && !txt.containsKey(name) && !mx.containsKey(name)
        && !addresses.containsKey(name)) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    return response;
  }

  private boolean addData(Message response, String name, int type) throws TextParseException {
    boolean any = false;
    if (type == Type.TXT) {
      for (String v : txt.getOrDefault(name, List.of())) {
        response.addRecord(new TXTRecord(absolute(name), DClass.IN, 60, v), Section.ANSWER);
        any = true;
      }
    } else if (type == Type.A || type == Type.AAAA) {
      for (InetAddress a : addresses.getOrDefault(name, List.of())) {
        if (type == Type.A && a instanceof Inet4Address v4) {
          response.addRecord(new ARecord(absolute(name), DClass.IN, 60, v4), Section.ANSWER);
          any = true;
        } else if (type == Type.AAAA && a instanceof Inet6Address v6) {
          response.addRecord(new AAAARecord(absolute(name), DClass.IN, 60, v6), Section.ANSWER);
          any = true;
        }
      }
    } else if (type == Type.MX) {
      for (MxRecordSpec m : mx.getOrDefault(name, List.of())) {
        Name target = m.host().equals(".") ? Name.root : absolute(m.host());
        response.addRecord(new MXRecord(absolute(name), DClass.IN, 60, m.preference(), target), Section.ANSWER);
        any = true;
      }
    }
    return any;
  }

  private static Name absolute(String name) throws TextParseException {
    return Name.fromString(name + ".");
  }

  /** Stops the server. */
  @Override
  public void close() {
    socket.close();
  }
}
