package dev.mtasts.sender;

import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The sender's policy cache and the one entry point an MTA calls per message: {@link
 * #policyFor(String)} runs RFC 8461 §5.1 for the Policy Domain and returns the policy to apply,
 * or why there is none.
 *
 * <ol>
 *   <li>A TXT lookup of {@code _mta-sts.<domain>} on each call, unless the domain was checked
 *       within the grace period (default 60 s): then the last answer is returned at once.
 *   <li>The same id as the cached, unexpired policy: the cached policy ({@link
 *       DiscoveryResult.Provenance#CACHED}). A different id, or nothing cached: fetch.
 *   <li>A failed fetch: the unexpired cached policy still applies (§3.3, MUST; {@link
 *       DiscoveryResult.Provenance#CACHED_AFTER_FAILED_REFRESH}); nothing cached: no policy.
 *   <li>A missing, invalid or several TXT records, or a DNS failure, never evict a cached policy:
 *       the unexpired cached policy applies (§3.1).
 * </ol>
 *
 * <p>A refresh that finds a different policy under an unchanged id is reported ({@link
 * DiscoveryEvent.ChangedUnderSameId}, both texts). Cached policies of domains used recently are
 * refreshed before they expire, independent of the TXT record (§3.3, §10.2), spread with jitter;
 * repeated refresh failures are reported ({@link DiscoveryEvent.RefreshFailed}) except for mode
 * none; entries unused for a while are pruned. Concurrent calls for one domain share one lookup
 * and fetch; the cache is bounded, thread-safe and holds no lock across I/O. All timing goes
 * through the injected {@link Clock}; maintenance runs on the injected scheduler, or when {@link
 * #maintain()} is called.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcher.newBuilder().build();
 * PolicyDiscovery discovery = PolicyDiscovery.newBuilder(
 *         TxtLookup.of(MtaStsResolver.system()), fetcher::fetch)
 *     .store(PolicyStore.directory(Path.of("/var/lib/mta/mta-sts")))
 *     .build();
 * DiscoveryResult result = discovery.policyForBlocking("example.com");
 * }</pre>
 */
public final class PolicyDiscovery implements AutoCloseable {
  /** The default time within which a domain's TXT record is not looked up again. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
  /** The default bound on the number of domains held. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  /** The default time after a fetch when a policy is refreshed (at most half its max_age). */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofDays(1);
  /** The default largest random delay added to each refresh. */
  public static final Duration DEFAULT_REFRESH_JITTER = Duration.ofHours(1);
  /** The default wait before a failed refresh is tried again. */
  public static final Duration DEFAULT_REFRESH_RETRY = Duration.ofHours(1);
  /** The default time after its last use when a domain is pruned. */
  public static final Duration DEFAULT_PRUNE_AFTER = Duration.ofDays(30);
  /** The default interval of the maintenance pass (refreshes and pruning). */
  public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(10);

  private static final class Shared {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mtasts-policy-discovery");
      t.setDaemon(true);
      return t;
    });
    static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mtasts-policy-maintenance");
      t.setDaemon(true);
      return t;
    });
  }

  /** What a call within the grace period returns, and until when. */
  private record Snapshot(@Nullable CachedPolicy policy, long hitUntilMillis, DiscoveryResult hit) {}

  private static final class Slot {
    volatile Snapshot snapshot;
    volatile long lastUsedMillis;
    volatile long nextRefreshMillis = Long.MAX_VALUE;
    /** Written only by the one flight a domain has at a time (flights), read by any thread. */
    volatile int refreshFailures;

    Slot(Snapshot snapshot, long now) {
      this.snapshot = snapshot;
      this.lastUsedMillis = now;
    }
  }

  private final TxtLookup txt;
  private final PolicySource source;
  private final PolicyStore store;
  private final DiscoveryListener listener;
  private final Clock clock;
  private final Executor executor;
  private final Random random;
  private final long graceMillis;
  private final int maxEntries;
  private final Duration refreshInterval;
  private final Duration refreshJitter;
  private final Duration refreshRetry;
  private final long pruneAfterMillis;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<DiscoveryResult>> flights = new ConcurrentHashMap<>();
  private final @Nullable ScheduledFuture<?> maintenance;

  private PolicyDiscovery(Builder b) {
    this.txt = b.txt;
    this.source = b.source;
    this.store = b.store;
    this.listener = b.listener;
    this.clock = b.clock;
    this.executor = b.executor == null ? Shared.EXECUTOR : b.executor;
    this.random = b.random;
    this.graceMillis = b.grace.toMillis();
    this.maxEntries = b.maxEntries;
    this.refreshInterval = b.refreshInterval;
    this.refreshJitter = b.refreshJitter;
    this.refreshRetry = b.refreshRetry;
    this.pruneAfterMillis = b.pruneAfter.toMillis();
    if (b.manualMaintenance) {
      this.maintenance = null;
    } else {
      ScheduledExecutorService s = b.scheduler == null ? Shared.SCHEDULER : b.scheduler;
      long every = b.maintenanceInterval.toMillis();
      this.maintenance = s.scheduleWithFixedDelay(this::maintainQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Returns a builder.
   *
   * @param txt how TXT records are looked up, for example {@code TxtLookup.of(MtaStsResolver.system())}
   * @param source how policies are fetched, for example {@code fetcher::fetch}
   * @return a new builder
   */
  public static Builder newBuilder(TxtLookup txt, PolicySource source) {
    return new Builder(txt, source);
  }

  /**
   * Returns the policy to apply to mail for a Policy Domain (RFC 8461 §5.1).
   *
   * @param domain the Policy Domain (the next-hop domain), U-labels allowed
   * @return a stage with the result; it does not complete exceptionally for DNS or HTTPS problems
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public CompletionStage<DiscoveryResult> policyFor(String domain) {
    DiscoveryResult hit = hit(domain);
    if (hit != null) {
      return CompletableFuture.completedFuture(hit);
    }
    String ascii = DomainName.of(domain, DomainName.Syntax.INPUT).toString();
    hit = ascii.equals(domain) ? null : hit(ascii);
    return hit != null ? CompletableFuture.completedFuture(hit) : resolve(ascii, false);
  }

  /**
   * Returns the policy to apply, waiting for a lookup or fetch when one is needed. Within the
   * grace period this allocates nothing and does no I/O.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return the result
   * @throws IllegalArgumentException if the domain is not a domain name
   * @throws MtaStsException if the thread is interrupted while waiting
   */
  public DiscoveryResult policyForBlocking(String domain) {
    DiscoveryResult hit = hit(domain);
    if (hit != null) {
      return hit;
    }
    String ascii = DomainName.of(domain, DomainName.Syntax.INPUT).toString();
    hit = ascii.equals(domain) ? null : hit(ascii);
    return hit != null ? hit : await(resolve(ascii, false));
  }

  /**
   * Looks up the TXT record again now, ignoring the grace period, and fetches a new policy if its
   * id changed: what RFC 8461 §5.1 step 3 requires before a message is failed for good because
   * of an {@code enforce} policy.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return a stage with the result
   * @throws IllegalArgumentException if the domain is not a domain name
   */
  public CompletionStage<DiscoveryResult> recheck(String domain) {
    return resolve(DomainName.of(domain, DomainName.Syntax.INPUT).toString(), true);
  }

  /**
   * Returns the cached policy of a domain without any I/O, expired or not.
   *
   * @param domain the Policy Domain, U-labels allowed
   * @return the policy, or {@code null} when none is held in memory
   */
  public @Nullable CachedPolicy cached(String domain) {
    Slot s = slots.get(DomainName.of(domain, DomainName.Syntax.INPUT).toString());
    return s == null ? null : s.snapshot.policy();
  }

  /**
   * Returns how many domains are held in memory.
   *
   * @return the count
   */
  public int size() {
    return slots.size();
  }

  private @Nullable DiscoveryResult hit(String domain) {
    Slot s = slots.get(domain);
    if (s == null) {
      return null;
    }
    long now = clock.millis();
    Snapshot snap = s.snapshot;
    if (now < snap.hitUntilMillis()) {
      if (s.lastUsedMillis != now) {
        s.lastUsedMillis = now;
      }
      return snap.hit();
    }
    return null;
  }

  private static DiscoveryResult await(CompletionStage<DiscoveryResult> stage) {
    try {
      return stage.toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MtaStsException("interrupted while waiting for the MTA-STS policy", e);
    } catch (ExecutionException e) {
      throw new MtaStsException("the policy discovery failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Single flight: a call for a domain already being resolved shares that resolution; a call
   * that missed the grace just before another flight finished takes that flight's answer.
   */
  private CompletableFuture<DiscoveryResult> resolve(String domain, boolean force) {
    CompletableFuture<DiscoveryResult> mine = new CompletableFuture<>();
    CompletableFuture<DiscoveryResult> running = flights.putIfAbsent(domain, mine);
    if (running != null) {
      Slot s = slots.get(domain);
      if (s != null) {
        s.lastUsedMillis = clock.millis();
      }
      return running;
    }
    DiscoveryResult justDone = force ? null : hit(domain);
    if (justDone != null) {
      flights.remove(domain, mine);
      mine.complete(justDone);
      return mine;
    }
    // Every outcome reaches the caller through mine; the chain's own future has nothing more to say.
    CompletableFuture<?> unused = CompletableFuture.supplyAsync(() -> slot(domain), executor)
        .thenCompose(slot -> {
          slot.lastUsedMillis = clock.millis();
          return lookup(domain).thenCompose(answer -> decide(domain, slot, answer, false));
        })
        .whenComplete((result, error) -> {
          flights.remove(domain, mine);
          if (error != null) {
            mine.completeExceptionally(error);
          } else {
            mine.complete(result);
          }
        });
    return mine;
  }

  private CompletionStage<LookupResult<StsRecord>> lookup(String domain) {
    CompletionStage<LookupResult<StsRecord>> stage;
    try {
      stage = txt.lookupSts(domain);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return stage.handle((answer, error) -> answer != null ? answer
        : new LookupResult.TemporaryFailure<>("_mta-sts." + domain, LookupResult.FailureKind.NETWORK,
            "the TXT lookup failed: " + unwrap(error)));
  }

  private Slot slot(String domain) {
    Slot s = slots.get(domain);
    if (s != null) {
      return s;
    }
    CachedPolicy stored = null;
    try {
      stored = store.load(domain).orElse(null);
    } catch (PolicyStoreException e) {
      emit(new DiscoveryEvent.StoreProblem(domain, e.getMessage(), e));
    } catch (RuntimeException e) {
      emit(new DiscoveryEvent.StoreProblem(domain, "the policy store failed: " + e, e));
    }
    long now = clock.millis();
    DiscoveryResult placeholder = new DiscoveryResult.NoPolicy(domain,
        DiscoveryResult.NoPolicyReason.NO_TXT_RECORD, "not looked up yet", null, null);
    Slot fresh = new Slot(new Snapshot(stored, Long.MIN_VALUE, placeholder), now);
    if (stored != null) {
      fresh.nextRefreshMillis = nextRefresh(stored);
    }
    if (slots.size() >= maxEntries) {
      evictOne();
    }
    Slot raced = slots.putIfAbsent(domain, fresh);
    return raced != null ? raced : fresh;
  }

  /** Evicts the least recently used of a sample of entries, never one being resolved. */
  private void evictOne() {
    String victim = null;
    long oldest = Long.MAX_VALUE;
    int seen = 0;
    for (Iterator<Map.Entry<String, Slot>> it = slots.entrySet().iterator(); it.hasNext() && seen < 64; seen++) {
      Map.Entry<String, Slot> e = it.next();
      if (!flights.containsKey(e.getKey()) && e.getValue().lastUsedMillis < oldest) {
        oldest = e.getValue().lastUsedMillis;
        victim = e.getKey();
      }
    }
    if (victim != null) {
      slots.remove(victim);
    }
  }

  private CompletionStage<DiscoveryResult> decide(
      String domain, Slot slot, LookupResult<StsRecord> answer, boolean refresh) {
    Instant now = clock.instant();
    CachedPolicy cached = slot.snapshot.policy();
    boolean valid = cached != null && cached.isValidAt(now);
    if (answer instanceof LookupResult.Found<StsRecord> found) {
      String id = found.value().id().value();
      if (cached != null && valid && !refresh && cached.policyId().equals(id)) {
        return CompletableFuture.completedFuture(finish(domain, slot, cached, DiscoveryResult.Provenance.CACHED, null, now));
      }
      return fetch(domain, slot, id, refresh);
    }
    if (refresh && cached != null) {
      // §3.3: refresh independent of the TXT record; keep the id the policy was fetched for.
      return fetch(domain, slot, cached.policyId(), true);
    }
    if (cached != null && valid) {
      return CompletableFuture.completedFuture(finish(domain, slot, cached, DiscoveryResult.Provenance.CACHED, null, now));
    }
    DiscoveryResult.NoPolicyReason reason;
    String detail;
    if (answer instanceof LookupResult.NoRecord<StsRecord> no) {
      reason = DiscoveryResult.NoPolicyReason.NO_TXT_RECORD;
      detail = answer.name() + ": no record (" + no.reason() + ")";
    } else if (answer instanceof LookupResult.SeveralRecords<StsRecord> several) {
      reason = DiscoveryResult.NoPolicyReason.SEVERAL_TXT_RECORDS;
      detail = answer.name() + ": " + several.texts().size() + " v=STSv1 records; RFC 8461 §3.1 treats that as none";
    } else if (answer instanceof LookupResult.InvalidRecord<StsRecord> invalid) {
      reason = DiscoveryResult.NoPolicyReason.INVALID_TXT_RECORD;
      detail = answer.name() + ": " + invalid.error().getMessage();
    } else {
      LookupResult.TemporaryFailure<StsRecord> failure = (LookupResult.TemporaryFailure<StsRecord>) answer;
      reason = DiscoveryResult.NoPolicyReason.DNS_TEMPORARY_FAILURE;
      detail = answer.name() + ": " + failure.kind() + ": " + failure.message();
    }
    return CompletableFuture.completedFuture(none(domain, slot, reason, detail, null, now));
  }

  private CompletionStage<DiscoveryResult> fetch(String domain, Slot slot, String id, boolean refresh) {
    CompletionStage<FetchedPolicy> stage;
    try {
      stage = source.fetch(domain, id);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return stage.handleAsync((fetched, error) -> fetched != null
        ? fetched(domain, slot, id, fetched) : failed(domain, slot, id, unwrap(error), refresh), executor);
  }

  private DiscoveryResult fetched(String domain, Slot slot, String id, FetchedPolicy fetched) {
    CachedPolicy old = slot.snapshot.policy();
    CachedPolicy fresh = new CachedPolicy(domain, id, fetched.policy(), fetched.text(), fetched.fetchedAt());
    if (old != null && old.policyId().equals(id) && !old.text().equals(fresh.text())) {
      emit(new DiscoveryEvent.ChangedUnderSameId(domain, id, old.text(), fresh.text()));
    }
    try {
      store.save(fresh);
    } catch (RuntimeException e) {
      emit(new DiscoveryEvent.StoreProblem(domain, e.getMessage() == null ? e.toString() : e.getMessage(), e));
    }
    slot.refreshFailures = 0;
    slot.nextRefreshMillis = nextRefresh(fresh);
    return finish(domain, slot, fresh, DiscoveryResult.Provenance.FRESH, null, clock.instant());
  }

  // refreshFailures: one flight per domain at a time (flights), so the ++ has no rival writer.
  @SuppressWarnings("NonAtomicVolatileUpdate")
  private DiscoveryResult failed(String domain, Slot slot, String id, Throwable error, boolean refresh) {
    PolicyFetchException e = error instanceof PolicyFetchException p ? p
        : new PolicyFetchException(FetchErrorCode.IO_ERROR, "https://mta-sts." + domain + PolicyFetcher.WELL_KNOWN_PATH,
            "the fetch failed: " + error, -1, null, error);
    Instant now = clock.instant();
    CachedPolicy cached = slot.snapshot.policy();
    if (refresh && cached != null) {
      int failures = ++slot.refreshFailures;
      slot.nextRefreshMillis = now.plus(refreshRetry).toEpochMilli() + jitter(refreshRetry.toMillis() / 10);
      if (cached.policy().mode() != Mode.NONE) {
        emit(new DiscoveryEvent.RefreshFailed(domain, failures, e, cached));
      }
    }
    if (cached != null && cached.isValidAt(now)) {
      return finish(domain, slot, cached, DiscoveryResult.Provenance.CACHED_AFTER_FAILED_REFRESH, e, now);
    }
    return none(domain, slot, DiscoveryResult.NoPolicyReason.FETCH_FAILED,
        "the TXT record (id " + id + ") is valid but the policy could not be fetched: " + e.getMessage(), e, now);
  }

  private DiscoveryResult finish(String domain, Slot slot, CachedPolicy policy,
      DiscoveryResult.Provenance provenance, @Nullable PolicyFetchException error, Instant now) {
    DiscoveryResult result;
    DiscoveryResult hit;
    if (policy.policy().mode() == Mode.NONE) {
      result = new DiscoveryResult.NoPolicy(domain, DiscoveryResult.NoPolicyReason.MODE_NONE,
          "the policy's mode is none (RFC 8461 §5): deliver as if there were no policy", null, policy);
      hit = result;
    } else {
      result = new DiscoveryResult.Found(domain, policy, provenance, error);
      hit = provenance == DiscoveryResult.Provenance.FRESH
          ? new DiscoveryResult.Found(domain, policy, DiscoveryResult.Provenance.CACHED, null) : result;
    }
    long until = Math.min(saturatedAdd(now.toEpochMilli(), graceMillis), policy.expiresAt().toEpochMilli());
    slot.snapshot = new Snapshot(policy, until, hit);
    return result;
  }

  private DiscoveryResult none(String domain, Slot slot, DiscoveryResult.NoPolicyReason reason, String detail,
      @Nullable PolicyFetchException error, Instant now) {
    DiscoveryResult.NoPolicy result = new DiscoveryResult.NoPolicy(domain, reason, detail, error, null);
    // An expired policy stays for id-based renewal; it is never served.
    slot.snapshot = new Snapshot(slot.snapshot.policy(), saturatedAdd(now.toEpochMilli(), graceMillis), result);
    return result;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  private long nextRefresh(CachedPolicy p) {
    long half = p.policy().maxAge() * 500L;
    long delay = Math.min(refreshInterval.toMillis(), half);
    return p.fetchedAt().toEpochMilli() + delay + jitter(Math.min(refreshJitter.toMillis(), delay / 10));
  }

  private long jitter(long bound) {
    return bound <= 0 ? 0 : (long) (random.nextDouble() * bound);
  }

  /**
   * Runs one maintenance pass now: refreshes the cached policies of recently used domains whose
   * refresh time has come (RFC 8461 §3.3, §10.2) and prunes domains unused for longer than the
   * prune time. The scheduler calls it at the maintenance interval; call it yourself with {@link
   * Builder#manualMaintenance()}. The refreshes run asynchronously.
   *
   * @return a stage completing when the refreshes started by this pass are done
   */
  public CompletionStage<Void> maintain() {
    long now = clock.millis();
    CompletableFuture<?>[] started = slots.entrySet().stream().map(e -> {
      String domain = e.getKey();
      Slot s = e.getValue();
      if (now - s.lastUsedMillis > pruneAfterMillis) {
        if (!flights.containsKey(domain) && slots.remove(domain, s)) {
          try {
            store.remove(domain);
          } catch (RuntimeException x) {
            emit(new DiscoveryEvent.StoreProblem(domain, String.valueOf(x.getMessage()), x));
          }
        }
        return null;
      }
      if (s.snapshot.policy() != null && now >= s.nextRefreshMillis) {
        return refresh(domain, s);
      }
      return null;
    }).filter(Objects::nonNull).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(started);
  }

  private @Nullable CompletableFuture<DiscoveryResult> refresh(String domain, Slot slot) {
    CompletableFuture<DiscoveryResult> mine = new CompletableFuture<>();
    if (flights.putIfAbsent(domain, mine) != null) {
      return null; // a call is resolving it right now
    }
    lookup(domain).thenCompose(answer -> decide(domain, slot, answer, true))
        .whenComplete((result, error) -> {
          flights.remove(domain, mine);
          if (error != null) {
            mine.completeExceptionally(error);
          } else {
            mine.complete(result);
          }
        });
    return mine;
  }

  private void maintainQuietly() {
    try {
      maintain();
    } catch (RuntimeException e) {
      // A failing pass must not stop the schedule; the next one tries again.
    }
  }

  private void emit(DiscoveryEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // A listener's failure must not break the cache.
    }
  }

  private static Throwable unwrap(@Nullable Throwable error) {
    Throwable t = error == null ? new IllegalStateException("no result") : error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Stops the scheduled maintenance; the cache stays usable. */
  @Override
  public void close() {
    if (maintenance != null) {
      maintenance.cancel(false);
    }
  }

  /** Configures a {@link PolicyDiscovery}. */
  public static final class Builder {
    private final TxtLookup txt;
    private final PolicySource source;
    private PolicyStore store = PolicyStore.inMemory();
    private DiscoveryListener listener = event -> { };
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor executor;
    private @Nullable ScheduledExecutorService scheduler;
    private boolean manualMaintenance;
    private Random random = new Random();
    private Duration grace = DEFAULT_GRACE;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private Duration refreshJitter = DEFAULT_REFRESH_JITTER;
    private Duration refreshRetry = DEFAULT_REFRESH_RETRY;
    private Duration pruneAfter = DEFAULT_PRUNE_AFTER;
    private Duration maintenanceInterval = DEFAULT_MAINTENANCE_INTERVAL;

    private Builder(TxtLookup txt, PolicySource source) {
      this.txt = Objects.requireNonNull(txt, "txt");
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Sets where policies are kept between restarts (default: in memory).
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(PolicyStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * Sets the receiver of events.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(DiscoveryListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets the clock of every time decision.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the executor of store I/O and continuations (default: a shared pool of daemon threads).
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Runs the maintenance pass on this scheduler (default: a shared daemon thread).
     *
     * @param value the scheduler
     * @param interval how often
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService value, Duration interval) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      this.maintenanceInterval = positive(interval, "interval");
      this.manualMaintenance = false;
      return this;
    }

    /**
     * Schedules no maintenance: the caller runs {@link PolicyDiscovery#maintain()} itself.
     *
     * @return this builder
     */
    public Builder manualMaintenance() {
      this.manualMaintenance = true;
      return this;
    }

    /**
     * Sets the source of the refresh jitter (tests pass a seeded one).
     *
     * @param value the random source
     * @return this builder
     */
    public Builder random(Random value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * Sets the grace period within which a domain's TXT record is not looked up again (default
     * 60 s); zero looks it up on every call.
     *
     * @param value zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder grace(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("grace must not be negative: " + value);
      }
      this.grace = value;
      return this;
    }

    /**
     * Sets the bound on the domains held in memory (default 100,000).
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntries(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1: " + value);
      }
      this.maxEntries = value;
      return this;
    }

    /**
     * Sets when after a fetch a policy is refreshed (default 1 day, never later than half its
     * max_age), the largest jitter added (default 1 hour, at most a tenth of the delay) and the
     * wait after a failed refresh (default 1 hour).
     *
     * @param interval the refresh interval
     * @param jitter the largest jitter, zero or positive
     * @param retry the wait after a failure
     * @return this builder
     * @throws IllegalArgumentException if a duration is out of range
     */
    public Builder refresh(Duration interval, Duration jitter, Duration retry) {
      this.refreshInterval = positive(interval, "interval");
      if (jitter.isNegative()) {
        throw new IllegalArgumentException("jitter must not be negative: " + jitter);
      }
      this.refreshJitter = jitter;
      this.refreshRetry = positive(retry, "retry");
      return this;
    }

    /**
     * Sets how long after its last use a domain is pruned from memory and the store (default 30
     * days); only domains used within this time are refreshed.
     *
     * @param value positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder pruneAfter(Duration value) {
      this.pruneAfter = positive(value, "pruneAfter");
      return this;
    }

    /**
     * Returns the discovery; unless {@link #manualMaintenance()} was chosen its maintenance is
     * scheduled.
     *
     * @return the discovery
     */
    public PolicyDiscovery build() {
      return new PolicyDiscovery(this);
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
