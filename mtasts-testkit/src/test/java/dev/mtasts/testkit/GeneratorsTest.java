package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.testkit.internal.ReportTexts;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The arbitraries themselves: their values keep the promises of their Javadoc. */
final class GeneratorsTest {
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  @Property
  void hostnamesAreLdhNamesWithinTheDnsLimits(@ForAll("hostnames") String host) {
    assertTrue(host.length() <= 253, () -> host.length() + " characters");
    String[] labels = host.split("\\.", -1);
    assertTrue(labels.length >= 2, host);
    for (String label : labels) {
      assertTrue(LDH_LABEL.matcher(label).matches(), () -> "label " + label + " of " + host);
    }
  }

  @Provide
  Arbitrary<String> hostnames() {
    return MtaStsArbitraries.hostnames();
  }

  @Property
  void nearValidTextsDifferFromTheValidTextTheyCameFrom(@ForAll("nearValid") NearValid<PolicyRule> c) {
    assertNotEquals(c.validText(), c.text());
  }

  @Provide
  Arbitrary<NearValid<PolicyRule>> nearValid() {
    return MtaStsArbitraries.nearValidPolicyTexts();
  }

  @Property(tries = 100)
  void quirkyJsonCarriesItsQuirks(@ForAll("quirky") QuirkyReportJson q) {
    assertTrue(!q.quirks().isEmpty());
    if (q.quirks().contains(ReportQuirk.CONTACT_INFO_NULL)) {
      assertTrue(q.json().replace(" ", "").contains("\"contact-info\":null"), q.json());
    }
    if (q.quirks().contains(ReportQuirk.COUNTS_AS_STRINGS)) {
      assertTrue(q.json().replace(" ", "").matches("(?s).*\"total-successful-session-count\":\"\\d+\".*"), q.json());
    }
  }

  @Provide
  Arbitrary<QuirkyReportJson> quirky() {
    return MtaStsArbitraries.quirkyReportJson();
  }

  @Example
  void everyRuleAndQuirkIsGenerated() {
    Set<PolicyRule> rules = EnumSet.noneOf(PolicyRule.class);
    MtaStsArbitraries.nearValidPolicyTexts().sampleStream().limit(2000).forEach(c -> rules.add(c.rule()));
    assertEquals(EnumSet.allOf(PolicyRule.class), rules);
    Set<StsRecordRule> sts = EnumSet.noneOf(StsRecordRule.class);
    MtaStsArbitraries.nearValidStsRecordTexts().sampleStream().limit(1000).forEach(c -> sts.add(c.rule()));
    assertEquals(EnumSet.allOf(StsRecordRule.class), sts);
    Set<TlsRptRecordRule> tls = EnumSet.noneOf(TlsRptRecordRule.class);
    MtaStsArbitraries.nearValidTlsRptRecordTexts().sampleStream().limit(1000).forEach(c -> tls.add(c.rule()));
    assertEquals(EnumSet.allOf(TlsRptRecordRule.class), tls);
  }

  @Example
  void everyRfcResultTypeIsKnownToTheGenerator() {
    assertEquals(11, ReportTexts.RESULT_TYPES.size());
    assertTrue(Arbitraries.of(ReportTexts.RESULT_TYPES).sampleStream().limit(50).allMatch(t -> t.contains("-")));
  }
}
