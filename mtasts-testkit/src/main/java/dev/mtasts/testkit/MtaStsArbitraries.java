package dev.mtasts.testkit;

import dev.mtasts.dns.ExtensionField;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.Extension;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.testkit.internal.Hosts;
import dev.mtasts.testkit.internal.Json;
import dev.mtasts.testkit.internal.MxHosts;
import dev.mtasts.testkit.internal.PolicyModel;
import dev.mtasts.testkit.internal.PolicyMutations;
import dev.mtasts.testkit.internal.PolicyTexts;
import dev.mtasts.testkit.internal.ReportModel;
import dev.mtasts.testkit.internal.ReportTexts;
import dev.mtasts.testkit.internal.TxtRecords;
import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The entry point of the testkit: jqwik arbitraries for host names and MX patterns, MTA-STS
 * policies, the two TXT records and TLS-RPT reports, each as values, as valid texts written every
 * allowed way, and as near-valid texts labelled with the rule they break.
 *
 * <p>Use them from a {@code @Provide} method:
 *
 * <pre>{@code
 * @Property
 * void refusesEveryNearValidPolicy(@ForAll("nearValid") NearValid<PolicyRule> c) {
 *   assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(c.text()), c.rule().description());
 * }
 *
 * @Provide
 * Arbitrary<NearValid<PolicyRule>> nearValid() {
 *   return MtaStsArbitraries.nearValidPolicyTexts();
 * }
 * }</pre>
 */
public final class MtaStsArbitraries {
  private MtaStsArbitraries() {}

  // ---------------------------------------------------------------- host names and MX patterns

  /**
   * Returns host names as DNS hands them out to a mail server: LDH labels (RFC 5321 §4.1.2), lower
   * case, 2 to 6 labels, with IDN A-labels ({@code xn--...}) and names at the length limits (labels
   * of 63 characters, names of up to 253). Shrinks towards {@code a.aa}.
   *
   * <pre>{@code
   * @Property
   * void normalisesEveryHost(@ForAll("hosts") String host) {
   *   assertEquals(host, MyResolver.normalise(host.toUpperCase(Locale.ROOT) + "."));
   * }
   * @Provide Arbitrary<String> hosts() { return MtaStsArbitraries.hostnames(); }
   * }</pre>
   *
   * @return the host name arbitrary
   */
  public static Arbitrary<String> hostnames() {
    return Arbitraries.frequencyOf(Tuple.of(9, Hosts.hostname(0)), Tuple.of(1, Hosts.longHostname(0)));
  }

  /**
   * Returns the texts of valid {@code mx} patterns (RFC 8461 §3.2): an exact host name, or {@code
   * *.} followed by a host name, in lower case; with A-labels and edge lengths as {@link
   * #hostnames()}.
   *
   * <pre>{@code
   * @Property
   * void acceptsEveryPattern(@ForAll("patterns") String pattern) {
   *   assertEquals(pattern, MxPattern.parse(pattern).pattern());
   * }
   * @Provide Arbitrary<String> patterns() { return MtaStsArbitraries.mxPatternTexts(); }
   * }</pre>
   *
   * @return the pattern text arbitrary
   */
  public static Arbitrary<String> mxPatternTexts() {
    return Hosts.mxPattern();
  }

  /**
   * Returns valid {@link MxPattern}s, as {@link #mxPatternTexts()}.
   *
   * <pre>{@code
   * @Property
   * void wildcardNeverMatchesItsOwnSuffix(@ForAll("patterns") MxPattern p) {
   *   Assume.that(p.wildcard());
   *   assertFalse(p.matches(p.pattern().substring(2)));
   * }
   * @Provide Arbitrary<MxPattern> patterns() { return MtaStsArbitraries.mxPatterns(); }
   * }</pre>
   *
   * @return the pattern arbitrary
   */
  public static Arbitrary<MxPattern> mxPatterns() {
    return Hosts.mxPattern().map(MxPattern::of);
  }

  /**
   * Returns non-empty lists of MX host names that the policy covers completely (RFC 8461 §4.1):
   * each host matches at least one of its patterns. Hosts come in random letter case and sometimes
   * with the root dot, as MX records give them. For a policy without patterns (mode {@code none})
   * the arbitrary is empty.
   *
   * <pre>{@code
   * @Property
   * void deliversToEveryCoveredHost(@ForAll("policies") MtaStsPolicy policy) {
   *   List<String> hosts = MtaStsArbitraries.mxHostsCoveredBy(policy).sample();
   *   assertTrue(hosts.stream().allMatch(policy::matches));
   * }
   * }</pre>
   *
   * @param policy the policy
   * @return the host list arbitrary
   */
  public static Arbitrary<List<String>> mxHostsCoveredBy(MtaStsPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    List<String> patterns = patternTexts(policy);
    return patterns.isEmpty() ? Arbitraries.of(List.<List<String>>of()) : MxHosts.allCovered(patterns);
  }

  /**
   * Returns lists of MX host names with at least one host the policy does not cover (RFC 8461
   * §4.1), mixed with covered ones: the suffix of a wildcard, two labels under a wildcard, a parent
   * or child of an exact host, a look-alike with an extra suffix, or an unrelated host.
   *
   * <pre>{@code
   * @Property
   * void readinessBlocksUncoveredHosts(@ForAll("policies") MtaStsPolicy policy) {
   *   List<String> hosts = MtaStsArbitraries.mxHostsNotCoveredBy(policy).sample();
   *   assertFalse(hosts.stream().allMatch(policy::matches));
   * }
   * }</pre>
   *
   * @param policy the policy
   * @return the host list arbitrary
   */
  public static Arbitrary<List<String>> mxHostsNotCoveredBy(MtaStsPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    return MxHosts.someNotCovered(patternTexts(policy));
  }

  private static List<String> patternTexts(MtaStsPolicy policy) {
    List<String> patterns = new ArrayList<>();
    for (MxPattern p : policy.mx()) {
      patterns.add(p.pattern());
    }
    return patterns;
  }

  // ---------------------------------------------------------------- policies

  /**
   * Returns valid policies: every mode, max_age over the whole range 0 to 31557600 with its
   * boundaries, 1 to 4 distinct patterns (0 to 2 for mode {@code none}), 0 to 2 extensions.
   * Shrinks towards {@code mode: enforce}, one short pattern, {@code max_age: 0}, no extension.
   *
   * <pre>{@code
   * @Property
   * void roundTrips(@ForAll("policies") MtaStsPolicy policy) {
   *   assertEquals(policy, MtaStsPolicy.parse(policy.toText()));
   * }
   * @Provide Arbitrary<MtaStsPolicy> policies() { return MtaStsArbitraries.policies(); }
   * }</pre>
   *
   * @return the policy arbitrary
   */
  public static Arbitrary<MtaStsPolicy> policies() {
    return PolicyTexts.models().map(MtaStsArbitraries::policyOf);
  }

  /**
   * Returns valid policy files written every way RFC 8461 §3.2 allows, with the policy each means:
   * fields in any order, LF or CRLF per line (mixed), with or without a final line end, any SP/HTAB
   * after the colon and after the value, {@code max_age} with leading zeros (up to 10 digits),
   * {@code mx} values in any letter case, extensions with UTF-8 values and inner spaces, and
   * repeated {@code version}, {@code mode} or {@code max_age} lines after the first (ignored, even
   * when malformed as values: the first occurrence wins).
   *
   * <pre>{@code
   * @Property
   * void readsEveryWayOfWritingIt(@ForAll("texts") Written<MtaStsPolicy> w) {
   *   assertEquals(w.value(), MtaStsPolicy.parse(w.text()));
   * }
   * @Provide Arbitrary<Written<MtaStsPolicy>> texts() { return MtaStsArbitraries.policyTexts(); }
   * }</pre>
   *
   * @return the arbitrary of texts with their policies
   */
  public static Arbitrary<Written<MtaStsPolicy>> policyTexts() {
    return PolicyTexts.models()
        .flatMap(m -> PolicyTexts.writtenLines(m).map(lines -> new Written<>(PolicyTexts.join(lines), policyOf(m))));
  }

  /**
   * Returns policy files one targeted mutation away from valid, each labelled with the {@link
   * PolicyRule} it breaks, for every rule. A strict RFC 8461 parser refuses every one of them.
   *
   * <pre>{@code
   * @Property
   * void refusesEveryNearValidPolicy(@ForAll("nearValid") NearValid<PolicyRule> c) {
   *   assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(c.text()));
   * }
   * @Provide Arbitrary<NearValid<PolicyRule>> nearValid() { return MtaStsArbitraries.nearValidPolicyTexts(); }
   * }</pre>
   *
   * @return the near-valid text arbitrary
   */
  public static Arbitrary<NearValid<PolicyRule>> nearValidPolicyTexts() {
    return PolicyMutations.nearValid();
  }

  /**
   * Returns policy files one targeted mutation away from valid that break the given rule.
   *
   * <pre>{@code
   * @Provide Arbitrary<NearValid<PolicyRule>> badMaxAge() {
   *   return MtaStsArbitraries.nearValidPolicyTexts(PolicyRule.MAX_AGE_ABOVE_LIMIT);
   * }
   * }</pre>
   *
   * @param rule the rule to break
   * @return the near-valid text arbitrary
   */
  public static Arbitrary<NearValid<PolicyRule>> nearValidPolicyTexts(PolicyRule rule) {
    return PolicyMutations.nearValid(Objects.requireNonNull(rule, "rule"));
  }

  private static MtaStsPolicy policyOf(PolicyModel m) {
    List<MxPattern> mx = new ArrayList<>();
    for (String p : m.mx()) {
      mx.add(MxPattern.of(p));
    }
    List<Extension> extensions = new ArrayList<>();
    for (PolicyModel.Field f : m.extensions()) {
      extensions.add(Extension.of(f.key(), f.value()));
    }
    Mode mode = Mode.fromWireName(m.mode()).orElseThrow();
    return new MtaStsPolicy(MtaStsPolicy.VERSION, mode, m.maxAge(), mx, extensions);
  }

  // ---------------------------------------------------------------- TXT records

  /**
   * Returns valid policy ids (RFC 8461 §3.1): 1 to 32 letters and digits, often timestamp-shaped,
   * sometimes exactly 32 characters.
   *
   * <pre>{@code
   * @Property
   * void nextIdDiffers(@ForAll("ids") PolicyId current) {
   *   assertNotEquals(current, myGenerator.next(current));
   * }
   * @Provide Arbitrary<PolicyId> ids() { return MtaStsArbitraries.policyIds(); }
   * }</pre>
   *
   * @return the id arbitrary
   */
  public static Arbitrary<PolicyId> policyIds() {
    return TxtRecords.policyId().map(PolicyId::of);
  }

  /**
   * Returns valid {@code _mta-sts} records (RFC 8461 §3.1) with 0 to 2 extension fields.
   *
   * <pre>{@code
   * @Property
   * void roundTrips(@ForAll("records") StsRecord r) {
   *   assertEquals(r, StsRecord.parse(r.toText()));
   * }
   * @Provide Arbitrary<StsRecord> records() { return MtaStsArbitraries.stsRecords(); }
   * }</pre>
   *
   * @return the record arbitrary
   */
  public static Arbitrary<StsRecord> stsRecords() {
    return TxtRecords.stsModels().map(MtaStsArbitraries::stsRecordOf);
  }

  /**
   * Returns valid {@code _mta-sts} record texts written every way RFC 8461 §3.1 allows, with the
   * record each means: {@code id} anywhere among the extensions, SP/HTAB around each {@code ;}
   * (none before the first, which the record selection of §3.1 looks for as {@code v=STSv1;}), with
   * or without a trailing {@code ;}.
   *
   * <pre>{@code
   * @Property
   * void readsEveryWayOfWritingIt(@ForAll("texts") Written<StsRecord> w) {
   *   assertEquals(w.value(), StsRecord.parse(w.text()));
   * }
   * @Provide Arbitrary<Written<StsRecord>> texts() { return MtaStsArbitraries.stsRecordTexts(); }
   * }</pre>
   *
   * @return the arbitrary of texts with their records
   */
  public static Arbitrary<Written<StsRecord>> stsRecordTexts() {
    return TxtRecords.stsModels()
        .flatMap(m -> TxtRecords.stsLayouts(m).map(l -> new Written<>(l.text(), stsRecordOf(m))));
  }

  /**
   * Returns {@code _mta-sts} record texts one targeted mutation away from valid, each labelled
   * with the {@link StsRecordRule} it breaks.
   *
   * <pre>{@code
   * @Property
   * void refusesEveryNearValidRecord(@ForAll("bad") NearValid<StsRecordRule> c) {
   *   assertThrows(RecordParseException.class, () -> StsRecord.parse(c.text()));
   * }
   * @Provide Arbitrary<NearValid<StsRecordRule>> bad() { return MtaStsArbitraries.nearValidStsRecordTexts(); }
   * }</pre>
   *
   * @return the near-valid text arbitrary
   */
  public static Arbitrary<NearValid<StsRecordRule>> nearValidStsRecordTexts() {
    return TxtRecords.nearValidSts();
  }

  /**
   * Returns valid {@code _smtp._tls} records (RFC 8460 §3): 1 to 3 {@code mailto:} and {@code
   * https:} report URIs, 0 to 2 extension fields.
   *
   * <pre>{@code
   * @Property
   * void roundTrips(@ForAll("records") TlsRptRecord r) {
   *   assertEquals(r, TlsRptRecord.parse(r.toText()));
   * }
   * @Provide Arbitrary<TlsRptRecord> records() { return MtaStsArbitraries.tlsRptRecords(); }
   * }</pre>
   *
   * @return the record arbitrary
   */
  public static Arbitrary<TlsRptRecord> tlsRptRecords() {
    return TxtRecords.tlsRptModels().map(MtaStsArbitraries::tlsRptRecordOf);
  }

  /**
   * Returns valid {@code _smtp._tls} record texts written every way RFC 8460 §3 allows, with the
   * record each means: {@code rua} anywhere among the extensions, SP/HTAB around each {@code ;}
   * (none before the first) and each {@code ,}, with or without a trailing {@code ;}.
   *
   * <pre>{@code
   * @Property
   * void readsEveryWayOfWritingIt(@ForAll("texts") Written<TlsRptRecord> w) {
   *   assertEquals(w.value(), TlsRptRecord.parse(w.text()));
   * }
   * @Provide Arbitrary<Written<TlsRptRecord>> texts() { return MtaStsArbitraries.tlsRptRecordTexts(); }
   * }</pre>
   *
   * @return the arbitrary of texts with their records
   */
  public static Arbitrary<Written<TlsRptRecord>> tlsRptRecordTexts() {
    return TxtRecords.tlsRptModels()
        .flatMap(m -> TxtRecords.tlsRptLayouts(m).map(l -> new Written<>(l.text(), tlsRptRecordOf(m))));
  }

  /**
   * Returns {@code _smtp._tls} record texts one targeted mutation away from valid, each labelled
   * with the {@link TlsRptRecordRule} it breaks.
   *
   * <pre>{@code
   * @Property
   * void refusesEveryNearValidRecord(@ForAll("bad") NearValid<TlsRptRecordRule> c) {
   *   assertThrows(RecordParseException.class, () -> TlsRptRecord.parse(c.text()));
   * }
   * @Provide Arbitrary<NearValid<TlsRptRecordRule>> bad() { return MtaStsArbitraries.nearValidTlsRptRecordTexts(); }
   * }</pre>
   *
   * @return the near-valid text arbitrary
   */
  public static Arbitrary<NearValid<TlsRptRecordRule>> nearValidTlsRptRecordTexts() {
    return TxtRecords.nearValidTlsRpt();
  }

  private static List<ExtensionField> fields(List<String> texts) {
    List<ExtensionField> fields = new ArrayList<>();
    for (String t : texts) {
      int eq = t.indexOf('=');
      fields.add(new ExtensionField(t.substring(0, eq), t.substring(eq + 1)));
    }
    return fields;
  }

  private static StsRecord stsRecordOf(TxtRecords.StsModel m) {
    return new StsRecord(PolicyId.of(m.id()), fields(m.extensions()));
  }

  private static TlsRptRecord tlsRptRecordOf(TxtRecords.TlsRptModel m) {
    List<URI> rua = new ArrayList<>();
    for (String u : m.rua()) {
      rua.add(URI.create(u));
    }
    return new TlsRptRecord(rua, fields(m.extensions()));
  }

  // ---------------------------------------------------------------- TLS-RPT reports

  /**
   * Returns valid TLS-RPT reports (RFC 8460 §4): one UTC day from 2016 to 2030, 1 to 3 policy
   * results of every type ({@code sts} with its policy lines and patterns, {@code tlsa} with TLSA
   * records, {@code no-policy-found}), 0 to 3 failure details of every RFC 8460 §4.3 result type,
   * IPv4 and IPv6 addresses, counts up to 2^53 - 1, optional members present or absent.
   *
   * <pre>{@code
   * @Property
   * void roundTripsThroughGzip(@ForAll("reports") TlsRptReport report) {
   *   byte[] gz = TlsRptWriter.compact().writeGzip(report);
   *   assertEquals(report, TlsRptReader.strict().read(gz).value());
   * }
   * @Provide Arbitrary<TlsRptReport> reports() { return MtaStsArbitraries.reports(); }
   * }</pre>
   *
   * @return the report arbitrary
   */
  public static Arbitrary<TlsRptReport> reports() {
    return ReportTexts.models().map(MtaStsArbitraries::reportOf);
  }

  /**
   * Returns strictly valid report JSON (RFC 8460 §4.4) with the report each means: pretty or
   * compact, members in the RFC's order or shuffled, {@code end-datetime} at {@code 23:59:59Z},
   * every array present.
   *
   * <pre>{@code
   * @Property
   * void importsEveryValidReport(@ForAll("json") Written<TlsRptReport> w) {
   *   assertEquals(w.value(), myImporter.importJson(w.text()));
   * }
   * @Provide Arbitrary<Written<TlsRptReport>> json() { return MtaStsArbitraries.reportJson(); }
   * }</pre>
   *
   * @return the arbitrary of JSON texts with their reports
   */
  public static Arbitrary<Written<TlsRptReport>> reportJson() {
    return ReportTexts.models()
        .flatMap(m -> ReportTexts.strictJson(m).map(json -> new Written<>(json, reportOf(m))));
  }

  /**
   * Returns report JSON with one or more of the deviations real senders make ({@link
   * ReportQuirk}), on reports that give each quirk something to act on (a normal {@code sts}
   * policy, one whose fetch failed, a {@code tlsa} policy and a {@code no-policy-found} entry).
   *
   * <pre>{@code
   * @Property
   * void toleratesWhatRealSendersSend(@ForAll("quirky") QuirkyReportJson q) {
   *   ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(q.json());
   *   assertFalse(r.value().policies().isEmpty());
   * }
   * @Provide Arbitrary<QuirkyReportJson> quirky() { return MtaStsArbitraries.quirkyReportJson(); }
   * }</pre>
   *
   * @return the arbitrary of quirky JSON texts
   */
  public static Arbitrary<QuirkyReportJson> quirkyReportJson() {
    Arbitrary<java.util.Set<ReportQuirk>> quirks = Arbitraries.subsetOf(ReportQuirk.values()).ofMinSize(1);
    return net.jqwik.api.Combinators.combine(ReportTexts.showcaseModels(), quirks, Arbitraries.of(0, 2, 4))
        .as((m, q, indent) -> {
          Map<String, Object> tree = ReportTexts.tree(m);
          Set<ReportQuirk> applied = ReportTexts.applyQuirks(tree, q);
          return new QuirkyReportJson(Json.write(tree, indent, 0), applied);
        })
        // A draw whose quirks all found nothing to act on is a strict report, not a quirky one.
        .filter(q -> !q.quirks().isEmpty());
  }

  private static TlsRptReport reportOf(ReportModel m) {
    List<PolicyResult> policies = new ArrayList<>();
    for (ReportModel.PolicyResult p : m.policies()) {
      List<FailureDetail> details = new ArrayList<>();
      for (ReportModel.Detail d : p.details()) {
        details.add(new FailureDetail(ResultType.of(d.resultType()), d.sendingIp(), d.mxHostname(), d.helo(),
            d.receivingIp(), d.count(), d.additionalInformation(), d.reasonCode(), Map.of()));
      }
      policies.add(PolicyResult.of(PolicyType.fromWireName(p.type()).orElse(PolicyType.UNKNOWN), p.strings(), p.domain(), p.mxHosts(),
          p.successes(), p.failures(), details));
    }
    return TlsRptReport.of(m.organization(), DateRange.ofUtcDay(m.day()), m.contact(), m.reportId(), policies);
  }
}
