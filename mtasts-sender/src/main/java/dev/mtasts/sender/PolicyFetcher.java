package dev.mtasts.sender;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.sender.internal.BoundedBody;
import dev.mtasts.sender.internal.FetchBackoff;
import dev.mtasts.sender.internal.PolicyHostTrustManager;
import dev.mtasts.sender.internal.Texts;
import dev.mtasts.sender.internal.WebPki;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a domain's policy from {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} as RFC
 * 8461 §3.3 and §7.1 require, with the JDK's {@link HttpClient}:
 *
 * <ul>
 *   <li>only status 200 yields a policy; a redirect is never followed and is its own error, with
 *       the {@code Location} it pointed to; nothing is cached by HTTP;
 *   <li>the media type must be {@code text/plain} (parameters ignored, but a charset other than
 *       utf-8 or us-ascii is an error); the body is read one buffer at a time and cut off at the
 *       parser's limit (64 KiB) plus one byte; the policy parser decodes it strictly as UTF-8;
 *   <li>TLS 1.2 or 1.3 with SNI = the policy host; the certificate must be unexpired, chain to a
 *       trusted root (the JDK's by default) and carry a subjectAltName dNSName matching the
 *       policy host by RFC 6125 (a {@code *} only as the whole left-most label); a certificate
 *       whose only identity is its CN is refused;
 *   <li>a connect timeout and one overall deadline (default 60 s) that also ends a stalled
 *       handshake or a body trickling in one byte at a time;
 *   <li>after a failed GET no new GET for the same domain and TXT id for 5 minutes;
 *   <li>a policy host resolving to a loopback, link-local or private address is not dialled
 *       unless allowed ({@link Builder#allowAddressKinds}).
 * </ul>
 *
 * <p>Every failure is a {@link PolicyFetchException} with a {@link FetchErrorCode} and the TLS-RPT
 * result type it maps to. Instances are immutable apart from the back-off record, and thread-safe.
 *
 * <p>When the fetcher dials a fixed address ({@link Builder#connect} or a custom {@link
 * HostAddressResolver}), it sends the policy host as SNI and checks the certificate for it. The
 * HTTP {@code Host} header is the policy host too if the JVM lets a library set it (system
 * property {@code jdk.httpclient.allowRestrictedHeaders=host}, which the {@code mtasts} CLI sets);
 * otherwise java.net.http sends the dialled address there, which a server with a default site
 * still answers.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcher.newBuilder().deadline(Duration.ofSeconds(30)).build();
 * fetcher.fetch("example.com", "20261124").whenComplete((fetched, error) -> {
 *   if (error instanceof PolicyFetchException e) {
 *     report(e.resultType(), e.getMessage());
 *   }
 * });
 * }</pre>
 */
public final class PolicyFetcher {
  /** The default overall deadline of one fetch (RFC 8461 §3.3 suggests one minute). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** The default TCP connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The default wait after a failed GET before the next one for the same id (RFC 8461 §3.3). */
  public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofMinutes(5);

  /** The path of the policy on the policy host (RFC 8461 §3.2). */
  public static final String WELL_KNOWN_PATH = "/.well-known/mta-sts.txt";

  private static final int MAX_BACKOFF_ENTRIES = 100_000;

  private static final class DefaultExecutor {
    static final ExecutorService INSTANCE = Executors.newCachedThreadPool(new DaemonThreads());
  }

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "mtasts-policy-fetch-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  private final WebPki pki;
  private final Duration connectTimeout;
  private final Duration deadline;
  private final Map<String, InetSocketAddress> connect;
  private final Set<AddressKind> allowed;
  private final @Nullable HostAddressResolver resolver;
  private final Clock clock;
  private final PolicyParser parser;
  private final @Nullable Executor executor;
  private final FetchBackoff backoff;
  private final boolean hostHeaderAllowed;
  private final int port;
  /** One client for the policy hosts dialled by name; java.net.http sends their SNI itself. */
  private final AtomicReference<@Nullable HttpClient> shared = new AtomicReference<>();
  /** One client per connect override: its SNI must be set on the client. */
  private final ConcurrentHashMap<String, HttpClient> pinned = new ConcurrentHashMap<>();

  private PolicyFetcher(Builder b) {
    this.pki = b.roots == null ? WebPki.jdkDefault() : WebPki.trusting(b.roots);
    this.connectTimeout = b.connectTimeout;
    this.deadline = b.deadline;
    this.connect = Map.copyOf(b.connect);
    this.allowed = Set.copyOf(b.allowed);
    this.resolver = b.resolver;
    this.clock = b.clock;
    this.parser = b.parser;
    this.executor = b.executor;
    this.backoff = new FetchBackoff(b.failureBackoff, MAX_BACKOFF_ENTRIES);
    this.hostHeaderAllowed = hostHeaderAllowed();
    this.port = b.port;
  }

  /**
   * Returns a builder; its defaults are the JDK's trusted roots, a 10 s connect timeout, a 60 s
   * deadline, a 5-minute back-off, public addresses only, the strict parser and the system clock.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns the policy host of a domain: {@code mta-sts.<domain>} (RFC 8461 §3.3).
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return the host in lower-case A-labels
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public static String policyHost(String domain) {
    return "mta-sts." + DomainName.of(domain, DomainName.Syntax.INPUT).toString();
  }

  /**
   * Returns the policy URL of a domain (RFC 8461 §3.3).
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public static String policyUrl(String domain) {
    return "https://" + policyHost(domain) + WELL_KNOWN_PATH;
  }

  /**
   * Fetches a domain's policy, with the back-off keyed by the domain alone.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return a stage completing with the policy, or exceptionally with a {@link
   *     PolicyFetchException}
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public CompletionStage<FetchedPolicy> fetch(String domain) {
    return fetch(domain, "");
  }

  /**
   * Fetches a domain's policy for a TXT id: after a failed GET for the same domain and id, no
   * GET is sent for the back-off time and the stage fails with {@link FetchErrorCode#BACKED_OFF}.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @param policyId the id of the domain's {@code _mta-sts} TXT record, or empty
   * @return a stage completing with the policy, or exceptionally with a {@link
   *     PolicyFetchException}
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public CompletionStage<FetchedPolicy> fetch(String domain, String policyId) {
    Objects.requireNonNull(policyId, "policyId");
    String ascii = DomainName.of(Objects.requireNonNull(domain, "domain"), DomainName.Syntax.INPUT).toString();
    String host = "mta-sts." + ascii;
    String url = "https://" + host + WELL_KNOWN_PATH;
    Instant now = clock.instant();
    @Nullable RuntimeException earlier = backoff.blocking(ascii, policyId, now);
    if (earlier != null) {
      Instant retry = backoff.retryAt(ascii, policyId);
      return CompletableFuture.failedFuture(new PolicyFetchException(FetchErrorCode.BACKED_OFF, url,
          "the last GET failed (" + (earlier instanceof PolicyFetchException p ? p.reason() : earlier.getMessage())
              + "); no new GET before " + retry + " (RFC 8461 §3.3)", -1, null, earlier));
    }
    long startNanos = System.nanoTime();
    Executor exec = executor != null ? executor : DefaultExecutor.INSTANCE;
    CompletableFuture<FetchedPolicy> result =
        CompletableFuture.supplyAsync(() -> target(host, url), exec)
            .thenCompose(target -> send(ascii, host, url, target, startNanos, exec));
    return result.whenComplete((fetched, error) -> {
      if (error != null) {
        backoff.failed(ascii, policyId, (RuntimeException) unwrap(error), clock.instant());
      } else {
        backoff.succeeded(ascii, policyId);
      }
    });
  }

  /**
   * Fetches a domain's policy and waits for it.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return the policy
   * @throws PolicyFetchException when it could not be fetched (code {@link
   *     FetchErrorCode#INTERRUPTED} if the thread was interrupted)
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public FetchedPolicy fetchBlocking(String domain) {
    return fetchBlocking(domain, "");
  }

  /**
   * Fetches a domain's policy for a TXT id and waits for it.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @param policyId the id of the domain's TXT record, or empty
   * @return the policy
   * @throws PolicyFetchException when it could not be fetched
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public FetchedPolicy fetchBlocking(String domain, String policyId) {
    CompletableFuture<FetchedPolicy> f = fetch(domain, policyId).toCompletableFuture();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new PolicyFetchException(FetchErrorCode.INTERRUPTED, policyUrl(domain),
          "interrupted while waiting for the policy", -1, null, e);
    } catch (ExecutionException e) {
      throw (RuntimeException) unwrap(e);
    }
  }

  /** Where to connect: a fixed address (IP literal URI) or the host name. */
  private record Target(@Nullable InetSocketAddress address) {}

  private Target target(String host, String url) {
    InetSocketAddress fixed = connect.get(host);
    if (fixed != null) {
      if (fixed.isUnresolved()) {
        throw fail(FetchErrorCode.HOST_NOT_FOUND, url, "the connect address " + fixed.getHostString()
            + " for " + host + " is not resolved; give an IP address", null);
      }
      guard(host, url, List.of(fixed.getAddress()));
      return new Target(fixed);
    }
    if (resolver == null && allowed.containsAll(EnumSet.allOf(AddressKind.class))) {
      return new Target(null);
    }
    List<InetAddress> addresses;
    try {
      addresses = (resolver == null ? HostAddressResolver.system() : resolver).resolve(host);
    } catch (UnknownHostException e) {
      throw fail(FetchErrorCode.HOST_NOT_FOUND, url, "the policy host " + host
          + " has no address; publish an A or AAAA record for it (RFC 8461 §3.3)", e);
    }
    if (addresses.isEmpty()) {
      throw fail(FetchErrorCode.HOST_NOT_FOUND, url, "the policy host " + host
          + " has no address; publish an A or AAAA record for it (RFC 8461 §3.3)", null);
    }
    guard(host, url, addresses);
    // With the system resolver HttpClient resolves the name itself (so that Host names the
    // policy host); a custom resolver's answer is dialled as is.
    return resolver == null ? new Target(null) : new Target(new InetSocketAddress(addresses.get(0), 443));
  }

  private void guard(String host, String url, List<InetAddress> addresses) {
    for (InetAddress a : addresses) {
      AddressKind kind = AddressKind.of(a);
      if (kind != AddressKind.PUBLIC && !allowed.contains(kind)) {
        throw fail(FetchErrorCode.ADDRESS_NOT_ALLOWED, url, "the policy host " + host + " resolves to "
            + a.getHostAddress() + ", a " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
            + " address, which this fetcher may not dial (allow it with allowAddressKinds(AddressKind."
            + kind.name() + "))", null);
      }
    }
  }

  private CompletableFuture<FetchedPolicy> send(
      String domain, String host, String url, Target target, long startNanos, Executor exec) {
    Duration remaining = deadline.minusNanos(System.nanoTime() - startNanos);
    if (remaining.isNegative() || remaining.isZero()) {
      return CompletableFuture.failedFuture(deadlineExceeded(url));
    }
    InetSocketAddress dial = target.address();
    // Clients are shared (each java.net.http client keeps a selector thread until it is garbage
    // collected): one for names, one per connect override; a custom resolver's answers change, so
    // each of its fetches gets a client of its own, whose connect timeout the deadline bounds.
    boolean deadlineBoundsConnect = false;
    HttpClient client;
    if (dial == null) {
      client = shared.updateAndGet(c -> c != null ? c : newClient(null, connectTimeout, exec));
    } else if (connect.containsKey(host)) {
      client = pinned.computeIfAbsent(host, h -> newClient(h, connectTimeout, exec));
    } else {
      deadlineBoundsConnect = connectTimeout.compareTo(remaining) >= 0;
      client = newClient(host, deadlineBoundsConnect ? remaining : connectTimeout, exec);
    }
    URI uri;
    if (dial == null) {
      uri = URI.create(port == 443 ? url : "https://" + host + ":" + port + WELL_KNOWN_PATH);
    } else {
      InetAddress a = dial.getAddress();
      String literal = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
      uri = URI.create("https://" + literal + ":" + dial.getPort() + WELL_KNOWN_PATH);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(remaining)
        .header("Accept", "text/plain");
    if (dial != null && hostHeaderAllowed) {
      request.header("Host", dial.getPort() == 443 ? host : host + ":" + dial.getPort());
    }
    int limit = parser.maxBytes();
    AtomicReference<@Nullable BoundedBody> body = new AtomicReference<>();
    HttpResponse.BodyHandler<BoundedBody.Body> handler = info -> {
      BoundedBody b = info.statusCode() == 200 && contentTypeProblem(info.headers()) == null
          ? BoundedBody.reading(limit) : BoundedBody.discarding();
      body.set(b);
      return b;
    };
    CompletableFuture<HttpResponse<BoundedBody.Body>> exchange = client.sendAsync(request.build(), handler);
    CompletableFuture<FetchedPolicy> out = new CompletableFuture<>();
    boolean connectIsDeadline = deadlineBoundsConnect;
    // Every outcome reaches the caller through out; the chain's own future has nothing more to say.
    CompletableFuture<?> unused = exchange.orTimeout(remaining.toNanos(), TimeUnit.NANOSECONDS).whenComplete((response, error) -> {
      if (error != null) {
        if (unwrap(error) instanceof TimeoutException) {
          // The overall deadline: stop the exchange and close the connection.
          BoundedBody b = body.get();
          if (b != null) {
            b.cancel();
          }
          exchange.cancel(true);
        }
        Throwable cause = unwrap(error);
        // java.net.http also reports its request timeout (the deadline) as a connect timeout when
        // it fires during the connect or the handshake: before the connect timeout could have
        // passed, it is the deadline.
        boolean beforeConnectTimeout = System.nanoTime() - startNanos < connectTimeout.toNanos();
        out.completeExceptionally((connectIsDeadline || beforeConnectTimeout)
                && cause instanceof HttpConnectTimeoutException
            ? deadlineExceeded(url) : translate(cause, url));
        return;
      }
      try {
        out.complete(evaluate(domain, url, response));
      } catch (RuntimeException e) {
        out.completeExceptionally(e);
      }
    });
    return out;
  }

  /**
   * Builds a client: TLS 1.2+, the policy host's certificate checked by DNS-ID (for a fixed host,
   * or the URI's host), its SNI set when an address is dialled, no redirects, HTTP/1.1.
   */
  private HttpClient newClient(@Nullable String sniHost, Duration connect, Executor exec) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new PolicyHostTrustManager(pki, sniHost, clock)}, null);
      SSLParameters params = new SSLParameters();
      // RFC 8461 §7.2: TLS 1.2 or later; §7.1: SNI = the policy host (java.net.http sends it for a
      // name; for an address it must be set here).
      params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      if (sniHost != null) {
        params.setServerNames(List.of(new SNIHostName(sniHost)));
      }
      return HttpClient.newBuilder()
          .sslContext(tls)
          .sslParameters(params)
          .connectTimeout(connect)
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .executor(exec)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS implementation is unusable: " + e.getMessage(), e);
    }
  }

  private FetchedPolicy evaluate(String domain, String url, HttpResponse<BoundedBody.Body> response) {
    int status = response.statusCode();
    HttpHeaders headers = response.headers();
    if (status >= 300 && status < 400) {
      String location = headers.firstValue("location").orElse(null);
      throw new PolicyFetchException(FetchErrorCode.REDIRECT, url, "HTTP " + status + " redirect"
          + (location == null ? " (no Location)" : " to \"" + Texts.escape(location) + "\"")
          + " is not followed (RFC 8461 §3.3); serve the policy itself with status 200",
          status, location, null);
    }
    if (status != 200) {
      throw new PolicyFetchException(FetchErrorCode.HTTP_STATUS, url, "HTTP status " + status
          + "; only 200 yields a policy (RFC 8461 §3.3): serve the file at " + WELL_KNOWN_PATH,
          status, null, null);
    }
    PolicyFetchException ct = contentTypeProblem(headers);
    if (ct != null) {
      throw new PolicyFetchException(ct.code(), url, ct.reason(), status, null, null);
    }
    BoundedBody.Body body = response.body();
    if (body.tooLarge()) {
      throw new PolicyFetchException(FetchErrorCode.BODY_TOO_LARGE, url, "the body is larger than "
          + parser.maxBytes() + " bytes; reading stopped there (RFC 8461 §3.3 suggests 64 KiB)",
          status, null, null);
    }
    ParseResult<MtaStsPolicy> parsed;
    try {
      parsed = parser.parse(body.bytes());
    } catch (PolicyParseException e) {
      throw new PolicyFetchException(FetchErrorCode.POLICY_INVALID, url,
          "the body is not a valid policy: " + e.getMessage(), status, null, e);
    }
    return new FetchedPolicy(domain, url, parsed.value(),
        new String(body.bytes(), StandardCharsets.UTF_8), parsed.warnings(), clock.instant());
  }

  /** RFC 8461 §3.2: text/plain, parameters ignored except a charset other than utf-8/us-ascii. */
  private static @Nullable PolicyFetchException contentTypeProblem(HttpHeaders headers) {
    List<String> values = headers.allValues("content-type");
    if (values.isEmpty()) {
      return fail(FetchErrorCode.CONTENT_TYPE_MISSING, "", "the response has no Content-Type;"
          + " serve the policy as text/plain (RFC 8461 §3.2)", null);
    }
    String value = values.get(0);
    String[] parts = value.split(";", -1);
    String media = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("text/plain")) {
      return fail(FetchErrorCode.CONTENT_TYPE_NOT_TEXT_PLAIN, "", "Content-Type \""
          + Texts.escape(value) + "\" is not text/plain (RFC 8461 §3.2)", null);
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (eq < 0 || !p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        continue;
      }
      String cs = p.substring(eq + 1).strip();
      if (cs.length() >= 2 && cs.startsWith("\"") && cs.endsWith("\"")) {
        cs = cs.substring(1, cs.length() - 1);
      }
      cs = cs.toLowerCase(Locale.ROOT);
      if (!cs.equals("utf-8") && !cs.equals("us-ascii")) {
        return fail(FetchErrorCode.CHARSET_NOT_UTF8, "", "Content-Type \"" + Texts.escape(value)
            + "\" names charset " + Texts.escape(cs) + "; a policy is UTF-8 (RFC 8461 §3.2),"
            + " serve it as text/plain or text/plain; charset=utf-8", null);
      }
    }
    return null;
  }

  private PolicyFetchException translate(Throwable error, String url) {
    if (error instanceof PolicyFetchException p) {
      return p;
    }
    if (error instanceof TimeoutException || error instanceof CancellationException) {
      return deadlineExceeded(url);
    }
    if (error instanceof HttpConnectTimeoutException) {
      return fail(FetchErrorCode.CONNECT_TIMEOUT, url, "no connection within the connect timeout of "
          + connectTimeout.toMillis() + " ms (java.net.http counts the TLS handshake in it)", error);
    }
    if (error instanceof HttpTimeoutException) {
      return deadlineExceeded(url);
    }
    PolicyHostTrustManager.RefusedCertificate refused = findCause(error);
    if (refused != null) {
      FetchErrorCode code = switch (refused.refusal().problem()) {
        case EXPIRED, NOT_YET_VALID -> FetchErrorCode.CERTIFICATE_EXPIRED;
        case NOT_TRUSTED -> FetchErrorCode.CERTIFICATE_NOT_TRUSTED;
        case HOST_MISMATCH -> FetchErrorCode.CERTIFICATE_HOST_MISMATCH;
        case NO_DNS_NAME -> FetchErrorCode.CERTIFICATE_WITHOUT_DNS_NAME;
      };
      return fail(code, url, refused.refusal().message(), error);
    }
    if (error instanceof SSLException) {
      return fail(FetchErrorCode.TLS_HANDSHAKE_FAILED, url, "the TLS handshake failed: "
          + error.getMessage() + " (RFC 8461 §7.2 needs TLS 1.2 or later)", error);
    }
    // java.net.http reports an unresolvable name as a ConnectException caused by an
    // UnresolvedAddressException: that is a missing host, not a refused connection.
    if (error instanceof UnknownHostException || hasCause(error, UnresolvedAddressException.class)
        || hasCause(error, UnknownHostException.class)) {
      return fail(FetchErrorCode.HOST_NOT_FOUND, url, "the policy host has no address;"
          + " publish an A or AAAA record for it (RFC 8461 §3.3)", error);
    }
    if (error instanceof ConnectException) {
      return fail(FetchErrorCode.CONNECT_FAILED, url, "the connection failed: "
          + Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName()), error);
    }
    if (error instanceof IOException) {
      return fail(FetchErrorCode.IO_ERROR, url, "the connection failed: "
          + Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName()), error);
    }
    if (error instanceof RuntimeException r && !(error instanceof CompletionException)) {
      return fail(FetchErrorCode.IO_ERROR, url, "the fetch failed: " + r, r);
    }
    return fail(FetchErrorCode.IO_ERROR, url, "the fetch failed: " + error, error);
  }

  private PolicyFetchException deadlineExceeded(String url) {
    return fail(FetchErrorCode.DEADLINE_EXCEEDED, url, "no complete response within the deadline of "
        + deadline.toMillis() + " ms (RFC 8461 §3.3 suggests one minute)", null);
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    Throwable t = error;
    for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static PolicyHostTrustManager.@Nullable RefusedCertificate findCause(Throwable error) {
    Throwable t = error;
    for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
      if (t instanceof PolicyHostTrustManager.RefusedCertificate r) {
        return r;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof PolicyHostTrustManager.RefusedCertificate r) {
          return r;
        }
      }
    }
    return null;
  }

  private static PolicyFetchException fail(
      FetchErrorCode code, String url, String reason, @Nullable Throwable cause) {
    return new PolicyFetchException(code, url, reason, -1, null, cause);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean hostHeaderAllowed() {
    try {
      HttpRequest.newBuilder(URI.create("https://example.com/")).header("Host", "example.com");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Configures a {@link PolicyFetcher}. */
  public static final class Builder {
    private @Nullable List<X509Certificate> roots;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private Duration failureBackoff = DEFAULT_FAILURE_BACKOFF;
    private final Map<String, InetSocketAddress> connect = new HashMap<>();
    private final EnumSet<AddressKind> allowed = EnumSet.of(AddressKind.PUBLIC);
    private @Nullable HostAddressResolver resolver;
    private Clock clock = Clock.systemUTC();
    private PolicyParser parser = PolicyParser.strict();
    private @Nullable Executor executor;
    private int port = 443;

    private Builder() {}

    /** Tests only: the port of policy hosts dialled by name (RFC 8461 §3.3 says 443). */
    Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * Trusts these root certificates instead of the JDK's (a private CA, tests).
     *
     * @param rootCertificates the roots, at least one
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder trustRoots(Collection<X509Certificate> rootCertificates) {
      List<X509Certificate> copy = new ArrayList<>(rootCertificates);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("trustRoots needs at least one certificate");
      }
      this.roots = List.copyOf(copy);
      return this;
    }

    /**
     * Sets the TCP connect timeout (default 10 s); the deadline bounds it too.
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * Sets the overall deadline of one fetch, from the start to the last byte (default 60 s).
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder deadline(Duration value) {
      this.deadline = positive(value, "deadline");
      return this;
    }

    /**
     * Sets how long after a failed GET no GET is sent for the same domain and TXT id (default 5
     * minutes, RFC 8461 §3.3); zero disables the back-off.
     *
     * @param value zero or a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder failureBackoff(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("failureBackoff must not be negative: " + value);
      }
      this.failureBackoff = value;
      return this;
    }

    /**
     * Dials a fixed address for a policy host, still sending its name as SNI and checking the
     * certificate for it: to test a new policy host before the DNS points to it, or in tests.
     *
     * @param policyHost the policy host, for example {@code mta-sts.example.com}
     * @param address the address and port to dial, resolved
     * @return this builder
     * @throws IllegalArgumentException if the host is not a host name or the address is unresolved
     */
    public Builder connect(String policyHost, InetSocketAddress address) {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("connect address " + address + " is not resolved");
      }
      connect.put(DomainName.of(policyHost, DomainName.Syntax.INPUT).toString(), address);
      return this;
    }

    /**
     * Allows dialling addresses of these kinds besides public ones; by default loopback,
     * link-local, private, unspecified and multicast addresses are refused ({@link
     * FetchErrorCode#ADDRESS_NOT_ALLOWED}), a guard for services fetching for user-supplied
     * domains. Allowing every kind skips the check.
     *
     * @param kinds the kinds to allow
     * @return this builder
     */
    public Builder allowAddressKinds(AddressKind... kinds) {
      for (AddressKind k : kinds) {
        allowed.add(Objects.requireNonNull(k, "kind"));
      }
      return this;
    }

    /**
     * Resolves policy hosts with this resolver and dials its first answer on port 443.
     *
     * @param value the resolver
     * @return this builder
     */
    public Builder hostResolver(HostAddressResolver value) {
      this.resolver = Objects.requireNonNull(value, "resolver");
      return this;
    }

    /**
     * Sets the clock for fetch times, certificate validity and the back-off.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the policy parser (default {@link PolicyParser#strict()}); its byte limit is the body
     * limit.
     *
     * @param value the parser
     * @return this builder
     */
    public Builder parser(PolicyParser value) {
      this.parser = Objects.requireNonNull(value, "parser");
      return this;
    }

    /**
     * Sets the executor for name resolution and the HTTP client (default: a shared pool of daemon
     * threads).
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Returns the fetcher.
     *
     * @return a new fetcher
     */
    public PolicyFetcher build() {
      return new PolicyFetcher(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
