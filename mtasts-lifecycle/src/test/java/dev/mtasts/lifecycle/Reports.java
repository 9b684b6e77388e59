package dev.mtasts.lifecycle;

import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Real TLS-RPT reports built with tlsrpt-model's builder, as a sender would produce them. */
final class Reports {
  static final TlsRptRecord RECORD =
      TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tlsrpt@example.com");

  private final TlsRptReportBuilder builder =
      TlsRptReportBuilder.newBuilder("Sender Inc.", "tlsrpt@sender.example", "sender.example");
  private final AppliedPolicy policy;

  private Reports(MtaStsPolicy applied) {
    List<String> lines = new ArrayList<>(Arrays.asList(applied.toText().split("\r\n")));
    List<String> mx = new ArrayList<>();
    applied.mx().forEach(p -> mx.add(p.pattern()));
    this.policy = AppliedPolicy.sts(Fixtures.DOMAIN, lines, mx);
  }

  /** Reports about the domain's testing policy. */
  static Reports forTesting() {
    return new Reports(Fixtures.testing());
  }

  /** Records {@code sessions} successful sessions on every day from {@code from} to {@code to}. */
  Reports clean(LocalDate from, LocalDate to, long sessions) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      builder.recordSuccesses(policy, noon(day), sessions);
    }
    return this;
  }

  /** Records failures of one kind on one day. */
  Reports failure(LocalDate day, ResultType type, String senderIp, String mxHost, long count) {
    builder.recordFailure(policy, noon(day), FailureDetail.of(type, senderIp, mxHost, count));
    return this;
  }

  /** Returns a report of one day that counts failed sessions without any failure details. */
  static TlsRptReport undetailedFailures(LocalDate day, long failed) {
    String json = "{\"organization-name\": \"Quiet Sender\", \"date-range\": {\"start-datetime\": \""
        + day + "T00:00:00Z\", \"end-datetime\": \"" + day + "T23:59:59Z\"}, \"contact-info\":"
        + " \"tlsrpt@quiet.example\", \"report-id\": \"undetailed-" + day + "\", \"policies\": [{"
        + "\"policy\": {\"policy-type\": \"sts\", \"policy-string\": [\"version: STSv1\","
        + " \"mode: testing\", \"mx: mx1.example.com\", \"max_age: 604800\"], \"policy-domain\":"
        + " \"example.com\", \"mx-host\": [\"mx1.example.com\"]}, \"summary\":"
        + " {\"total-successful-session-count\": 0, \"total-failure-session-count\": " + failed
        + "}}]}";
    return TlsRptReader.strict().read(json).value();
  }

  List<TlsRptReport> reports() {
    List<TlsRptReport> out = new ArrayList<>();
    for (GeneratedReport r : builder.drainAll()) {
      out.add(r.report());
    }
    return out;
  }

  ReportSummary summary() {
    return ReportSummary.of(reports());
  }

  private static java.time.Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }
}
