package dev.mtasts.dns;

import dev.mtasts.dns.internal.DnsClient;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.MtaStsException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up the {@code _mta-sts} and {@code _smtp._tls} records and the MX hosts of a domain in the
 * DNS, with dnsjava. CNAMEs are followed, internationalized domains are converted to A-labels, and
 * answers truncated over UDP are fetched again over TCP.
 *
 * <p>The returned stages never complete exceptionally for DNS problems: those are {@link
 * LookupResult} values. Instances are immutable and thread-safe.
 *
 * <p>Domains are read as {@link dev.mtasts.policy.DomainName.Syntax#INPUT} names: a root dot is
 * dropped and internationalized domains are converted with {@link java.net.IDN}, which implements
 * IDNA2003. IDNA2003 maps ß and ẞ to {@code ss}, ς to σ and drops ZERO WIDTH JOINER / NON-JOINER,
 * whereas the DNS holds IDNA2008 A-labels, where these are distinct names: {@code straße.de} is
 * {@code xn--strae-oqa.de}, not {@code strasse.de}. Rather than query the wrong name, the lookups
 * refuse such a domain with an {@link IllegalArgumentException} (its cause a {@link
 * dev.mtasts.policy.DomainNameException} with the code and column); pass its A-label instead.
 *
 * <pre>{@code
 * MtaStsResolver resolver = MtaStsResolver.system();
 * resolver.lookupSts("example.com").thenAccept(result -> System.out.println(result));
 * }</pre>
 */
public final class MtaStsResolver {
  /** The default timeout of one query attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The default number of further attempts after a timeout or network error. */
  public static final int DEFAULT_RETRIES = 2;

  /** The most addresses {@link #lookupAddresses(String)} returns for one host name. */
  public static final int MAX_ADDRESSES = 16;

  private final DnsClient client;
  private final ParseMode parseMode;

  private MtaStsResolver(Builder builder) {
    List<InetSocketAddress> servers = builder.servers;
    if (servers.isEmpty()) {
      servers = ResolverConfig.getCurrentConfig().servers();
    }
    if (servers.isEmpty()) {
      servers = List.of(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 53));
    }
    this.client = new DnsClient(List.copyOf(servers), builder.timeout, builder.retries);
    this.parseMode = builder.parseMode;
  }

  /**
   * Returns a resolver that asks the system's resolvers (from {@code /etc/resolv.conf} or the
   * platform's equivalent), with the default timeout and retries.
   *
   * @return the resolver
   */
  public static MtaStsResolver system() {
    return newBuilder().build();
  }

  /**
   * Returns a builder for a resolver with its own servers, timeout or retries.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Looks up the {@code _mta-sts.<domain>} record and selects it as RFC 8461 §3.1 says.
   *
   * @param domain the Policy Domain; U-labels allowed
   * @return the outcome
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   */
  public CompletionStage<LookupResult<StsRecord>> lookupSts(String domain) {
    return lookupTxt(StsRecord.LABEL, domain, RecordSelection::selectSts);
  }

  /**
   * Looks up the {@code _smtp._tls.<domain>} record and selects it as RFC 8460 §3 says.
   *
   * @param domain the Policy Domain; U-labels allowed
   * @return the outcome
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   */
  public CompletionStage<LookupResult<TlsRptRecord>> lookupTlsRpt(String domain) {
    return lookupTxt(TlsRptRecord.LABEL, domain, RecordSelection::selectTlsRpt);
  }

  /**
   * Looks up the MX hosts of a domain, sorted by preference (then name).
   *
   * @param domain the domain; U-labels allowed
   * @return the outcome; {@link LookupResult.Found} holds at least one host
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   */
  public CompletionStage<LookupResult<List<MxHost>>> lookupMx(String domain) {
    String ascii = DomainName.of(domain, DomainName.Syntax.INPUT).toString();
    return client.query(absolute(ascii), Type.MX).thenApply(answer -> {
      if (answer instanceof DnsClient.Records records) {
        List<MxHost> hosts = new ArrayList<>();
        for (Record r : records.records()) {
          MXRecord mx = (MXRecord) r;
          String host = mx.getTarget().toString(true).toLowerCase(java.util.Locale.ROOT);
          hosts.add(new MxHost(mx.getPriority(), host.equals(".") ? "" : host));
        }
        hosts.sort(MxHost.BY_PREFERENCE);
        return new LookupResult.Found<>(ascii, List.copyOf(hosts), List.of());
      }
      return notFound(ascii, answer);
    });
  }

  /**
   * Looks up the addresses of a host name, such as an MX host: its A and AAAA records, asked
   * side by side of the same servers as the other lookups (CNAMEs followed).
   *
   * @param host the host name; U-labels allowed
   * @return {@link LookupResult.Found} with the IPv4 addresses first, then the IPv6 ones, each
   *     once and at most {@link #MAX_ADDRESSES}; {@link LookupResult.NoRecord} when the name does
   *     not exist ({@code NXDOMAIN}) or has neither record ({@code NODATA}); {@link
   *     LookupResult.TemporaryFailure} when neither query found an address and one of them failed
   * @throws IllegalArgumentException if the host is not a valid domain name, or is a U-label name
   *     holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   */
  public CompletionStage<LookupResult<List<InetAddress>>> lookupAddresses(String host) {
    String ascii = DomainName.of(host, DomainName.Syntax.INPUT).toString();
    Name name = absolute(ascii);
    CompletableFuture<DnsClient.Answer> v4 = client.query(name, Type.A);
    CompletableFuture<DnsClient.Answer> v6 = client.query(name, Type.AAAA);
    return v4.thenCombine(v6, (a, aaaa) -> {
      List<InetAddress> addresses = new ArrayList<>();
      addAddresses(a, addresses);
      addAddresses(aaaa, addresses);
      if (!addresses.isEmpty()) {
        return new LookupResult.Found<>(ascii, List.copyOf(addresses), List.of());
      }
      if (a instanceof DnsClient.Failure) {
        return notFound(ascii, a);
      }
      if (aaaa instanceof DnsClient.Failure) {
        return notFound(ascii, aaaa);
      }
      // An empty answer section counts as NODATA; NXDOMAIN wins when either query saw it.
      return notFound(ascii, a instanceof DnsClient.NoSuchName || aaaa instanceof DnsClient.NoSuchName
          ? new DnsClient.NoSuchName() : new DnsClient.NoData());
    });
  }

  private static void addAddresses(DnsClient.Answer answer, List<InetAddress> into) {
    if (!(answer instanceof DnsClient.Records records)) {
      return;
    }
    for (Record r : records.records()) {
      InetAddress address = r instanceof ARecord a ? a.getAddress() : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
      if (address != null && into.size() < MAX_ADDRESSES && !into.contains(address)) {
        into.add(address);
      }
    }
  }

  /**
   * Follows the CNAME chain starting at {@code <label>.<domain>}, such as {@code
   * _mta-sts.example.com} delegated to a provider: the record lookups follow it silently, this
   * shows it.
   *
   * @param label the label in front of the domain, such as {@link StsRecord#LABEL}, or empty
   * @param domain the domain; U-labels allowed
   * @return {@link LookupResult.Found} with the targets in order (lower case, no root dot), or
   *     {@link LookupResult.NoRecord} ({@code NODATA}) when the name is no alias
   * @throws IllegalArgumentException if the domain is not a valid domain name, or the label is
   *     not one of {@link StsRecord#LABEL} and {@link TlsRptRecord#LABEL} or empty
   */
  public CompletionStage<LookupResult<List<String>>> lookupAliases(String label, String domain) {
    if (!label.isEmpty() && !label.equals(StsRecord.LABEL) && !label.equals(TlsRptRecord.LABEL)) {
      throw new IllegalArgumentException("label \"" + label + "\" is not " + StsRecord.LABEL + " or " + TlsRptRecord.LABEL);
    }
    String ascii = (label.isEmpty() ? "" : label + ".") + DomainName.of(domain, DomainName.Syntax.INPUT);
    return client.aliases(absolute(ascii)).thenApply(answer -> {
      if (answer instanceof DnsClient.Records records) {
        if (records.records().isEmpty()) {
          return new LookupResult.NoRecord<>(ascii, LookupResult.NoRecordReason.NODATA);
        }
        List<String> targets = new ArrayList<>();
        for (Record r : records.records()) {
          targets.add(((CNAMERecord) r).getTarget().toString(true).toLowerCase(java.util.Locale.ROOT));
        }
        return new LookupResult.Found<>(ascii, List.copyOf(targets), List.of());
      }
      return notFound(ascii, answer);
    });
  }

  /**
   * Looks up the {@code _mta-sts} record and waits for the outcome.
   *
   * @param domain the Policy Domain; U-labels allowed
   * @return the outcome
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   * @throws MtaStsException if the thread is interrupted while waiting
   */
  public LookupResult<StsRecord> lookupStsBlocking(String domain) {
    return await(lookupSts(domain));
  }

  /**
   * Looks up the {@code _smtp._tls} record and waits for the outcome.
   *
   * @param domain the Policy Domain; U-labels allowed
   * @return the outcome
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   * @throws MtaStsException if the thread is interrupted while waiting
   */
  public LookupResult<TlsRptRecord> lookupTlsRptBlocking(String domain) {
    return await(lookupTlsRpt(domain));
  }

  /**
   * Looks up the MX hosts and waits for the outcome.
   *
   * @param domain the domain; U-labels allowed
   * @return the outcome
   * @throws IllegalArgumentException if the domain is not a valid domain name, or is a U-label
   *     name holding ß, ẞ, ς, ZWJ or ZWNJ (see the class description; pass its A-label)
   * @throws MtaStsException if the thread is interrupted while waiting
   */
  public LookupResult<List<MxHost>> lookupMxBlocking(String domain) {
    return await(lookupMx(domain));
  }

  private <T> CompletionStage<LookupResult<T>> lookupTxt(String label, String domain,
      BiFunction<List<List<byte[]>>, ParseMode, RecordSelection<T>> selector) {
    String ascii = label + "." + DomainName.of(domain, DomainName.Syntax.INPUT);
    Name name = absolute(ascii);
    return client.query(name, Type.TXT).thenApply(answer -> {
      if (!(answer instanceof DnsClient.Records records)) {
        return notFound(ascii, answer);
      }
      List<List<byte[]>> txts = new ArrayList<>();
      for (Record r : records.records()) {
        List<byte[]> strings = new ArrayList<>();
        for (Object s : ((TXTRecord) r).getStringsAsByteArrays()) {
          strings.add((byte[]) s);
        }
        txts.add(strings);
      }
      RecordSelection<T> selection = selector.apply(txts, parseMode);
      if (selection instanceof RecordSelection.Selected<T> selected) {
        return new LookupResult.Found<>(ascii, selected.record(), selected.warnings());
      }
      if (selection instanceof RecordSelection.SeveralRecords<T> several) {
        return new LookupResult.SeveralRecords<>(ascii, several.texts());
      }
      if (selection instanceof RecordSelection.InvalidRecord<T> invalid) {
        return new LookupResult.InvalidRecord<>(ascii, invalid.text(), invalid.error());
      }
      return new LookupResult.NoRecord<>(ascii, LookupResult.NoRecordReason.NO_VERSION_TAG);
    });
  }

  private static <T> LookupResult<T> notFound(String name, DnsClient.Answer answer) {
    if (answer instanceof DnsClient.NoSuchName) {
      return new LookupResult.NoRecord<>(name, LookupResult.NoRecordReason.NXDOMAIN);
    }
    if (answer instanceof DnsClient.NoData) {
      return new LookupResult.NoRecord<>(name, LookupResult.NoRecordReason.NODATA);
    }
    DnsClient.Failure failure = (DnsClient.Failure) answer;
    return new LookupResult.TemporaryFailure<>(name, failure.kind(), failure.message());
  }

  private static Name absolute(String ascii) {
    try {
      return Name.fromString(ascii, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("\"" + ascii + "\" is not a valid DNS name: " + e.getMessage());
    }
  }

  private static <T> T await(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MtaStsException("interrupted while waiting for a DNS answer", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MtaStsException("DNS lookup failed unexpectedly (a bug; please report it): "
          + (cause.getMessage() == null ? "no detail" : cause.getMessage()), cause);
    }
  }

  /** Configures a {@link MtaStsResolver}. Not thread-safe; each setter returns this builder. */
  public static final class Builder {
    private final List<InetSocketAddress> servers = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int retries = DEFAULT_RETRIES;
    private ParseMode parseMode = ParseMode.STRICT;

    private Builder() {}

    /**
     * Adds a DNS server to ask, instead of the system's resolvers; several servers are tried in
     * turn when one times out.
     *
     * @param address the server's address and port
     * @return this builder
     */
    public Builder server(InetSocketAddress address) {
      Objects.requireNonNull(address, "address");
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("DNS server address " + address + " is unresolved; give an IP address");
      }
      servers.add(address);
      return this;
    }

    /**
     * Sets how long one attempt waits for an answer.
     *
     * @param value a positive duration; default 5 seconds
     * @return this builder
     */
    public Builder timeout(Duration value) {
      Objects.requireNonNull(value, "value");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + value);
      }
      this.timeout = value;
      return this;
    }

    /**
     * Sets how many further attempts follow a timeout or network error.
     *
     * @param value 0 to 10; default 2
     * @return this builder
     */
    public Builder retries(int value) {
      if (value < 0 || value > 10) {
        throw new IllegalArgumentException("retries must be 0 to 10, got " + value);
      }
      this.retries = value;
      return this;
    }

    /**
     * Sets how found records are parsed.
     *
     * @param value strict (default) or lenient
     * @return this builder
     */
    public Builder parseMode(ParseMode value) {
      this.parseMode = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @return the resolver
     */
    public MtaStsResolver build() {
      return new MtaStsResolver(this);
    }
  }
}
