package dev.mtasts.benchmarks.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A TLS-RPT report to generate, written as RFC 8460 §4.4 JSON by {@link #toJson()} without the
 * SDK, so the data does not depend on the code it measures.
 *
 * @param organization {@code organization-name}
 * @param contact {@code contact-info}
 * @param reportId {@code report-id}
 * @param day the UTC day the report covers
 * @param policies the policy results
 */
public record SyntheticReport(
    String organization, String contact, String reportId, LocalDate day, List<Policy> policies) {

  /**
   * Copies the list.
   *
   * @param organization {@code organization-name}
   * @param contact {@code contact-info}
   * @param reportId {@code report-id}
   * @param day the UTC day the report covers
   * @param policies the policy results
   */
  public SyntheticReport {
    policies = List.copyOf(policies);
  }

  /**
   * A policy result.
   *
   * @param type {@code policy-type}
   * @param domain {@code policy-domain}
   * @param policyStrings {@code policy-string}
   * @param mxHosts {@code mx-host}
   * @param successes {@code total-successful-session-count}
   * @param failures the failure details; their sessions add up to {@code
   *     total-failure-session-count}
   */
  public record Policy(
      String type,
      String domain,
      List<String> policyStrings,
      List<String> mxHosts,
      long successes,
      List<Failure> failures) {

    /**
     * Copies the lists.
     *
     * @param type {@code policy-type}
     * @param domain {@code policy-domain}
     * @param policyStrings {@code policy-string}
     * @param mxHosts {@code mx-host}
     * @param successes {@code total-successful-session-count}
     * @param failures the failure details
     */
    public Policy {
      policyStrings = List.copyOf(policyStrings);
      mxHosts = List.copyOf(mxHosts);
      failures = List.copyOf(failures);
    }
  }

  /**
   * A failure detail.
   *
   * @param resultType {@code result-type}
   * @param sendingIp {@code sending-mta-ip}
   * @param receivingMx {@code receiving-mx-hostname}
   * @param receivingIp {@code receiving-ip}
   * @param sessions {@code failed-session-count}
   * @param reasonCode {@code failure-reason-code}, absent when null
   */
  public record Failure(
      String resultType,
      String sendingIp,
      String receivingMx,
      String receivingIp,
      long sessions,
      @Nullable String reasonCode) {}

  /**
   * Writes the report as compact JSON in the RFC's member order.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256 + policies.size() * 512);
    sb.append("{\"organization-name\":");
    quote(sb, organization);
    sb.append(",\"date-range\":{\"start-datetime\":\"")
        .append(day)
        .append("T00:00:00Z\",\"end-datetime\":\"")
        .append(day)
        .append("T23:59:59Z\"},\"contact-info\":");
    quote(sb, contact);
    sb.append(",\"report-id\":");
    quote(sb, reportId);
    sb.append(",\"policies\":[");
    for (int i = 0; i < policies.size(); i++) {
      Policy p = policies.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"policy\":{\"policy-type\":");
      quote(sb, p.type());
      sb.append(",\"policy-string\":");
      array(sb, p.policyStrings());
      sb.append(",\"policy-domain\":");
      quote(sb, p.domain());
      if (!p.mxHosts().isEmpty()) {
        sb.append(",\"mx-host\":");
        array(sb, p.mxHosts());
      }
      long failed = 0;
      for (Failure f : p.failures()) {
        failed += f.sessions();
      }
      sb.append("},\"summary\":{\"total-successful-session-count\":")
          .append(p.successes())
          .append(",\"total-failure-session-count\":")
          .append(failed)
          .append('}');
      if (!p.failures().isEmpty()) {
        sb.append(",\"failure-details\":[");
        for (int j = 0; j < p.failures().size(); j++) {
          Failure f = p.failures().get(j);
          if (j > 0) {
            sb.append(',');
          }
          sb.append("{\"result-type\":");
          quote(sb, f.resultType());
          sb.append(",\"sending-mta-ip\":");
          quote(sb, f.sendingIp());
          sb.append(",\"receiving-mx-hostname\":");
          quote(sb, f.receivingMx());
          sb.append(",\"receiving-ip\":");
          quote(sb, f.receivingIp());
          sb.append(",\"failed-session-count\":").append(f.sessions());
          if (f.reasonCode() != null) {
            sb.append(",\"failure-reason-code\":");
            quote(sb, f.reasonCode());
          }
          sb.append('}');
        }
        sb.append(']');
      }
      sb.append('}');
    }
    return sb.append("]}").toString();
  }

  /**
   * Writes the report as UTF-8 JSON bytes.
   *
   * @return the bytes of {@link #toJson()}
   */
  public byte[] toJsonBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  private static void array(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(sb, values.get(i));
    }
    sb.append(']');
  }

  // The generated values are plain ASCII without quotes or backslashes; escape them anyway so a
  // later change of the data cannot produce broken JSON.
  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
