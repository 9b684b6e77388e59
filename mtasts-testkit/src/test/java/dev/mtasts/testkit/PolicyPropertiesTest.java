package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.LineEnding;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.PolicyErrorCode;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The policy parser and serializer of mtasts-policy, exercised through the testkit's arbitraries.
 * These live here, not in mtasts-policy, because the testkit depends on the library modules and
 * Maven refuses a reactor cycle even through test scope.
 */
final class PolicyPropertiesTest {
  // Which error codes a strict parser may report for each broken rule: the most specific code, and
  // the generic one where a reasonable parser could see the problem first in another way.
  private static final Map<PolicyRule, Set<PolicyErrorCode>> CODES = new EnumMap<>(PolicyRule.class);

  static {
    CODES.put(PolicyRule.BYTE_ORDER_MARK, EnumSet.of(PolicyErrorCode.BYTE_ORDER_MARK));
    CODES.put(PolicyRule.BARE_CR_LINE_ENDS, EnumSet.of(PolicyErrorCode.BARE_CR));
    CODES.put(PolicyRule.BLANK_LINE, EnumSet.of(PolicyErrorCode.BLANK_LINE));
    CODES.put(PolicyRule.LEADING_WHITESPACE, EnumSet.of(PolicyErrorCode.LEADING_WHITESPACE));
    CODES.put(PolicyRule.WHITESPACE_BEFORE_COLON, EnumSet.of(PolicyErrorCode.WHITESPACE_BEFORE_COLON));
    CODES.put(PolicyRule.MISSING_COLON, EnumSet.of(PolicyErrorCode.MISSING_COLON));
    CODES.put(PolicyRule.REGISTERED_KEY_CASE, EnumSet.of(PolicyErrorCode.KEY_CASE,
        PolicyErrorCode.MISSING_VERSION, PolicyErrorCode.MISSING_MODE, PolicyErrorCode.MISSING_MAX_AGE));
    CODES.put(PolicyRule.INVALID_KEY, EnumSet.of(PolicyErrorCode.INVALID_KEY, PolicyErrorCode.MISSING_COLON));
    CODES.put(PolicyRule.KEY_TOO_LONG, EnumSet.of(PolicyErrorCode.KEY_TOO_LONG));
    CODES.put(PolicyRule.CONTROL_CHARACTER, EnumSet.of(PolicyErrorCode.INVALID_CHARACTER));
    CODES.put(PolicyRule.EMPTY_VALUE, EnumSet.of(PolicyErrorCode.EMPTY_VALUE));
    CODES.put(PolicyRule.TAB_IN_EXTENSION_VALUE, EnumSet.of(PolicyErrorCode.INVALID_VALUE));
    CODES.put(PolicyRule.VERSION_VALUE, EnumSet.of(PolicyErrorCode.INVALID_VERSION));
    CODES.put(PolicyRule.MODE_VALUE, EnumSet.of(PolicyErrorCode.INVALID_MODE));
    CODES.put(PolicyRule.MAX_AGE_NOT_DIGITS, EnumSet.of(PolicyErrorCode.INVALID_MAX_AGE));
    CODES.put(PolicyRule.MAX_AGE_TOO_MANY_DIGITS, EnumSet.of(PolicyErrorCode.MAX_AGE_TOO_LONG));
    CODES.put(PolicyRule.MAX_AGE_ABOVE_LIMIT, EnumSet.of(PolicyErrorCode.MAX_AGE_OUT_OF_RANGE));
    CODES.put(PolicyRule.MX_MISPLACED_WILDCARD, EnumSet.of(PolicyErrorCode.MX_WILDCARD, PolicyErrorCode.INVALID_MX));
    CODES.put(PolicyRule.MX_TRAILING_DOT, EnumSet.of(PolicyErrorCode.MX_TRAILING_DOT));
    CODES.put(PolicyRule.MX_U_LABEL, EnumSet.of(PolicyErrorCode.MX_U_LABEL));
    CODES.put(PolicyRule.MX_IP_ADDRESS, EnumSet.of(PolicyErrorCode.MX_IP_ADDRESS));
    CODES.put(PolicyRule.MX_BAD_LABEL, EnumSet.of(PolicyErrorCode.INVALID_MX));
    CODES.put(PolicyRule.MISSING_VERSION, EnumSet.of(PolicyErrorCode.MISSING_VERSION));
    CODES.put(PolicyRule.MISSING_MODE, EnumSet.of(PolicyErrorCode.MISSING_MODE));
    CODES.put(PolicyRule.MISSING_MAX_AGE, EnumSet.of(PolicyErrorCode.MISSING_MAX_AGE));
    CODES.put(PolicyRule.MISSING_MX, EnumSet.of(PolicyErrorCode.MISSING_MX));
  }

  @Provide
  Arbitrary<MtaStsPolicy> policies() {
    return MtaStsArbitraries.policies();
  }

  @Provide
  Arbitrary<Written<MtaStsPolicy>> texts() {
    return MtaStsArbitraries.policyTexts();
  }

  @Provide
  Arbitrary<NearValid<PolicyRule>> nearValid() {
    return MtaStsArbitraries.nearValidPolicyTexts();
  }

  @Property
  void canonicalTextParsesBackEqual(@ForAll("policies") MtaStsPolicy policy) {
    assertEquals(policy, MtaStsPolicy.parse(policy.toText()));
    assertEquals(policy, MtaStsPolicy.parse(policy.toText(LineEnding.LF)));
  }

  @Property
  void canonicalTextIsAFixedPoint(@ForAll("policies") MtaStsPolicy policy) {
    String text = policy.toText();
    assertEquals(text, MtaStsPolicy.parse(text).toText());
  }

  @Property
  void everyAllowedWayOfWritingAPolicyParsesToIt(@ForAll("texts") Written<MtaStsPolicy> written) {
    assertEquals(written.value(), MtaStsPolicy.parse(written.text()));
    assertEquals(written.value(), MtaStsPolicy.parse(written.text().getBytes(StandardCharsets.UTF_8)));
  }

  @Property
  void lenientParserReadsValidTextsAsTheStrictOneDoes(@ForAll("texts") Written<MtaStsPolicy> written) {
    assertEquals(written.value(), PolicyParser.lenient().parse(written.text()).value());
  }

  @Property
  void strictParserRefusesEveryNearValidTextWithTheCodeOfTheBrokenRule(@ForAll("nearValid") NearValid<PolicyRule> c) {
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> MtaStsPolicy.parse(c.text()),
        () -> "accepted, but breaks: " + c.rule().description());
    assertTrue(CODES.get(c.rule()).contains(e.code()), () -> c.rule() + " reported as " + e.code() + ": " + e.getMessage());
    assertTrue(e.line() >= 1 && e.column() >= 1, () -> "position " + e.line() + ":" + e.column());
  }

  // Deviations the lenient parser tolerates (issue 3, PolicyErrorCode): it reads the policy the
  // text was one mutation away from, and says what it tolerated.
  private static final Set<PolicyRule> TOLERATED = EnumSet.of(PolicyRule.BYTE_ORDER_MARK,
      PolicyRule.BARE_CR_LINE_ENDS, PolicyRule.BLANK_LINE, PolicyRule.LEADING_WHITESPACE,
      PolicyRule.WHITESPACE_BEFORE_COLON, PolicyRule.REGISTERED_KEY_CASE);

  @Provide
  Arbitrary<NearValid<PolicyRule>> tolerated() {
    return Arbitraries.of(TOLERATED).flatMap(MtaStsArbitraries::nearValidPolicyTexts);
  }

  @Property
  void lenientParserReadsToleratedDeviationsAsTheValidTextWithAWarning(@ForAll("tolerated") NearValid<PolicyRule> c) {
    ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(c.text());
    assertEquals(MtaStsPolicy.parse(c.validText()), r.value());
    assertFalse(r.warnings().isEmpty(), "a warning names the tolerated deviation");
  }

  @Property
  void lenientParserNeverThrowsAnythingButTheDocumentedException(@ForAll("nearValid") NearValid<PolicyRule> c) {
    try {
      PolicyParser.lenient().parse(c.text());
    } catch (PolicyParseException expected) {
      assertFalse(expected.getMessage().isEmpty());
    }
  }
}
