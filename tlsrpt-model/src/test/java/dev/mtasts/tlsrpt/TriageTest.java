package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins every row of the table in {@link Triage#playbook()}'s Javadoc. */
final class TriageTest {
  private static final Triage OWNER = Triage.playbook(List.of("mx3.example.com"),
      KnownSenders.of(List.of("203.0.113.0/24", "2001:db8:77::/48"), List.of("Partner Mail Inc.")));

  /**
   * Columns: table row, result type, sending IP, receiving MX, reporting organization,
   * organizations and networks seeing it, expected class. Known senders: 203.0.113.0/24,
   * 2001:db8:77::/48 and "Partner Mail Inc."; own MX: the policy's *.hosted.example, mx3 from the
   * owner's list, anything under example.com, and an unreported MX.
   */
  @ParameterizedTest(name = "row {0}: {1} from {2} ({4}) to {3}: {7}")
  @CsvSource(
      nullValues = "-",
      textBlock = """
          0,  failures-without-details,  -,             -,                       Big Mail,  1, 1, INVESTIGATE
          0,  failures-without-details,  203.0.113.5,   mx1.example.com,         Partner Mail Inc., 3, 3, INVESTIGATE
          1,  sts-policy-fetch-error,    -,             -,                       Big Mail,  1, 1, FIX_POLICY_HOSTING
          1,  sts-policy-invalid,        192.0.2.1,     mx1.example.com,         Big Mail,  1, 1, FIX_POLICY_HOSTING
          1,  sts-webpki-invalid,        203.0.113.5,   -,                       Big Mail,  1, 1, FIX_POLICY_HOSTING
          2,  certificate-expired,       192.0.2.1,     mx1.example.com,         Big Mail,  1, 1, FIX_OUR_SIDE
          2,  certificate-host-mismatch, 192.0.2.1,     in1-smtp.hosted.example, Big Mail,  1, 1, FIX_OUR_SIDE
          2,  certificate-not-trusted,   2001:db8::1,   -,                       Big Mail,  1, 1, FIX_OUR_SIDE
          2,  certificate-host-mismatch, 10.20.30.40,   mx1.example.com,         Big Mail,  1, 1, FIX_OUR_SIDE
          2,  certificate-expired,       x.x.x.x,       mx3.example.com,         Big Mail,  1, 1, FIX_OUR_SIDE
          3,  certificate-expired,       203.0.113.9,   mx.elsewhere.example,    Big Mail,  1, 1, FIX_WITH_SENDER
          3,  certificate-expired,       192.0.2.1,     mx.elsewhere.example,    partner mail inc., 1, 1, FIX_WITH_SENDER
          4,  certificate-expired,       192.0.2.1,     mx.elsewhere.example,    Big Mail,  1, 1, INVESTIGATE
          5,  starttls-not-supported,    192.0.2.1,     mx2.example.com,         Big Mail,  2, 1, FIX_OUR_SIDE
          5,  starttls-not-supported,    192.0.2.1,     mx2.example.com,         Big Mail,  1, 2, FIX_OUR_SIDE
          6,  starttls-not-supported,    2001:db8:77::5, mx2.example.com,        Big Mail,  1, 1, FIX_WITH_SENDER
          6,  starttls-not-supported,    192.0.2.1,     mx.elsewhere.example,    Partner Mail Inc., 3, 3, FIX_WITH_SENDER
          7,  starttls-not-supported,    192.0.2.1,     mx2.example.com,         Big Mail,  1, 1, INVESTIGATE
          7,  starttls-not-supported,    192.0.2.1,     mx.elsewhere.example,    Big Mail,  4, 4, INVESTIGATE
          8,  validation-failure,        203.0.113.200, mx1.example.com,         Big Mail,  1, 1, FIX_WITH_SENDER
          9,  validation-failure,        192.0.2.1,     mx1.example.com,         Big Mail,  5, 5, USUALLY_SAFE_TO_IGNORE
          9,  validation-failure,        10.1.2.3,      mx.elsewhere.example,    -,         1, 1, USUALLY_SAFE_TO_IGNORE
          10, tlsa-invalid,              203.0.113.1,   mx1.example.com,         Big Mail,  1, 1, FIX_WITH_SENDER
          11, tlsa-invalid,              192.0.2.1,     mx1.example.com,         Big Mail,  1, 1, INVESTIGATE
          11, dane-required,             192.0.2.1,     mx1.example.com,         Big Mail,  1, 1, INVESTIGATE
          11, Testing,                   192.0.2.1,     mx1.example.com,         Big Mail,  1, 1, INVESTIGATE
          """)
  void playbookClassifiesEveryRow(int row, String resultType, String ip, String mx, String org,
      int orgs, int networks, TriageClass expected) {
    ResultType type = resultType.equals("failures-without-details")
        ? ResultType.FAILURES_WITHOUT_DETAILS : ResultType.of(resultType);
    FailureObservation o = new FailureObservation("example.com", "sts", type,
        ip, mx, Set.of("*.hosted.example"), org, orgs, networks);
    assertEquals(expected, OWNER.classify(o), "row " + row);
  }

  @Test
  void starttlsOnOurOwnMxIsNeverSafeToIgnore() {
    // Regression: starttls-not-supported was always "usually safe to ignore", even on the domain's
    // own MX (RFC 8460 Appendix B: 200 sessions to the owner's mx2 never blocked).
    FailureObservation single = new FailureObservation("example.com", "sts",
        ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx2.example.com", Set.of(), "Big Mail", 1, 1);
    assertEquals(TriageClass.INVESTIGATE, Triage.playbook().classify(single));
    FailureObservation wide = new FailureObservation("example.com", "sts",
        ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx2.example.com", Set.of(), "Big Mail", 2, 2);
    assertEquals(TriageClass.FIX_OUR_SIDE, Triage.playbook().classify(wide));
  }

  @Test
  void triageSaidAnUnderscoreHostMatchesAWildcard_nowMxPatternDecides() {
    // Regression (issue 14): the triage had a second matcher that skipped the LDH check on the
    // label a wildcard covers, so a_b.example.org was "our MX" under *.example.org, although
    // MxPattern.matches (RFC 8461 §4.1, RFC 5321 §4.1.2 labels) says it is not covered.
    assertFalse(dev.mtasts.policy.MxPattern.of("*.example.org").matches("a_b.example.org"));
    TriageClass underscore = Triage.playbook().classify(starttlsOn("a_b.example.org"));
    assertEquals(Triage.playbook().classify(starttlsOn("mx.elsewhere.example")), underscore);
    // Seen by two reporters on two networks, a STARTTLS failure on our own MX is ours to fix.
    assertEquals(TriageClass.FIX_OUR_SIDE, Triage.playbook().classify(starttlsOn("ab.example.org")));
    assertFalse(underscore == TriageClass.FIX_OUR_SIDE, underscore::toString);
  }

  private static FailureObservation starttlsOn(String mx) {
    return new FailureObservation("example.com", "sts", ResultType.STARTTLS_NOT_SUPPORTED,
        "192.0.2.1", mx, Set.of("*.example.org"), "Big Mail", 2, 2);
  }

  @Test
  void certificateFailuresFromPrivateSendingIpsOnOurMxAreFixedOnOurSide() {
    // Regression: a certificate mismatch reported from 10.20.30.40 (an internal relay) was "safe
    // to ignore"; the playbook names exactly that as a failure to look for.
    FailureObservation relay = new FailureObservation("example.com", "sts",
        ResultType.CERTIFICATE_HOST_MISMATCH, "10.20.30.40", "mx1.example.com", Set.of());
    assertEquals(TriageClass.FIX_OUR_SIDE, Triage.playbook().classify(relay));
  }

  @Test
  void aKnownSendersFailureIsNeverSafeToIgnore() {
    for (ResultType type : ResultType.knownValues()) {
      FailureObservation o = new FailureObservation("example.com", "sts", type, "203.0.113.7",
          "mx.elsewhere.example", Set.of(), "Big Mail", 1, 1);
      assertFalse(OWNER.classify(o) == TriageClass.USUALLY_SAFE_TO_IGNORE, type.wireName());
    }
  }

  @Test
  void theSummaryCountsDistinctReportersAndNetworksPerMx() {
    // Two organizations see starttls-not-supported on mx2: our MX, to fix on our side.
    TlsRptReportBuilder google = TlsRptReportBuilder.newBuilder("Google", "a@google.example", "google.example");
    TlsRptReportBuilder ms = TlsRptReportBuilder.newBuilder("Microsoft", "a@ms.example", "ms.example");
    AppliedPolicy policy = AppliedPolicy.sts("example.com", List.of("version: STSv1", "mode: testing",
        "mx: mx1.example.com", "mx: mx2.example.com", "max_age: 604800"), List.of("mx1.example.com", "mx2.example.com"));
    Instant t = Instant.parse("2026-11-10T12:00:00Z");
    google.recordFailure(policy, t, FailureDetail.of(ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx2.example.com", 100));
    List<TlsRptReport> reports = new java.util.ArrayList<>();
    google.drainAll().forEach(r -> reports.add(r.report()));
    assertEquals(TriageClass.INVESTIGATE,
        ReportSummary.of(reports).domain("example.com").failureGroups().get(0).triage());
    ms.recordFailure(policy, t, FailureDetail.of(ResultType.STARTTLS_NOT_SUPPORTED, "198.51.100.1", "mx2.example.com", 100));
    ms.drainAll().forEach(r -> reports.add(r.report()));
    FailureGroup group = ReportSummary.of(reports).domain("example.com").failureGroups().get(0);
    assertEquals(TriageClass.FIX_OUR_SIDE, group.triage());
    assertEquals(200, group.failedSessions());
    assertEquals(java.util.Map.of("Google", 100L, "Microsoft", 100L), group.reportingOrganizations());
  }

  @Test
  void knownSendersMatchRangesAndNamesAndRefuseBadRanges() {
    KnownSenders k = KnownSenders.of(List.of("192.0.2.128/25", "2001:db8::/32", "198.51.100.7"),
        List.of(" Partner Mail Inc. "));
    assertTrue(k.knows("192.0.2.200", null));
    assertFalse(k.knows("192.0.2.100", null));
    assertTrue(k.knows("2001:db8:1::1", "x"));
    assertTrue(k.knows("198.51.100.7", null));
    assertFalse(k.knows("198.51.100.8", null));
    assertTrue(k.knows(null, "PARTNER MAIL INC."));
    assertFalse(k.knows("not an ip", "Other"));
    assertEquals(5 - 1, k.size());
    assertThrows(IllegalArgumentException.class, () -> KnownSenders.of(List.of("10.0.0.0/33"), List.of()));
    assertThrows(IllegalArgumentException.class, () -> KnownSenders.of(List.of("10.0.0/8"), List.of()));
    assertThrows(IllegalArgumentException.class, () -> KnownSenders.of(List.of(), List.of(" ")));
    assertTrue(KnownSenders.looksLikeNetwork("10.0.0.0/8"));
    assertTrue(KnownSenders.looksLikeNetwork("2001:db8::/32"));
    assertFalse(KnownSenders.looksLikeNetwork("Google"));
    assertFalse(KnownSenders.looksLikeNetwork("bad"));
    assertEquals(KnownSenders.of(List.of("10.0.0.0/8"), List.of("a")),
        KnownSenders.of(List.of("10.0.0.0/8"), List.of("A")));
  }
}
