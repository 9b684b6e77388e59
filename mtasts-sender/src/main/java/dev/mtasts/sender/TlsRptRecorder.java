package dev.mtasts.sender;

import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records what happened into a {@link TlsRptReportBuilder} (RFC 8460), with the policy type,
 * policy strings, mx patterns and result type right, so that the daily reports need no glue code:
 * one call per delivery session ({@link #recordSession}) and one per policy fetch failure outside
 * a session ({@link #recordFetchFailure}, for example from {@link DiscoveryEvent.RefreshFailed}).
 * Thread-safe, as the builder is.
 *
 * <pre>{@code
 * TlsRptRecorder recorder = new TlsRptRecorder(builder, Clock.systemUTC(), "192.0.2.25");
 * recorder.recordSession(result, "mx1.example.com", "198.51.100.7", verdict);
 * }</pre>
 */
public final class TlsRptRecorder {
  private final TlsRptReportBuilder builder;
  private final Clock clock;
  private final @Nullable String sendingMtaIp;

  /**
   * Creates a recorder.
   *
   * @param builder the report builder
   * @param clock the clock of the session times
   * @param sendingMtaIp this MTA's IP address for {@code sending-mta-ip}, or {@code null}
   */
  public TlsRptRecorder(TlsRptReportBuilder builder, Clock clock, @Nullable String sendingMtaIp) {
    this.builder = Objects.requireNonNull(builder, "builder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sendingMtaIp = sendingMtaIp;
  }

  /**
   * Returns the policy as a report names it: {@code sts} with the policy's lines and mx patterns
   * for a policy in force, {@code no-policy-found} otherwise (also for mode none, §5).
   *
   * @param discovery the discovery result
   * @return the applied policy
   */
  public static AppliedPolicy appliedPolicy(DiscoveryResult discovery) {
    if (discovery instanceof DiscoveryResult.Found f) {
      return sts(f.policy());
    }
    DiscoveryResult.NoPolicy n = (DiscoveryResult.NoPolicy) discovery;
    if (n.reason() == DiscoveryResult.NoPolicyReason.FETCH_FAILED) {
      // RFC 8460 §4.3.1: a valid TXT record announced a policy that could not be fetched.
      return AppliedPolicy.sts(n.domain(), List.of(), List.of());
    }
    return AppliedPolicy.noPolicyFound(n.domain());
  }

  private static AppliedPolicy sts(CachedPolicy p) {
    List<String> lines = new ArrayList<>();
    for (String line : p.text().split("\r\n|\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    List<String> mx = new ArrayList<>();
    p.policy().mx().forEach(m -> mx.add(m.pattern()));
    return AppliedPolicy.sts(p.domain(), lines, mx);
  }

  /**
   * Records one delivery session (or attempt) to an MX host: a success when the verdict reports
   * no failure, otherwise a failure of the verdict's result type; a session of a domain whose
   * policy could not be fetched counts as a failure of the fetch's result type.
   *
   * @param discovery what {@link PolicyDiscovery} returned for the domain
   * @param mxHost the MX host
   * @param receivingIp the MX host's address, or {@code null}
   * @param verdict the decision for the session
   */
  public void recordSession(DiscoveryResult discovery, String mxHost, @Nullable String receivingIp, MxVerdict verdict) {
    Objects.requireNonNull(mxHost, "mxHost");
    AppliedPolicy policy = appliedPolicy(discovery);
    if (discovery instanceof DiscoveryResult.NoPolicy n && n.fetchError() != null) {
      builder.recordFailure(policy, clock.instant(), detail(n.fetchError().resultType(), mxHost, receivingIp,
          n.fetchError().code().id()));
      return;
    }
    if (verdict.failure() == null) {
      builder.recordSuccess(policy, clock.instant());
    } else {
      builder.recordFailure(policy, clock.instant(), detail(verdict.failure(), mxHost, receivingIp, null));
    }
  }

  /**
   * Records a failed policy fetch outside a session (RFC 8461 §6: any fetch failure while a
   * valid cached policy exists, unless its mode is none).
   *
   * @param domain the Policy Domain
   * @param error the failure
   * @param cached the cached policy that still applies, or {@code null}
   */
  public void recordFetchFailure(String domain, PolicyFetchException error, @Nullable CachedPolicy cached) {
    if (cached != null && cached.policy().mode() == dev.mtasts.policy.Mode.NONE) {
      return;
    }
    AppliedPolicy policy = cached != null ? sts(cached) : AppliedPolicy.sts(domain, List.of(), List.of());
    builder.recordFailure(policy, clock.instant(), detail(error.resultType(), null, null, error.code().id()));
  }

  private FailureDetail detail(dev.mtasts.tlsrpt.ResultType type, @Nullable String mxHost,
      @Nullable String receivingIp, @Nullable String reasonCode) {
    String host = mxHost == null ? null : mxHost.endsWith(".") ? mxHost.substring(0, mxHost.length() - 1) : mxHost;
    return new FailureDetail(type, sendingMtaIp, host, null, receivingIp, 1, null, reasonCode, Map.of());
  }
}
