package dev.mtasts.dns.internal;

import dev.mtasts.dns.LookupResult.FailureKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Sends queries ({@link DnsExchange}: UDP, again over TCP when the answer is truncated; datagrams
 * that do not match the query are ignored, RFC 5452), retries on timeouts and network errors
 * across the configured servers, and follows CNAME chains. No exception leaves this class: every
 * failure becomes an {@link Answer} whose message says what happened in words.
 */
public final class DnsClient {
  /** Longest CNAME chain followed (the same bound as common resolvers). */
  public static final int MAX_CNAME_HOPS = 8;

  /** The answer to a query, after CNAMEs were followed. */
  public sealed interface Answer {}

  /**
   * Records of the queried type.
   *
   * @param records the records at the end of the CNAME chain
   */
  public record Records(List<Record> records) implements Answer {}

  /** NXDOMAIN. */
  public record NoSuchName() implements Answer {}

  /** NODATA: the name exists without records of the type. */
  public record NoData() implements Answer {}

  /**
   * A temporary failure.
   *
   * @param kind the kind
   * @param message details
   */
  public record Failure(FailureKind kind, String message) implements Answer {}

  /** The UDP payload size announced with EDNS(0). */
  private static final int EDNS_PAYLOAD = 1232;

  /**
   * Runs the blocking exchanges; daemon threads that end after a minute without work, so an
   * idle client holds no thread and never keeps the JVM alive.
   */
  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
    Thread t = new Thread(runnable, "mtasts-dns");
    t.setDaemon(true);
    return t;
  });

  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final int retries;

  /**
   * Creates a client.
   *
   * @param servers the servers, tried in turn; at least one
   * @param timeout the timeout of one attempt
   * @param retries how many more attempts after a timeout or network error
   */
  public DnsClient(List<InetSocketAddress> servers, Duration timeout, int retries) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("at least one server is needed");
    }
    this.servers = List.copyOf(servers);
    this.timeout = timeout;
    this.retries = retries;
  }

  /**
   * Queries a name, following CNAMEs.
   *
   * @param name the absolute name
   * @param type the record type ({@link Type#TXT}, {@link Type#MX})
   * @return the answer; the future never completes exceptionally
   */
  public CompletableFuture<Answer> query(Name name, int type) {
    return query(name, type, 0, new HashSet<>());
  }

  /**
   * Follows the CNAME chain that starts at a name, one CNAME query per link, at most {@link
   * #MAX_CNAME_HOPS} links.
   *
   * @param name the absolute name
   * @return the targets in order (empty when the name is no alias), or the failure; the future
   *     never completes exceptionally
   */
  public CompletableFuture<Answer> aliases(Name name) {
    return aliases(name, new ArrayList<>(), new HashSet<>(List.of(name)));
  }

  private CompletableFuture<Answer> aliases(Name name, List<Record> chain, Set<Name> seen) {
    return send(name, Type.CNAME, 0).thenCompose(result -> {
      if (result instanceof Failure) {
        return CompletableFuture.completedFuture(result);
      }
      Message response = ((Response) result).message();
      int rcode = response.getRcode();
      if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
        return done(new Failure(rcode == Rcode.SERVFAIL ? FailureKind.SERVFAIL : rcode == Rcode.REFUSED
            ? FailureKind.REFUSED : FailureKind.BAD_RESPONSE, "the server answered " + Rcode.string(rcode) + " for " + name));
      }
      for (Record r : response.getSection(Section.ANSWER)) {
        if (r.getType() == Type.CNAME && r.getName().equals(name) && r.getDClass() == DClass.IN) {
          Name target = ((CNAMERecord) r).getTarget();
          chain.add(r);
          if (chain.size() > MAX_CNAME_HOPS || !seen.add(target)) {
            return done(new Failure(FailureKind.CNAME_LOOP, "the CNAME chain from " + chain.get(0).getName()
                + " loops or has more than " + MAX_CNAME_HOPS + " links"));
          }
          return aliases(target, chain, seen);
        }
      }
      return done(new Records(List.copyOf(chain)));
    });
  }

  private CompletableFuture<Answer> query(Name name, int type, int hopsSoFar, Set<Name> seen) {
    seen.add(name);
    return send(name, type, 0).thenCompose(result -> {
      if (result instanceof Failure) {
        return CompletableFuture.completedFuture(result);
      }
      Message response = ((Response) result).message();
      return interpret(name, type, response, hopsSoFar, seen);
    });
  }

  private CompletableFuture<Answer> interpret(Name name, int type, Message response, int hopsSoFar,
      Set<Name> seen) {
    int rcode = response.getRcode();
    if (rcode == Rcode.SERVFAIL) {
      return done(new Failure(FailureKind.SERVFAIL, "the server answered SERVFAIL for " + name));
    }
    if (rcode == Rcode.REFUSED) {
      return done(new Failure(FailureKind.REFUSED, "the server refused to answer for " + name));
    }
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      return done(new Failure(FailureKind.BAD_RESPONSE,
          "the server answered " + Rcode.string(rcode) + " for " + name));
    }
    List<Record> answer = response.getSection(Section.ANSWER);
    Name current = name;
    int hops = hopsSoFar;
    while (true) {
      List<Record> data = new ArrayList<>();
      @Nullable Record cname = null;
      for (Record r : answer) {
        if (r.getName().equals(current) && r.getDClass() == DClass.IN) {
          if (r.getType() == type) {
            data.add(r);
          } else if (r.getType() == Type.CNAME && cname == null) {
            cname = r;
          }
        }
      }
      if (!data.isEmpty()) {
        return done(new Records(data));
      }
      if (cname == null) {
        break;
      }
      Name target = ((CNAMERecord) cname).getTarget();
      hops++;
      if (hops > MAX_CNAME_HOPS || !seen.add(target)) {
        return done(new Failure(FailureKind.CNAME_LOOP,
            "the CNAME chain from " + name + " loops or has more than " + MAX_CNAME_HOPS + " links"));
      }
      current = target;
    }
    if (rcode == Rcode.NXDOMAIN) {
      return done(new NoSuchName());
    }
    if (!current.equals(name)) {
      // The chain leaves the answer (an authoritative server answering for a target outside its
      // zone, or a resolver that does not chase): ask for the target ourselves.
      return query(current, type, hops, seen);
    }
    return done(new NoData());
  }

  private static CompletableFuture<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  /** A raw response, internal to the send loop. */
  private record Response(Message message) implements Answer {}

  private CompletableFuture<Answer> send(Name name, int type, int attempt) {
    InetSocketAddress server = servers.get(attempt % servers.size());
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    // RFC 6891 EDNS(0) with the 1232-byte payload of DNS Flag Day 2020, as resolvers send.
    query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    return CompletableFuture.supplyAsync(() -> exchange(server, query), EXECUTOR)
        .thenCompose(outcome -> {
          if (outcome instanceof DnsExchange.Reply reply) {
            Message message = reply.message();
            if (message.getRcode() == Rcode.SERVFAIL && attempt + 1 < servers.size()
                && attempt < retries) {
              // Another server may be healthy.
              return send(name, type, attempt + 1);
            }
            return done(new Response(message));
          }
          DnsExchange.Failed failed = (DnsExchange.Failed) outcome;
          if (failed.kind() != FailureKind.BAD_RESPONSE && attempt < retries) {
            return send(name, type, attempt + 1);
          }
          String where = describeQuery(server, name);
          String message = (failed.kind() == FailureKind.NETWORK
              ? "network error" + where + ": " + failed.detail()
              : failed.detail() + where) + failed.note();
          if (failed.kind() == FailureKind.TIMEOUT || failed.kind() == FailureKind.NETWORK) {
            message = message + " (" + (attempt + 1) + " attempt" + (attempt == 0 ? "" : "s") + ")";
          }
          return done(new Failure(failed.kind(), message));
        });
  }

  /** UDP first; the same question again over TCP when the answer is truncated (RFC 7766 §5). */
  private DnsExchange.Outcome exchange(InetSocketAddress server, Message query) {
    try {
      DnsExchange.Outcome udp = DnsExchange.udp(server, query, timeout);
      if (udp instanceof DnsExchange.Reply reply && reply.message().getHeader().getFlag(Flags.TC)) {
        return DnsExchange.tcp(server, query, timeout);
      }
      return udp;
    } catch (RuntimeException e) {
      // A bug rather than a network problem, but it must not escape as an exception.
      return new DnsExchange.Failed(FailureKind.BAD_RESPONSE, "unexpected failure ("
          + (e.getMessage() == null ? "no detail" : e.getMessage()) + ")");
    }
  }

  private static String describeQuery(InetSocketAddress server, Name name) {
    return " querying " + server.getAddress().getHostAddress() + " port " + server.getPort()
        + " for " + name;
  }
}
