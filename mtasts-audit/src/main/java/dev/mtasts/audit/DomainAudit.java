package dev.mtasts.audit;

import dev.mtasts.audit.internal.Checks;
import dev.mtasts.audit.internal.SmtpProbe;
import dev.mtasts.audit.internal.TlsClient;
import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.MtaStsResolver;
import dev.mtasts.dns.MxHost;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.DomainNameException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.sender.AddressKind;
import dev.mtasts.sender.FetchedPolicy;
import dev.mtasts.sender.MxCertificateCheck;
import dev.mtasts.sender.PolicyFetchException;
import dev.mtasts.sender.PolicyFetcher;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Audits a domain's live MTA-STS deployment as a sending MTA would meet it, without sending mail:
 *
 * <ul>
 *   <li>the {@code _mta-sts} TXT record (exactly one, valid, its id, a CNAME shown) and the
 *       {@code _smtp._tls} record with every {@code rua} destination (mailto syntax; an https
 *       destination's certificate, with no request sent);
 *   <li>the policy fetched with {@link PolicyFetcher} (every RFC 8461 §3.3 rule), the policy
 *       host's certificate with its days left, and the policy's lint;
 *   <li>the MX hosts against the policy: uncovered hosts, stale and broader-than-needed patterns
 *       (RFC 8461 §4.1, §10.4);
 *   <li>every MX host probed in parallel on port 25 with EHLO and STARTTLS, each within its own
 *       deadline: STARTTLS offered, TLS 1.2 or later, and a certificate valid for <em>that</em> MX
 *       host name (RFC 8461 §4.2), then QUIT;
 *   <li>with a {@link PublicationHistory}, whether the policy changed while the id did not; with an
 *       expected policy, whether the served one is it; with a folder of TLS-RPT reports, the
 *       certificate-host-mismatch sessions reported against each MX host.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; each {@link #audit(String)} runs on its own threads
 * and ends them before it returns.
 *
 * <pre>{@code
 * DomainAudit audit = DomainAudit.newBuilder()
 *     .history(PublicationHistory.read(Path.of("history.json"), "example.com"))
 *     .build();
 * AuditReport report = audit.audit("example.com");
 * report.findings(FindingId.POLICY_ID_NOT_BUMPED);  // "the policy changed but the id did not"
 * }</pre>
 */
public final class DomainAudit {
  /** The default deadline of the policy fetch and of each MX probe. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The SMTP port MX hosts are probed on (RFC 5321 §4.5.4.2 relay port). */
  public static final int DEFAULT_SMTP_PORT = 25;

  /** The most MX hosts probed; a domain listing more gets a finding for the rest. */
  public static final int MAX_MX_HOSTS = 32;

  /** How many probes run at once. */
  private static final int PARALLEL_PROBES = 8;

  private final @Nullable InetSocketAddress dnsServer;
  private final Map<String, InetSocketAddress> connect;
  private final @Nullable List<X509Certificate> roots;
  private final int smtpPort;
  private final Duration timeout;
  private final @Nullable PublicationHistory history;
  private final @Nullable MtaStsPolicy expected;
  private final @Nullable Path reports;
  private final Clock clock;
  private final String ehloName;

  private DomainAudit(Builder b) {
    this.dnsServer = b.dnsServer;
    this.connect = Map.copyOf(b.connect);
    this.roots = b.roots;
    this.smtpPort = b.smtpPort;
    this.timeout = b.timeout;
    this.history = b.history;
    this.expected = b.expected;
    this.reports = b.reports;
    this.clock = b.clock;
    this.ehloName = b.ehloName;
  }

  /**
   * Returns a builder; its defaults are the system's DNS resolvers (for the records and the hosts'
   * addresses; the policy fetch resolves the policy host as a sender's HTTP client does), the JDK's
   * trusted roots, port 25, a 30 s deadline per step, and no history, expected policy or reports.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Checks and converts a domain the audit can look at: a domain name of at most 253 characters
   * with at least two labels, not an IP address; U-labels are converted to A-labels.
   *
   * @param domain the domain as the user typed it
   * @return lower-case A-labels without the root dot
   * @throws IllegalArgumentException with a message saying what is wrong with it
   */
  public static String normalizeDomain(String domain) {
    Objects.requireNonNull(domain, "domain");
    String d = domain.strip();
    if (d.isEmpty()) {
      throw new IllegalArgumentException("the domain is empty; give the policy domain, e.g. example.com");
    }
    if (d.startsWith("[") || d.indexOf(':') >= 0) {
      throw ipAddress(d);
    }
    String ascii;
    try {
      ascii = DomainName.parse(d, DomainName.Syntax.INPUT).toString();
    } catch (DomainNameException e) {
      switch (e.code()) {
        case IP_ADDRESS -> throw ipAddress(d);
        case NAME_TOO_LONG -> throw new IllegalArgumentException(d.length() > 253 ? "the domain is " + d.length()
            + " characters long; a domain name has at most 253 (RFC 1035 §2.3.4)" : e.detail(), e);
        default -> throw new IllegalArgumentException(e.detail(), e);
      }
    }
    if (ascii.length() > 253 - "mta-sts.".length()) {
      throw new IllegalArgumentException("the domain " + ascii + " is too long for its policy host mta-sts."
          + ascii + " to be a domain name (253 characters)");
    }
    if (ascii.indexOf('.') < 0) {
      throw new IllegalArgumentException("\"" + ascii + "\" is a single label; give the policy domain, e.g. example.com");
    }
    return ascii;
  }

  private static IllegalArgumentException ipAddress(String d) {
    return new IllegalArgumentException("\"" + dev.mtasts.audit.internal.Texts.quote(d)
        + "\" is an IP address; MTA-STS applies to domain names only (RFC 8461 §4: address literals have no policy)");
  }

  /**
   * Audits a domain.
   *
   * @param domain the policy domain; U-labels are converted
   * @return the report
   * @throws IllegalArgumentException if the domain is not one ({@link #normalizeDomain(String)})
   * @throws dev.mtasts.policy.MtaStsException if the thread is interrupted
   */
  public AuditReport audit(String domain) {
    String ascii = normalizeDomain(domain);
    Instant started = clock.instant();
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PROBES + 4, r -> {
      Thread t = new Thread(r, "mtasts-audit-" + threadCount.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mtasts-audit-deadline");
      t.setDaemon(true);
      return t;
    });
    try {
      return run(ascii, started, pool, watchdog);
    } finally {
      pool.shutdownNow();
      watchdog.shutdownNow();
    }
  }

  private AuditReport run(String ascii, Instant started, ExecutorService pool, ScheduledExecutorService watchdog) {
    // One attempt waits at most the audit's timeout (5 s by default), and the retries are bounded
    // by the same timeout wherever the audit waits for an answer.
    MtaStsResolver.Builder rb = MtaStsResolver.newBuilder()
        .timeout(timeout.compareTo(MtaStsResolver.DEFAULT_TIMEOUT) < 0 ? timeout : MtaStsResolver.DEFAULT_TIMEOUT);
    if (dnsServer != null) {
      rb.server(dnsServer);
    }
    MtaStsResolver dns = rb.build();
    PolicyFetcher fetcher = fetcher(pool, dns);
    String policyHost = "mta-sts." + ascii;

    CompletableFuture<LookupResult<StsRecord>> sts = dns.lookupSts(ascii).toCompletableFuture();
    CompletableFuture<LookupResult<List<String>>> aliases = dns.lookupAliases(StsRecord.LABEL, ascii).toCompletableFuture();
    CompletableFuture<LookupResult<TlsRptRecord>> tlsRpt = dns.lookupTlsRpt(ascii).toCompletableFuture();
    CompletableFuture<LookupResult<List<MxHost>>> mx = dns.lookupMx(ascii).toCompletableFuture();
    CompletableFuture<Object> fetched = fetcher.fetch(ascii).toCompletableFuture()
        .<Object>thenApply(f -> f).exceptionally(DomainAudit::unwrap);
    // The handshake's reads are bounded by the timeout each; the whole peek by twice that.
    CompletableFuture<Object> policyCert = CompletableFuture.supplyAsync(() -> peek(dns, policyHost, 443), pool)
        .completeOnTimeout(new IOException("no TLS handshake within " + timeout.multipliedBy(2).toMillis() + " ms"),
            timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);

    Checks checks = new Checks(ascii, clock.instant());
    checks.stsRecord(await(sts), await(aliases));
    checks.tlsRptRecord(await(tlsRpt));
    Object fetch = await(fetched);
    FetchedPolicy policy = fetch instanceof FetchedPolicy f ? f : null;
    checks.policy(policyHost, fetch instanceof PolicyFetchException e ? e : null, policy, await(policyCert));
    checks.policyId(policy, history, expected);

    LookupResult<List<MxHost>> mxResult = await(mx);
    List<MxHost> hosts = checks.mxHosts(mxResult, policy, MAX_MX_HOSTS);

    // The rua certificate checks and the MX probes run side by side.
    List<CompletableFuture<Checks.RuaOutcome>> rua = new ArrayList<>();
    for (URI uri : checks.httpsRua(await(tlsRpt))) {
      rua.add(CompletableFuture.supplyAsync(() -> ruaCheck(dns, uri), pool).completeOnTimeout(
          new Checks.RuaOutcome(uri, Objects.requireNonNullElse(uri.getHost(), ""), List.of(), null,
              new IOException("no TLS handshake within " + timeout.multipliedBy(2).toMillis() + " ms")),
          timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS));
    }
    SmtpProbe probe = new SmtpProbe(watchdog, ehloName);
    List<CompletableFuture<Probed>> probes = new ArrayList<>();
    for (MxHost h : hosts) {
      probes.add(CompletableFuture.supplyAsync(() -> probeMx(probe, dns, h.host()), pool));
    }
    for (CompletableFuture<Checks.RuaOutcome> r : rua) {
      checks.rua(await(r));
    }
    MxCertificateCheck certCheck = (roots == null ? MxCertificateCheck.jdkDefault() : MxCertificateCheck.trusting(roots))
        .withClock(clock);
    List<MxProbe> mxProbes = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      Probed p = await(probes.get(i));
      mxProbes.add(checks.smtp(hosts.get(i), policy, p.outcome(), p.resolved(), certCheck));
    }
    if (reports != null) {
      checks.reports(reports, mxProbes);
    }
    return checks.report(started, policy, mxProbes);
  }

  private PolicyFetcher fetcher(ExecutorService pool, MtaStsResolver dns) {
    PolicyFetcher.Builder fb = PolicyFetcher.newBuilder().deadline(timeout)
        .connectTimeout(timeout.compareTo(PolicyFetcher.DEFAULT_CONNECT_TIMEOUT) < 0 ? timeout
            : PolicyFetcher.DEFAULT_CONNECT_TIMEOUT)
        .failureBackoff(Duration.ZERO).clock(clock).executor(pool);
    for (Map.Entry<String, InetSocketAddress> e : connect.entrySet()) {
      fb.connect(e.getKey(), e.getValue());
    }
    if (dnsServer != null) {
      // The policy host's addresses come from the DNS server the user named, like the records.
      fb.hostResolver(host -> {
        Dial d = dial(dns, host, 443);
        InetSocketAddress address = d.address();
        if (address == null) {
          throw new UnknownHostException(d.detail());
        }
        return d.resolved().isEmpty() ? List.of(address.getAddress()) : d.resolved();
      });
    }
    if (!connect.isEmpty() || dnsServer != null) {
      // The user named the addresses or the DNS server: loopback and private addresses are what
      // they want to test.
      fb.allowAddressKinds(AddressKind.values());
    }
    if (roots != null) {
      fb.trustRoots(roots);
    }
    return fb.build();
  }

  /**
   * Where to dial a host: its connect address, else its first address from the audit's DNS
   * resolver (IPv4 first) on the port; or the finding that says why there is none.
   *
   * @param address the address to dial, or null
   * @param resolved the host's addresses from the DNS (at most {@link MtaStsResolver#MAX_ADDRESSES}),
   *     empty for a connect address
   * @param problem {@link FindingId#MX_HOST_NO_ADDRESS} or {@link FindingId#MX_ADDRESS_LOOKUP_FAILED}
   *     when there is no address, else null
   * @param detail the problem in words, or empty
   */
  private record Dial(@Nullable InetSocketAddress address, List<InetAddress> resolved, @Nullable FindingId problem,
      String detail) {}

  private Dial dial(MtaStsResolver dns, String host, int port) {
    InetSocketAddress fixed = connect.get(host);
    if (fixed != null) {
      return new Dial(fixed, List.of(), null, "");
    }
    LookupResult<List<InetAddress>> found;
    try {
      found = dns.lookupAddresses(host).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Dial(null, List.of(), FindingId.MX_ADDRESS_LOOKUP_FAILED, "no answer to the A and AAAA queries for "
          + host + " within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Dial(null, List.of(), FindingId.MX_ADDRESS_LOOKUP_FAILED, "interrupted while looking up " + host);
    } catch (ExecutionException | IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Dial(null, List.of(), FindingId.MX_ADDRESS_LOOKUP_FAILED, "the addresses of "
          + dev.mtasts.audit.internal.Texts.quote(host) + " cannot be looked up: "
          + dev.mtasts.audit.internal.Texts.quote(String.valueOf(cause.getMessage())));
    }
    if (found instanceof LookupResult.Found<List<InetAddress>> f) {
      InetAddress first = f.value().get(0);
      for (InetAddress a : f.value()) {
        if (!(a instanceof Inet6Address)) {
          first = a;
          break;
        }
      }
      return new Dial(new InetSocketAddress(first, port), f.value(), null, "");
    }
    if (found instanceof LookupResult.NoRecord<List<InetAddress>> none) {
      return new Dial(null, List.of(), FindingId.MX_HOST_NO_ADDRESS, host + " has no A or AAAA record ("
          + none.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
    }
    String why = found instanceof LookupResult.TemporaryFailure<List<InetAddress>> t
        ? t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + t.message() : "no usable answer";
    return new Dial(null, List.of(), FindingId.MX_ADDRESS_LOOKUP_FAILED, "the A and AAAA lookup of " + host
        + " failed (" + why + ")");
  }

  private InetSocketAddress addressOf(MtaStsResolver dns, String host, int port) throws UnknownHostException {
    Dial d = dial(dns, host, port);
    InetSocketAddress address = d.address();
    if (address == null) {
      throw new UnknownHostException(d.detail());
    }
    return address;
  }

  /** The policy host's certificate, or the failure: only for the facts (days left), never judged here. */
  private Object peek(MtaStsResolver dns, String host, int port) {
    try {
      TlsClient.Session s = TlsClient.connect(addressOf(dns, host, port), host, timeout);
      s.socket().close();
      return s;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }

  private Checks.RuaOutcome ruaCheck(MtaStsResolver dns, URI uri) {
    String host = Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT);
    int port = uri.getPort() < 0 ? 443 : uri.getPort();
    try {
      TlsClient.Session s = TlsClient.connect(addressOf(dns, host, port), host, timeout);
      s.socket().close();
      MxCertificateCheck check = (roots == null ? MxCertificateCheck.jdkDefault() : MxCertificateCheck.trusting(roots))
          .withClock(clock);
      return new Checks.RuaOutcome(uri, host, s.chain(), check.check(s.chain(), host), null);
    } catch (IOException | RuntimeException e) {
      return new Checks.RuaOutcome(uri, host, List.of(), null, e);
    }
  }

  /** A probe's outcome with the addresses the DNS gave for the host. */
  private record Probed(SmtpProbe.Outcome outcome, List<InetAddress> resolved) {}

  private Probed probeMx(SmtpProbe probe, MtaStsResolver dns, String host) {
    Dial d = dial(dns, host, smtpPort);
    InetSocketAddress address = d.address();
    if (address == null) {
      FindingId problem = Objects.requireNonNull(d.problem());
      return new Probed(new SmtpProbe.Outcome("", problem, d.detail() + (problem == FindingId.MX_HOST_NO_ADDRESS
          ? ": senders cannot deliver to this MX host" : ": senders cannot reach this MX host until the DNS answers"),
          "", List.of(), false, "", "", List.of()), List.of());
    }
    return new Probed(probe.probe(host, address, timeout), d.resolved());
  }

  private static Object unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.mtasts.policy.MtaStsException("interrupted while auditing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new dev.mtasts.policy.MtaStsException("the audit failed unexpectedly (a bug; please report it): " + cause, cause);
    }
  }

  /** Configures a {@link DomainAudit}. */
  public static final class Builder {
    private @Nullable InetSocketAddress dnsServer;
    private final Map<String, InetSocketAddress> connect = new HashMap<>();
    private @Nullable List<X509Certificate> roots;
    private int smtpPort = DEFAULT_SMTP_PORT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private @Nullable PublicationHistory history;
    private @Nullable MtaStsPolicy expected;
    private @Nullable Path reports;
    private Clock clock = Clock.systemUTC();
    private String ehloName = "mtasts-check.invalid";

    private Builder() {}

    /**
     * Asks this DNS server instead of the system's resolvers for the TXT and MX records and for
     * the addresses (A, AAAA) of the MX hosts, the policy host and the https rua hosts, so a test
     * or private DNS server alone leads the audit to every server; {@link #connect} still wins for
     * the hosts it names. Loopback and private addresses are then dialled like public ones.
     *
     * @param address the server
     * @return this builder
     */
    public Builder dnsServer(InetSocketAddress address) {
      this.dnsServer = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Dials a fixed address for a host name (the policy host, an MX host, an https rua host), still
     * sending the name as SNI and checking the certificate for it.
     *
     * @param host the host name
     * @param address the resolved address and port to dial
     * @return this builder
     * @throws IllegalArgumentException if the address is unresolved or the host is not a host name
     */
    public Builder connect(String host, InetSocketAddress address) {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("connect address " + address + " is not resolved");
      }
      connect.put(DomainName.of(host, DomainName.Syntax.INPUT).toString(), address);
      return this;
    }

    /**
     * Trusts these roots instead of the JDK's, for the policy host, the MX hosts and the rua hosts.
     *
     * @param rootCertificates the roots, at least one
     * @return this builder
     * @throws IllegalArgumentException if there is none
     */
    public Builder trustRoots(Collection<X509Certificate> rootCertificates) {
      List<X509Certificate> copy = List.copyOf(rootCertificates);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("trustRoots needs at least one certificate");
      }
      this.roots = copy;
      return this;
    }

    /**
     * Sets the port MX hosts are probed on (default 25); a {@link #connect} address brings its own.
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder smtpPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("smtpPort must be 1..65535: " + port);
      }
      this.smtpPort = port;
      return this;
    }

    /**
     * Sets the deadline of the policy fetch and of each MX probe (default 30 s).
     *
     * @param value a positive duration of at most 10 minutes
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder timeout(Duration value) {
      if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("timeout must be above 0 and at most 10 minutes: " + value);
      }
      this.timeout = value;
      return this;
    }

    /**
     * Compares the served policy with the one the history recorded for the TXT record's id.
     *
     * @param value the domain's publication history
     * @return this builder
     */
    public Builder history(PublicationHistory value) {
      this.history = Objects.requireNonNull(value, "history");
      return this;
    }

    /**
     * Compares the served policy with this one.
     *
     * @param value the policy that should be served
     * @return this builder
     */
    public Builder expectedPolicy(MtaStsPolicy value) {
      this.expected = Objects.requireNonNull(value, "expected");
      return this;
    }

    /**
     * Joins the findings with the TLS-RPT reports ({@code .json}, {@code .json.gz}) in this folder.
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder reports(Path folder) {
      this.reports = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * Sets the clock for certificate validity and days left.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the name sent with EHLO (default {@code mtasts-check.invalid}).
     *
     * @param value a host name
     * @return this builder
     * @throws IllegalArgumentException if it is not a host name
     */
    public Builder ehloName(String value) {
      this.ehloName = dev.mtasts.policy.MxPattern.of(value).pattern();
      return this;
    }

    /**
     * Returns the audit.
     *
     * @return a new audit
     */
    public DomainAudit build() {
      return new DomainAudit(this);
    }
  }
}
