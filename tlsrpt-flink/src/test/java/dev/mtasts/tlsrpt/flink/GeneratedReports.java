package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Deterministic reports by index over a number of domains and days: some cover two days, some
 * name two policy domains, some carry sts and tlsa side by side, some failure details; half of
 * them gzip-compressed. Indices at and past {@code count} are copies of earlier reports (the
 * duplicates a provider receives by mail and by HTTPS), far from their originals, so they reach
 * other partitions.
 */
final class GeneratedReports implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String[] ORGS = {"Google Inc.", "Microsoft Corporation", "Mail.Ru", "Example Sender"};

  final int count;
  final int duplicates;
  final int domains;
  final int days;
  final long firstEpochDay;

  GeneratedReports(int count, int duplicates, int domains, int days) {
    this.count = count;
    this.duplicates = duplicates;
    this.domains = domains;
    this.days = days;
    // Recent enough for SummaryLimits' date bounds, measured from now.
    this.firstEpochDay = LocalDate.now(ZoneOffset.UTC).minusDays(days + 5L).toEpochDay();
  }

  long total() {
    return (long) count + duplicates;
  }

  /** The original a generated index stands for. */
  int original(long index) {
    return index < count ? (int) index : (int) ((index - count) * 7919 % count);
  }

  TlsRptReport report(int i) {
    String domain = "d" + (i % domains) + ".example";
    int day = (i / domains) % days;
    LocalDate first = LocalDate.ofEpochDay(firstEpochDay + day);
    DateRange range = i % 10 == 3 && day + 1 < days
        ? new DateRange(first.atStartOfDay().toInstant(ZoneOffset.UTC),
            Instant.parse(first.plusDays(1) + "T23:59:59Z"))
        : DateRange.ofUtcDay(first);
    List<PolicyResult> policies = new ArrayList<>();
    long ok = 100 + (i * 37L) % 900;
    long failed = i % 4 == 0 ? (i % 13) : 0;
    List<FailureDetail> details = failed == 0 ? List.of()
        : List.of(FailureDetail.of(i % 8 == 0 ? ResultType.CERTIFICATE_EXPIRED : ResultType.STARTTLS_NOT_SUPPORTED,
            "192.0.2." + (i % 50), "mx" + (i % 3) + "." + domain, failed - (i % 2)));
    policies.add(PolicyResult.of(PolicyType.STS, List.of("version: STSv1", "mode: testing", "mx: *." + domain,
        "max_age: 86400"), domain, List.of(), ok, failed, details));
    if (i % 9 == 5) {
      policies.add(PolicyResult.of(PolicyType.TLSA, List.of(), domain, List.of("mx0." + domain), ok - 3, failed, List.of()));
    }
    if (i % 7 == 2) {
      String other = "d" + ((i * 31) % domains) + ".example";
      if (!other.equals(domain)) {
        policies.add(PolicyResult.of(PolicyType.NO_POLICY_FOUND, List.of(), other, List.of(), 7, 1, List.of()));
      }
    }
    return TlsRptReport.of(ORGS[i % ORGS.length], range, "mailto:tlsrpt@sender.example", "gen-" + i, policies);
  }

  byte[] bytes(int i) {
    TlsRptReport r = report(i);
    return i % 2 == 0 ? TlsRptWriter.compact().write(r) : TlsRptWriter.compact().writeGzip(r);
  }

  List<TlsRptReport> originals() {
    List<TlsRptReport> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(report(i));
    }
    return all;
  }

  /** The generator of a DataGeneratorSource: index to raw input. */
  GeneratorFunction<Long, RawReport> generator() {
    return index -> new RawReport("generated-" + index, bytes(original(index)));
  }
}
