package dev.mtasts.sender;

import dev.mtasts.dns.MtaStsResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * The sender guide's embedding example: what an MTA calls once, per message and per MX host. The code
 * between the README markers is copied into docs/mtasts-sender.md verbatim; {@link EmbeddingExampleTest}
 * checks that and runs it against loopback servers.
 */
final class EmbeddingExample {
  /** The MTA's own SMTP client, which the SDK does not provide. */
  interface Smtp {
    /** Connects and runs STARTTLS without certificate verification; null if not offered. */
    @Nullable SSLSession startTls(String mxHost) throws IOException;

    /** Sends the message over the session just opened. */
    void deliver(String mxHost) throws IOException;

    /** The address of the connected MX host. */
    String address(String mxHost);
  }

  private final PolicyDiscovery discovery;
  private final MxCertificateCheck certificates;
  private final TlsRptRecorder recorder;
  private final Smtp smtp;

  EmbeddingExample(PolicyDiscovery discovery, MxCertificateCheck certificates, TlsRptRecorder recorder, Smtp smtp) {
    this.discovery = discovery;
    this.certificates = certificates;
    this.recorder = recorder;
    this.smtp = smtp;
  }

  static PolicyDiscovery startUp(Path stateDir, dev.mtasts.tlsrpt.TlsRptReportBuilder reports) {
    // README-BEGIN start-up
    // Once, at start-up.
    PolicyFetcher fetcher = PolicyFetcher.newBuilder().build();
    PolicyDiscovery discovery = PolicyDiscovery.newBuilder(TxtLookup.of(MtaStsResolver.system()), fetcher::fetch)
        .store(PolicyStore.directory(stateDir))
        .build();
    MxCertificateCheck certificates = MxCertificateCheck.jdkDefault();
    TlsRptRecorder recorder = new TlsRptRecorder(reports, Clock.systemUTC(), "192.0.2.25");
    // README-END
    return discovery;
  }

  /** Returns the MX host the message was delivered to, or null when it must be deferred. */
  @Nullable String send(String domain, List<String> mxHostsByPreference) throws IOException {
    // README-BEGIN per-message
    // Per message: the policy of the next-hop domain (RFC 8461 §5.1).
    DiscoveryResult policy = discovery.policyForBlocking(domain);
    for (int attempt = 0; attempt < 2; attempt++) {
      // Per MX host, in preference order (§8.4).
      for (String mx : mxHostsByPreference) {
        MxVerdict before = MxDecision.beforeConnect(policy, mx);
        if (!before.mayDeliver()) {
          recorder.recordSession(policy, mx, null, before);
          continue; // like an unreachable host
        }
        SSLSession session = smtp.startTls(mx);
        TlsOutcome tls = session == null ? TlsOutcome.noStarttls() : certificates.check(session, mx);
        MxVerdict verdict = MxDecision.afterTls(policy, mx, tls, DaneStatus.NOT_SIGNALLED);
        recorder.recordSession(policy, mx, smtp.address(mx), verdict);
        if (verdict.mayDeliver()) {
          smtp.deliver(mx);
          return mx;
        }
      }
      // Every MX host refused under enforce: check for a new policy before deferring (§5.1 step 3).
      DiscoveryResult rechecked = discovery.recheck(domain).toCompletableFuture().join();
      if (rechecked.equals(policy)) {
        break;
      }
      policy = rechecked;
    }
    return null; // a temporary failure: defer and retry later (RFC 5321 §4.5.4.1)
    // README-END
  }
}
