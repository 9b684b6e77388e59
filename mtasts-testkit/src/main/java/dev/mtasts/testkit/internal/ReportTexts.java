package dev.mtasts.testkit.internal;

import dev.mtasts.testkit.ReportQuirk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** TLS-RPT report meanings and their JSON texts, strict (RFC 8460 §4) and with real senders' quirks. */
public final class ReportTexts {
  /** Every result type of RFC 8460 §4.3. */
  public static final List<String> RESULT_TYPES = List.of("starttls-not-supported", "certificate-host-mismatch",
      "certificate-expired", "certificate-not-trusted", "validation-failure", "tlsa-invalid", "dnssec-invalid",
      "dane-required", "sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid");

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789ABCDEF";

  private ReportTexts() {}

  private static Arbitrary<String> ipv4() {
    return Arbitraries.integers().between(0, 255).list().ofSize(4)
        .map(o -> o.get(0) + "." + o.get(1) + "." + o.get(2) + "." + o.get(3));
  }

  // RFC 5952 form (lower case, no leading zeros, "::" for the zero run), so it survives a round trip.
  private static Arbitrary<String> ipv6() {
    return Combinators.combine(Arbitraries.integers().between(1, 0xffff), Arbitraries.integers().between(1, 0xffff))
        .as((a, b) -> "2001:db8:" + Integer.toHexString(a) + "::" + Integer.toHexString(b));
  }

  /**
   * Returns IP addresses, IPv4 and IPv6.
   *
   * @return the address arbitrary
   */
  public static Arbitrary<String> ip() {
    return Arbitraries.oneOf(ipv4(), ipv6());
  }

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(10);
  }

  private static Arbitrary<Long> count() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 1000)),
        Tuple.of(1, Arbitraries.longs().between(0, 9_007_199_254_740_991L)));
  }

  private static Arbitrary<ReportModel.Detail> detail(String resultType) {
    Arbitrary<String> helo = Hosts.hostname(0).injectNull(0.5);
    Arbitrary<String> receivingIp = ip().injectNull(0.3);
    Arbitrary<String> info = Hosts.hostname(40).map(h -> "https://" + h + "/tlsrpt/info").injectNull(0.6);
    Arbitrary<String> reason = Arbitraries.of("X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED", "X509_V_ERR_CERT_HAS_EXPIRED",
        "hostname mismatch", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY").injectNull(0.5);
    return Combinators.combine(ip(), Hosts.hostname(0), helo, receivingIp, count(), info, reason)
        .as((s, mx, h, r, c, i, f) -> new ReportModel.Detail(resultType, s, mx, h, r, c, i, f));
  }

  private static Arbitrary<ReportModel.Detail> detail() {
    return Arbitraries.of(RESULT_TYPES).flatMap(ReportTexts::detail);
  }

  private static Arbitrary<ReportModel.PolicyResult> stsPolicy() {
    return Combinators.combine(PolicyTexts.models().filter(m -> !m.mode().equals("none")), Hosts.hostname(0),
            count(), detail().list().ofMaxSize(3))
        .as((m, domain, ok, details) -> {
          List<String> strings = new ArrayList<>();
          for (PolicyLine l : PolicyTexts.canonicalLines(m, "")) {
            strings.add(l.text());
          }
          return new ReportModel.PolicyResult("sts", strings, domain, m.mx(), ok, sum(details), details);
        });
  }

  private static Arbitrary<ReportModel.PolicyResult> tlsaPolicy() {
    Arbitrary<String> rr = Combinators.combine(Arbitraries.of("3 1 1 ", "3 0 1 ", "2 1 1 "),
            Arbitraries.strings().withChars(HEX).ofLength(64))
        .as((prefix, hash) -> prefix + hash);
    Arbitrary<List<ReportModel.Detail>> details = Arbitraries.of("tlsa-invalid", "dnssec-invalid", "dane-required",
        "certificate-expired").flatMap(ReportTexts::detail).list().ofMaxSize(2);
    return Combinators.combine(rr.list().ofMinSize(1).ofMaxSize(2), Hosts.hostname(0), count(), details)
        .as((strings, domain, ok, d) -> new ReportModel.PolicyResult("tlsa", strings, domain, List.of(), ok, sum(d), d));
  }

  private static Arbitrary<ReportModel.PolicyResult> noPolicyFound() {
    return Combinators.combine(Hosts.hostname(0), count())
        .as((domain, ok) -> new ReportModel.PolicyResult("no-policy-found", List.of(), domain, List.of(), ok, 0, List.of()));
  }

  private static long sum(List<ReportModel.Detail> details) {
    long s = 0;
    for (ReportModel.Detail d : details) {
      s += d.count();
    }
    return Math.min(s, 9_007_199_254_740_991L);
  }

  private static Arbitrary<ReportModel> models(Arbitrary<List<ReportModel.PolicyResult>> policies) {
    Arbitrary<String> organization = Arbitraries.oneOf(Arbitraries.of("Google LLC", "Microsoft Corporation", "Mail.Ru"),
        word().map(w -> w + " Inc."));
    Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 365 * 15).map(d -> LocalDate.of(2016, 1, 1).plusDays(d));
    Arbitrary<String> contact = Combinators.combine(word(), Hosts.hostname(20)).as((l, h) -> l + "@" + h);
    Arbitrary<String> reportId = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
            .map(h -> h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20)),
        Combinators.combine(Arbitraries.longs().between(1, 999_999_999_999_999_999L), Hosts.hostname(0)).as((n, h) -> n + "+" + h),
        word());
    return Combinators.combine(organization, day, contact, reportId, policies).as(ReportModel::new);
  }

  /**
   * Returns report meanings that RFC 8460 §4 allows: 1 to 3 policies of any type, 0 to 3 failure
   * details each.
   *
   * @return the model arbitrary
   */
  public static Arbitrary<ReportModel> models() {
    Arbitrary<ReportModel.PolicyResult> policy = Arbitraries.frequencyOf(Tuple.of(3, stsPolicy()),
        Tuple.of(1, tlsaPolicy()), Tuple.of(1, noPolicyFound()));
    return models(policy.list().ofMinSize(1).ofMaxSize(3));
  }

  /**
   * Returns report meanings that give every quirk something to act on: a normal sts policy, an sts
   * policy whose fetch failed, a tlsa policy and a no-policy-found entry, then random ones.
   *
   * @return the model arbitrary
   */
  public static Arbitrary<ReportModel> showcaseModels() {
    Arbitrary<ReportModel.PolicyResult> fetchError = Combinators.combine(Hosts.hostname(0), count(),
            detail("sts-policy-fetch-error"))
        .as((domain, ok, d) -> new ReportModel.PolicyResult("sts", List.of(), domain, List.of(), ok, d.count(), List.of(d)));
    Arbitrary<ReportModel.PolicyResult> sts = stsPolicy().filter(p -> !p.mxHosts().isEmpty());
    return models(Combinators.combine(sts, fetchError, tlsaPolicy(), noPolicyFound(), Arbitraries.shuffle(0, 1, 2, 3))
        .as((a, b, c, d, order) -> {
          List<ReportModel.PolicyResult> all = List.of(a, b, c, d);
          List<ReportModel.PolicyResult> out = new ArrayList<>();
          for (int i : order) {
            out.add(all.get(i));
          }
          return out;
        }));
  }

  /**
   * Returns the RFC 8460 §4.4 JSON tree of a model, members in the RFC's order.
   *
   * @param m the model
   * @return the tree
   */
  public static Map<String, Object> tree(ReportModel m) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("organization-name", m.organization());
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("start-datetime", m.day() + "T00:00:00Z");
    range.put("end-datetime", m.day() + "T23:59:59Z");
    root.put("date-range", range);
    root.put("contact-info", m.contact());
    root.put("report-id", m.reportId());
    List<Object> policies = new ArrayList<>();
    for (ReportModel.PolicyResult p : m.policies()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("policy-type", p.type());
      policy.put("policy-string", new ArrayList<Object>(p.strings()));
      policy.put("policy-domain", p.domain());
      policy.put("mx-host", new ArrayList<Object>(p.mxHosts()));
      entry.put("policy", policy);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("total-successful-session-count", p.successes());
      summary.put("total-failure-session-count", p.failures());
      entry.put("summary", summary);
      List<Object> details = new ArrayList<>();
      for (ReportModel.Detail d : p.details()) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("result-type", d.resultType());
        detail.put("sending-mta-ip", d.sendingIp());
        detail.put("receiving-mx-hostname", d.mxHostname());
        putIfPresent(detail, "receiving-mx-helo", d.helo());
        putIfPresent(detail, "receiving-ip", d.receivingIp());
        detail.put("failed-session-count", d.count());
        putIfPresent(detail, "additional-information", d.additionalInformation());
        putIfPresent(detail, "failure-reason-code", d.reasonCode());
        details.add(detail);
      }
      entry.put("failure-details", details);
      policies.add(entry);
    }
    root.put("policies", policies);
    return root;
  }

  private static void putIfPresent(Map<String, Object> map, String key, @org.jspecify.annotations.Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /**
   * Returns the strict JSON texts of a model: pretty or compact, members in the RFC's order or
   * shuffled.
   *
   * @param m the model
   * @return the text arbitrary
   */
  public static Arbitrary<String> strictJson(ReportModel m) {
    return Combinators.combine(Arbitraries.of(0, 2, 4), Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE))))
        .as((indent, seed) -> Json.write(tree(m), indent, seed));
  }

  /**
   * Applies quirks to a strict tree, in place, and says which of them changed it.
   *
   * <p>A quirk asked for may find nothing to act on (no failure detail to empty, an address
   * already removed by another quirk); it is then left out of the returned set, so callers never
   * claim a deviation the text does not carry.
   *
   * @param root the tree from {@link #tree(ReportModel)}
   * @param quirks the quirks to apply
   * @return the quirks that changed the tree, a subset of {@code quirks}
   */
  @SuppressWarnings("unchecked")
  public static Set<ReportQuirk> applyQuirks(Map<String, Object> root, Set<ReportQuirk> quirks) {
    Set<ReportQuirk> applied = EnumSet.noneOf(ReportQuirk.class);
    Map<String, Object> range = member(root, "date-range");
    if (quirks.contains(ReportQuirk.END_AT_NEXT_MIDNIGHT)) {
      String start = member(range, "start-datetime");
      String end = LocalDate.parse(start.substring(0, 10)).plusDays(1) + "T00:00:00Z";
      if (!end.equals(range.put("end-datetime", end))) {
        applied.add(ReportQuirk.END_AT_NEXT_MIDNIGHT);
      }
    }
    if (quirks.contains(ReportQuirk.DATETIME_WITHOUT_OFFSET)
        && range.values().stream().anyMatch(v -> ((String) v).contains("Z"))) {
      range.replaceAll((k, v) -> ((String) v).replace("Z", ""));
      applied.add(ReportQuirk.DATETIME_WITHOUT_OFFSET);
    }
    if (quirks.contains(ReportQuirk.CONTACT_INFO_NULL) && root.put("contact-info", null) != null) {
      applied.add(ReportQuirk.CONTACT_INFO_NULL);
    }
    if (quirks.contains(ReportQuirk.UNKNOWN_MEMBERS)) {
      root.put("x-generator", "mtasts-testkit");
      applied.add(ReportQuirk.UNKNOWN_MEMBERS);
    }
    for (Object o : ReportTexts.<List<Object>>member(root, "policies")) {
      Map<String, Object> entry = (Map<String, Object>) o;
      Map<String, Object> policy = member(entry, "policy");
      List<Object> details = member(entry, "failure-details");
      String type = member(policy, "policy-type");
      boolean fetchError = !details.isEmpty() && details.stream()
          .allMatch(d -> "sts-policy-fetch-error".equals(((Map<String, Object>) d).get("result-type")));
      if (type.equals("sts") && fetchError && quirks.contains(ReportQuirk.POLICY_STRING_ABSENT)
          && (policy.containsKey("policy-string") || policy.containsKey("mx-host"))) {
        policy.remove("policy-string");
        policy.remove("mx-host");
        applied.add(ReportQuirk.POLICY_STRING_ABSENT);
      }
      List<Object> mx = (List<Object>) policy.get("mx-host");
      if (type.equals("sts") && mx != null && !mx.isEmpty()) {
        if (quirks.contains(ReportQuirk.MX_HOST_WITH_POLICY_LINES)) {
          mx.replaceAll(h -> "mx: " + h);
          applied.add(ReportQuirk.MX_HOST_WITH_POLICY_LINES);
        }
        if (quirks.contains(ReportQuirk.MX_HOST_AS_STRING)) {
          policy.put("mx-host", mx.get(0));
          applied.add(ReportQuirk.MX_HOST_AS_STRING);
        }
        if (quirks.contains(ReportQuirk.MX_HOST_PATTERN_NAME)) {
          policy.put("mx-host-pattern", policy.remove("mx-host"));
          applied.add(ReportQuirk.MX_HOST_PATTERN_NAME);
        }
      }
      if (type.equals("tlsa") && quirks.contains(ReportQuirk.TLSA_POLICY_STRING_AS_JSON_TEXT)) {
        policy.put("policy-string", List.of(Json.write(policy.get("policy-string"), 0, 0)));
        applied.add(ReportQuirk.TLSA_POLICY_STRING_AS_JSON_TEXT);
      }
      if (type.equals("no-policy-found") && quirks.contains(ReportQuirk.NO_POLICY_FOUND_WITHOUT_DOMAIN)
          && policy.remove("policy-domain") != null) {
        applied.add(ReportQuirk.NO_POLICY_FOUND_WITHOUT_DOMAIN);
      }
      if (quirks.contains(ReportQuirk.UNKNOWN_MEMBERS)) {
        policy.put("x-policy-note", "kept");
      }
      for (Object d : details) {
        Map<String, Object> detail = (Map<String, Object>) d;
        if (quirks.contains(ReportQuirk.FETCH_ERROR_WITHOUT_ADDRESSES)
            && "sts-policy-fetch-error".equals(detail.get("result-type"))
            && (detail.containsKey("sending-mta-ip") || detail.containsKey("receiving-mx-hostname"))) {
          detail.remove("sending-mta-ip");
          detail.remove("receiving-mx-hostname");
          applied.add(ReportQuirk.FETCH_ERROR_WITHOUT_ADDRESSES);
        }
        if (quirks.contains(ReportQuirk.EMPTY_SENDING_MTA_IP) && detail.containsKey("sending-mta-ip")
            && !"".equals(detail.put("sending-mta-ip", ""))) {
          applied.add(ReportQuirk.EMPTY_SENDING_MTA_IP);
        }
        if (quirks.contains(ReportQuirk.ADDITIONAL_INFO_URI_NAME)) {
          detail.put("additional-info-uri", detail.containsKey("additional-information")
              ? detail.remove("additional-information") : "https://reports.example/info");
          applied.add(ReportQuirk.ADDITIONAL_INFO_URI_NAME);
        }
        if (quirks.contains(ReportQuirk.UNKNOWN_MEMBERS)) {
          detail.put("x-detail-note", 1L);
        }
      }
      if (quirks.contains(ReportQuirk.FAILURE_DETAILS_ABSENT) && details.isEmpty()) {
        entry.remove("failure-details");
        applied.add(ReportQuirk.FAILURE_DETAILS_ABSENT);
      }
      if (quirks.contains(ReportQuirk.COUNTS_AS_STRINGS)) {
        Map<String, Object> summary = member(entry, "summary");
        summary.replaceAll((k, v) -> String.valueOf(v));
        for (Object d : details) {
          ((Map<String, Object>) d).computeIfPresent("failed-session-count", (k, v) -> String.valueOf(v));
        }
        applied.add(ReportQuirk.COUNTS_AS_STRINGS);
      }
    }
    return applied;
  }

  // A member the strict tree always has; a missing one is a bug in tree(), not in the input. The
  // caller names the type it put there, so the unchecked cast and the return-only type parameter
  // are the point of this helper.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <T> T member(Map<String, Object> object, String name) {
    return (T) Objects.requireNonNull(object.get(name), name);
  }
}
