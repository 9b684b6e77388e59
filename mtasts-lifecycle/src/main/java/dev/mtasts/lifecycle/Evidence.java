package dev.mtasts.lifecycle;

import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.ReportSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the planner knows about the domain beyond its publication history: the published TLS-RPT
 * record, the TLS-RPT reports received, the domain's MX hosts and the TTL of its
 * {@code _mta-sts} TXT record. Gathering them (DNS lookups, reading mail) is the caller's job; the
 * planner itself does no I/O.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.none()
 *     .withTlsRpt(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"))
 *     .withReports(summary)
 *     .withMxHosts("mx1.example.com", "mx2.example.com")
 *     .withTxtTtl(Duration.ofMinutes(5));
 * }</pre>
 *
 * @param tlsRpt the valid {@code _smtp._tls} record, or {@code null} when none is published
 * @param reports the TLS-RPT reports received (any span; the guard reads its window of it), or
 *     {@code null} when none were collected
 * @param mxHosts the domain's MX host names (lower-cased, trailing root dot removed); empty when
 *     unknown
 * @param txtTtl the TTL of the {@code _mta-sts} TXT record: how long resolvers may keep serving
 *     the old id after a change (default one hour)
 * @param historyKnown {@code false} when the publication history was not kept but rebuilt from
 *     what is published now: earlier policies, possibly with a longer {@code max_age}, are then
 *     unknown, and plans that wait for cached policies say so (default {@code true})
 */
public record Evidence(
    @Nullable TlsRptRecord tlsRpt,
    @Nullable ReportSummary reports,
    List<String> mxHosts,
    Duration txtTtl,
    boolean historyKnown) {

  /** The TTL assumed when none is given: one hour. */
  public static final Duration DEFAULT_TXT_TTL = Duration.ofHours(1);

  /**
   * Validates the components and normalizes the MX host names.
   *
   * @param tlsRpt the valid {@code _smtp._tls} record, or {@code null} when none is published
   * @param reports the TLS-RPT reports received (any span; the guard reads its window of it), or
   *     {@code null} when none were collected
   * @param mxHosts the domain's MX host names (lower-cased, trailing root dot removed); empty when
   *     unknown
   * @param txtTtl the TTL of the {@code _mta-sts} TXT record: how long resolvers may keep serving
   *     the old id after a change (default one hour)
   * @param historyKnown {@code false} when the publication history was rebuilt from what is
   *     published now
   * @throws IllegalArgumentException if the TTL is negative or a host name is empty
   */
  public Evidence {
    List<String> hosts = new ArrayList<>();
    for (String host : mxHosts) {
      // RFC 8461 §4.1 is silent on the root dot; MX targets often carry it, patterns never do.
      String h = DomainName.comparisonKey(Objects.requireNonNull(host, "mx host"));
      if (h.isEmpty()) {
        throw new IllegalArgumentException("empty MX host name");
      }
      if (!hosts.contains(h)) {
        hosts.add(h);
      }
    }
    mxHosts = List.copyOf(hosts);
    Objects.requireNonNull(txtTtl, "txtTtl");
    if (txtTtl.isNegative()) {
      throw new IllegalArgumentException("txtTtl must not be negative: " + txtTtl);
    }
  }

  /**
   * Returns evidence with nothing known and the default TTL: enough for transitions without the
   * enforce guard (deploy, roll back, turn off, delete).
   *
   * @return empty evidence
   */
  public static Evidence none() {
    return new Evidence(null, null, List.of(), DEFAULT_TXT_TTL, true);
  }

  /**
   * Returns a copy with the published TLS-RPT record.
   *
   * @param record the record
   * @return the new evidence
   */
  public Evidence withTlsRpt(TlsRptRecord record) {
    return new Evidence(Objects.requireNonNull(record, "record"), reports, mxHosts, txtTtl, historyKnown);
  }

  /**
   * Returns a copy with the received reports.
   *
   * @param summary the aggregated reports
   * @return the new evidence
   */
  public Evidence withReports(ReportSummary summary) {
    return new Evidence(tlsRpt, Objects.requireNonNull(summary, "summary"), mxHosts, txtTtl, historyKnown);
  }

  /**
   * Returns a copy with the domain's MX hosts.
   *
   * @param hosts the MX host names
   * @return the new evidence
   */
  public Evidence withMxHosts(List<String> hosts) {
    return new Evidence(tlsRpt, reports, hosts, txtTtl, historyKnown);
  }

  /**
   * Returns a copy with the domain's MX hosts.
   *
   * @param hosts the MX host names
   * @return the new evidence
   */
  public Evidence withMxHosts(String... hosts) {
    return withMxHosts(Arrays.asList(hosts));
  }

  /**
   * Returns a copy with the TTL of the {@code _mta-sts} TXT record.
   *
   * @param ttl the TTL
   * @return the new evidence
   */
  public Evidence withTxtTtl(Duration ttl) {
    return new Evidence(tlsRpt, reports, mxHosts, ttl, historyKnown);
  }

  /**
   * Returns a copy that says whether the publication history was kept ({@code true}) or rebuilt
   * from what is published now ({@code false}).
   *
   * @param known whether the history is known
   * @return the new evidence
   */
  public Evidence withHistoryKnown(boolean known) {
    return new Evidence(tlsRpt, reports, mxHosts, txtTtl, known);
  }
}
