package dev.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PolicyLintTest {

  private static List<LintCode> codes(List<LintFinding> findings) {
    return findings.stream().map(LintFinding::code).toList();
  }

  private static LintFinding only(List<LintFinding> findings, LintCode code) {
    List<LintFinding> matching = findings.stream().filter(f -> f.code() == code).toList();
    assertEquals(1, matching.size(), findings.toString());
    return matching.get(0);
  }

  @Test
  void cleanPolicyHasNoFindings() {
    MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n");
    assertEquals(List.of(), PolicyLint.lint(p));
    assertEquals(List.of(), PolicyLint.lint(p, List.of("mx1.example.com.")));
  }

  @Test
  void warnsAboutShortMaxAge() {
    MtaStsPolicy hour = MtaStsPolicy.of(Mode.ENFORCE, 3600, List.of(MxPattern.of("a.example")));
    assertEquals(LintSeverity.WARNING, only(PolicyLint.lint(hour), LintCode.MAX_AGE_UNDER_ONE_DAY).severity());
    MtaStsPolicy day = MtaStsPolicy.of(Mode.TESTING, 86400, List.of(MxPattern.of("a.example")));
    assertEquals(LintSeverity.INFO, only(PolicyLint.lint(day), LintCode.MAX_AGE_UNDER_ONE_WEEK).severity());
    assertEquals(List.of(), PolicyLint.lint(MtaStsPolicy.of(Mode.TESTING, 604800, List.of(MxPattern.of("a.example")))));
  }

  @Test
  void reviewsTurningMtaStsOff() {
    assertEquals(List.of(), PolicyLint.lint(MtaStsPolicy.of(Mode.NONE, 86400, List.of())));
    List<LintFinding> f = PolicyLint.lint(MtaStsPolicy.of(Mode.NONE, 604800, List.of(MxPattern.of("a.example"))));
    assertEquals(List.of(LintCode.NONE_MAX_AGE_ABOVE_ONE_DAY, LintCode.NONE_WITH_MX), codes(f));
    assertEquals(LintSeverity.WARNING, f.get(0).severity());
    assertEquals(LintSeverity.INFO, f.get(1).severity());
  }

  @Test
  void findsDuplicateAndShadowedPatterns() {
    MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.example.com\n"
        + "mx: MX1.example.com\nmx: a.b.example.com\nmax_age: 604800\n");
    List<LintFinding> f = PolicyLint.lint(p);
    assertEquals(List.of(LintCode.SHADOWED_MX, LintCode.DUPLICATE_MX), codes(f));
    assertTrue(f.get(0).message().contains("mx1.example.com"), f.get(0).message());
  }

  @Test
  void comparesWithActualMxHosts() {
    MtaStsPolicy p = MtaStsPolicy.of(Mode.ENFORCE, 604800,
        List.of(MxPattern.of("*.example.com"), MxPattern.of("old.example.org")));
    List<LintFinding> f = PolicyLint.lint(p, List.of("mx1.example.com.", "backup.example.net"));
    LintFinding uncovered = only(f, LintCode.MX_HOST_NOT_COVERED);
    assertEquals(LintSeverity.ERROR, uncovered.severity());
    assertTrue(uncovered.message().contains("mx: backup.example.net"), uncovered.message());
    assertTrue(only(f, LintCode.MX_PATTERN_UNUSED).message().contains("old.example.org"));
    MtaStsPolicy testing = p.toBuilder().mode(Mode.TESTING).build();
    assertEquals(LintSeverity.WARNING,
        only(PolicyLint.lint(testing, List.of("backup.example.net")), LintCode.MX_HOST_NOT_COVERED).severity());
  }

  @Test
  void flagsExtensionsThatLookLikeFields() {
    MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: none\nMode: enforce\nmax_age: 86400\n");
    assertEquals(LintSeverity.WARNING, only(PolicyLint.lint(p), LintCode.EXTENSION_LOOKS_LIKE_FIELD).severity());
  }

  @Test
  void findingDescribesItself() {
    LintFinding f = new LintFinding(LintSeverity.INFO, LintCode.NONE_WITH_MX, "m");
    assertEquals("INFO NONE_WITH_MX: m", f.toString());
  }

  @Test
  void handlesTheLargestPoliciesTheParserAccepts() {
    StringBuilder sb = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\nmx: *.example\n");
    for (int i = 0; sb.length() < PolicyParser.DEFAULT_MAX_BYTES - 40; i++) {
      sb.append("mx: h").append(i % 3000).append(".example\n");
    }
    MtaStsPolicy p = MtaStsPolicy.parse(sb);
    List<LintFinding> f = PolicyLint.lint(p, List.of("h1.example", "mx.other.example"));
    assertEquals(p.mx().size() - 1, f.stream().filter(x -> x.code() == LintCode.SHADOWED_MX
        || x.code() == LintCode.DUPLICATE_MX).count());
  }
}
