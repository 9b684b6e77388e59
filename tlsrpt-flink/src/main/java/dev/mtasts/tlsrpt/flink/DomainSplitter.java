package dev.mtasts.tlsrpt.flink;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;

/**
 * Splits a report into one report per policy domain (the same organization, report-id and date
 * range, with the policies of that domain), so that each goes to its domain's key ({@link
 * #BY_POLICY_DOMAIN}). A domain's figures are exactly those of the whole report: the summary
 * works per report and policy domain (the larger of the {@code sts} and {@code tlsa} sums,
 * RFC 8460 §4, is taken within one domain).
 */
public final class DomainSplitter implements FlatMapFunction<TlsRptReport, TlsRptReport> {
  private static final long serialVersionUID = 1L;

  /** Keys a one-domain report by its policy domain, normalized as the summary's keys are. */
  public static final KeySelector<TlsRptReport, String> BY_POLICY_DOMAIN =
      r -> r.policies().isEmpty() ? "" : domainOf(r.policies().get(0));

  /** Creates the splitter. */
  public DomainSplitter() {}

  static String domainOf(PolicyResult p) {
    String d = p.policyDomain();
    return d == null ? "" : DomainName.comparisonKey(d);
  }

  @Override
  public void flatMap(TlsRptReport report, Collector<TlsRptReport> out) {
    List<PolicyResult> policies = report.policies();
    if (policies.isEmpty()) {
      // No policy domain: nothing to count per domain.
      return;
    }
    Map<String, List<PolicyResult>> byDomain = new LinkedHashMap<>();
    for (PolicyResult p : policies) {
      byDomain.computeIfAbsent(domainOf(p), k -> new ArrayList<>()).add(p);
    }
    if (byDomain.size() == 1) {
      out.collect(report);
      return;
    }
    for (List<PolicyResult> part : byDomain.values()) {
      out.collect(new TlsRptReport(report.organizationName(), report.dateRange(),
          report.contactInfo(), report.reportId(), part, report.unknownFields(),
          report.unknownDateRangeFields()));
    }
  }
}
