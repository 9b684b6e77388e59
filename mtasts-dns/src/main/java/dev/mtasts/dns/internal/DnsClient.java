package dev.mtasts.dns.internal;

import dev.mtasts.dns.LookupResult.FailureKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * Sends queries with dnsjava's {@link SimpleResolver} (UDP, retried over TCP when the answer is
 * truncated), retries on timeouts and network errors across the configured servers, and follows
 * CNAME chains. No dnsjava exception leaves this class: every failure becomes an {@link Answer}.
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

  private final List<SimpleResolver> resolvers;
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
    this.resolvers = new ArrayList<>();
    for (InetSocketAddress server : servers) {
      SimpleResolver resolver = new SimpleResolver(server);
      resolver.setTimeout(timeout);
      resolvers.add(resolver);
    }
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
    SimpleResolver resolver = resolvers.get(attempt % resolvers.size());
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    CompletableFuture<Message> future;
    try {
      future = resolver.sendAsync(query).toCompletableFuture();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    return future.handle((message, error) -> {
      if (error == null) {
        if (message.getRcode() == Rcode.SERVFAIL && attempt + 1 < resolvers.size() && attempt < retries) {
          // Another server may be healthy.
          return send(name, type, attempt + 1);
        }
        return done((Answer) new Response(message));
      }
      Failure failure = classify(unwrap(error), resolver.getAddress(), name);
      if (failure.kind() != FailureKind.BAD_RESPONSE && attempt < retries) {
        return send(name, type, attempt + 1);
      }
      if (failure.kind() == FailureKind.TIMEOUT || failure.kind() == FailureKind.NETWORK) {
        failure = new Failure(failure.kind(), failure.message() + " (" + (attempt + 1) + " attempts)");
      }
      return done((Answer) failure);
    }).thenCompose(f -> f);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private Failure classify(Throwable error, InetSocketAddress server, Name name) {
    String where = " querying " + server.getAddress().getHostAddress() + ":" + server.getPort() + " for " + name;
    if (error instanceof TimeoutException || error instanceof SocketTimeoutException) {
      return new Failure(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms" + where);
    }
    if (error instanceof WireParseException) {
      return new Failure(FailureKind.BAD_RESPONSE, "malformed answer" + where + ": " + error.getMessage());
    }
    if (error instanceof IOException) {
      return new Failure(FailureKind.NETWORK, "network error" + where + ": " + error);
    }
    return new Failure(FailureKind.BAD_RESPONSE, "unexpected failure" + where + ": " + error);
  }
}
