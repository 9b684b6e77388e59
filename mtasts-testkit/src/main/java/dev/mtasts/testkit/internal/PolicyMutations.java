package dev.mtasts.testkit.internal;

import dev.mtasts.testkit.NearValid;
import dev.mtasts.testkit.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** One targeted mutation of a valid policy file per {@link PolicyRule}. */
public final class PolicyMutations {
  private static final String[] CONTROLS = {"\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f"};

  private PolicyMutations() {}

  /**
   * Returns near-valid policy texts for every rule.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NearValid<PolicyRule>> nearValid() {
    return ALL;
  }

  private static final Arbitrary<NearValid<PolicyRule>> ALL = Combinators.combine(Arbitraries.of(PolicyRule.class),
          PolicyTexts.models().flatMap(PolicyTexts::writtenLines))
      .as(Tuple::of)
      // Removing the mx lines of a mode none policy leaves it valid: MISSING_MX needs testing or enforce.
      .filter(t -> t.get1() != PolicyRule.MISSING_MX || !firstValue(t.get2(), "mode").equals("none"))
      .flatMap(t -> mutate(t.get1(), t.get2()).withoutEdgeCases()
          .map(text -> new NearValid<>(text, t.get1(), PolicyTexts.join(t.get2()))));

  /**
   * Returns near-valid policy texts that break the given rule.
   *
   * @param rule the rule
   * @return the arbitrary
   */
  public static Arbitrary<NearValid<PolicyRule>> nearValid(PolicyRule rule) {
    Arbitrary<PolicyModel> models = PolicyTexts.models();
    if (rule == PolicyRule.MISSING_MX) {
      models = models.filter(m -> !m.mode().equals("none"));
    }
    return models
        .flatMap(PolicyTexts::writtenLines)
        .flatMap(lines -> mutate(rule, lines).withoutEdgeCases().map(t -> new NearValid<>(t, rule, PolicyTexts.join(lines))));
  }

  private static Arbitrary<String> mutate(PolicyRule rule, List<PolicyLine> lines) {
    Arbitrary<Integer> anyLine = Arbitraries.integers().between(0, lines.size() - 1);
    switch (rule) {
      case BYTE_ORDER_MARK:
        return Arbitraries.just("\ufeff" + PolicyTexts.join(lines));
      case BARE_CR_LINE_ENDS:
        return Arbitraries.just(PolicyTexts.join(mapEnds(lines, "\r")));
      case BLANK_LINE:
        return Combinators.combine(Arbitraries.integers().between(0, lines.size()), Arbitraries.of("\n", "\r\n", " \n", "\t\r\n"))
            .as((at, blank) -> insertRaw(withTerminatedLast(lines), at, blank));
      case LEADING_WHITESPACE:
        return Combinators.combine(anyLine, PolicyTexts.whitespace(1, 2))
            .as((i, ws) -> replaceRaw(lines, i, ws + lines.get(i).text()));
      case WHITESPACE_BEFORE_COLON:
        return Combinators.combine(anyLine, PolicyTexts.whitespace(1, 2))
            .as((i, ws) -> replace(lines, i, lines.get(i).withKey(lines.get(i).key() + ws)));
      case MISSING_COLON:
        // Only lines whose value has no colon: "key a:b" would just move the colon.
        return anyLine.filter(i -> lines.get(i).value().indexOf(':') < 0).map(i -> {
          PolicyLine l = lines.get(i);
          return replaceRaw(lines, i, l.key() + " " + l.value() + l.trailing() + l.end());
        });
      case REGISTERED_KEY_CASE:
        return Arbitraries.of("version", "mode", "max_age").flatMap(key -> Arbitraries.of(capitalized(key), key.toUpperCase(Locale.ROOT))
            .map(bad -> PolicyTexts.join(renameAll(lines, key, bad))));
      case INVALID_KEY:
        return Combinators.combine(Arbitraries.of("_", "-", ".", "#", "x y"), PolicyTexts.extension(), anyLine)
            .as((prefix, f, i) -> insert(lines, i, new PolicyLine(prefix + f.key(), " ", f.value(), "", "\n")));
      case KEY_TOO_LONG:
        return Combinators.combine(PolicyTexts.extension(), anyLine)
            .as((f, i) -> insert(lines, i, new PolicyLine(f.key() + "x".repeat(Math.max(1, 33 - f.key().length())), " ", f.value(), "", "\n")));
      case CONTROL_CHARACTER:
        return Combinators.combine(anyLine, Arbitraries.of(CONTROLS), Arbitraries.integers().between(0, 1000))
            .as((i, c, at) -> {
              String v = lines.get(i).value();
              int pos = 1 + at % Math.max(1, v.length());
              return replace(lines, i, lines.get(i).withValue(v.substring(0, Math.min(pos, v.length())) + c + v.substring(Math.min(pos, v.length()))));
            });
      case EMPTY_VALUE:
        return anyLine.map(i -> replace(lines, i, new PolicyLine(lines.get(i).key(), "", "", "", lines.get(i).end())));
      case TAB_IN_EXTENSION_VALUE:
        return Combinators.combine(PolicyTexts.extension(), PolicyTexts.extensionValue(), anyLine)
            .as((f, tail, i) -> insert(lines, i, new PolicyLine(f.key(), " ", f.value() + "\t" + tail, "", "\n")));
      case VERSION_VALUE:
        return Arbitraries.of("STSv2", "STSv10", "stsv1", "STSV1", "STSv1.0", "STSv0", "STS v1")
            .map(v -> replaceFirstValue(lines, "version", v));
      case MODE_VALUE:
        return Arbitraries.of("enforced", "Enforce", "ENFORCE", "Testing", "report", "test", "None", "off")
            .map(v -> replaceFirstValue(lines, "mode", v));
      case MAX_AGE_NOT_DIGITS:
        return Arbitraries.of("+5", "-1", "1e3", "5.0", "abc", "86 400", "0x10", "604800s", "\uff11")
            .map(v -> replaceFirstValue(lines, "max_age", v));
      case MAX_AGE_TOO_MANY_DIGITS:
        return Arbitraries.oneOf(Arbitraries.just("00000604800"), Arbitraries.longs().between(10_000_000_000L, 99_999_999_999_999L).map(String::valueOf))
            .map(v -> replaceFirstValue(lines, "max_age", v));
      case MAX_AGE_ABOVE_LIMIT:
        return Arbitraries.longs().between(PolicyTexts.MAX_AGE_LIMIT + 1, 9_999_999_999L)
            .edgeCases(c -> c.includeOnly(PolicyTexts.MAX_AGE_LIMIT + 1, 9_999_999_999L))
            .map(v -> replaceFirstValue(lines, "max_age", Long.toString(v)));
      case MX_MISPLACED_WILDCARD:
        return Hosts.hostname(4).flatMap(h -> Arbitraries.of("*", "*.", "*." + "*." + h, "**." + h, "*" + h, label0(h) + ".*." + rest(h), h + ".*", "*-" + h))
            .flatMap(v -> withMx(lines, v));
      case MX_TRAILING_DOT:
        return trailingDot(lines);
      case MX_U_LABEL:
        return Combinators.combine(Arbitraries.of("møx", "bücher", "mail", "日本"), Arbitraries.of("exämple", "example", "例え"), Hosts.tld())
            .as((a, b, t) -> a + "." + b + "." + t)
            .filter(h -> !h.chars().allMatch(c -> c < 128))
            .flatMap(v -> withMx(lines, v));
      case MX_IP_ADDRESS:
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
            .map(o -> o.get(0) + "." + o.get(1) + "." + o.get(2) + "." + o.get(3))
            .flatMap(v -> withMx(lines, v));
      case MX_BAD_LABEL:
        return Hosts.hostname(70).flatMap(h -> Arbitraries.of("-" + h, "mx-." + h, "m_x." + h, "mx.." + h, "." + h, "a".repeat(64) + "." + h, "mx" + " " + h))
            .flatMap(v -> withMx(lines, v));
      case MISSING_VERSION:
        return Arbitraries.just(PolicyTexts.join(removeAll(lines, "version")));
      case MISSING_MODE:
        return Arbitraries.just(PolicyTexts.join(removeAll(lines, "mode")));
      case MISSING_MAX_AGE:
        return Arbitraries.just(PolicyTexts.join(removeAll(lines, "max_age")));
      case MISSING_MX:
        return Arbitraries.just(PolicyTexts.join(removeAll(lines, "mx")));
      default:
        throw new IllegalStateException("no mutation for " + rule);
    }
  }

  private static String firstValue(List<PolicyLine> lines, String key) {
    for (PolicyLine l : lines) {
      if (l.key().equals(key)) {
        return l.value();
      }
    }
    return "";
  }

  private static String label0(String host) {
    return host.substring(0, host.indexOf('.'));
  }

  private static String rest(String host) {
    return host.substring(host.indexOf('.') + 1);
  }

  private static String capitalized(String key) {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  // Appends the root dot to a random mx value; a policy without mx lines (mode none) gets one.
  private static Arbitrary<String> trailingDot(List<PolicyLine> lines) {
    List<Integer> mxLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).key().equals("mx")) {
        mxLines.add(i);
      }
    }
    if (mxLines.isEmpty()) {
      return Hosts.hostname(1).flatMap(h -> withMx(lines, h + "."));
    }
    return Arbitraries.of(mxLines).map(i -> replace(lines, i, lines.get(i).withValue(lines.get(i).value() + ".")));
  }

  // Replaces the value of a random mx line, or adds an mx line when the policy has none (mode none).
  private static Arbitrary<String> withMx(List<PolicyLine> lines, String badValue) {
    List<Integer> mxLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).key().equals("mx")) {
        mxLines.add(i);
      }
    }
    if (mxLines.isEmpty()) {
      return Arbitraries.integers().between(0, lines.size())
          .map(i -> insert(lines, i, new PolicyLine("mx", " ", badValue, "", "\n")));
    }
    return Arbitraries.of(mxLines).map(i -> replace(lines, i, lines.get(i).withValue(badValue)));
  }

  private static String replaceFirstValue(List<PolicyLine> lines, String key, String value) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).key().equals(key)) {
        return replace(lines, i, lines.get(i).withValue(value));
      }
    }
    throw new IllegalStateException("no " + key + " line");
  }

  private static List<PolicyLine> renameAll(List<PolicyLine> lines, String key, String newKey) {
    List<PolicyLine> out = new ArrayList<>();
    for (PolicyLine l : lines) {
      out.add(l.key().equals(key) ? l.withKey(newKey) : l);
    }
    return out;
  }

  private static List<PolicyLine> removeAll(List<PolicyLine> lines, String key) {
    List<PolicyLine> out = new ArrayList<>();
    for (PolicyLine l : lines) {
      if (!l.key().equals(key)) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<PolicyLine> mapEnds(List<PolicyLine> lines, String end) {
    List<PolicyLine> out = new ArrayList<>();
    for (PolicyLine l : lines) {
      out.add(l.end().isEmpty() ? l : l.withEnd(end));
    }
    return out;
  }

  private static List<PolicyLine> withTerminatedLast(List<PolicyLine> lines) {
    List<PolicyLine> out = new ArrayList<>(lines);
    PolicyLine last = out.get(out.size() - 1);
    if (last.end().isEmpty()) {
      out.set(out.size() - 1, last.withEnd("\n"));
    }
    return out;
  }

  private static String replace(List<PolicyLine> lines, int index, PolicyLine line) {
    List<PolicyLine> out = new ArrayList<>(lines);
    out.set(index, line);
    return PolicyTexts.join(out);
  }

  private static String replaceRaw(List<PolicyLine> lines, int index, String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == index ? raw : lines.get(i).text());
    }
    return b.toString();
  }

  // Inserts a line; a line added after an unterminated last line gets the terminator moved onto it.
  private static String insert(List<PolicyLine> lines, int index, PolicyLine line) {
    List<PolicyLine> out = withTerminatedLast(lines);
    out.add(Math.min(index, out.size()), line);
    if (lines.get(lines.size() - 1).end().isEmpty()) {
      out.set(out.size() - 1, out.get(out.size() - 1).withEnd(""));
    }
    return PolicyTexts.join(out);
  }

  private static String insertRaw(List<PolicyLine> lines, int index, String raw) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= lines.size(); i++) {
      if (i == index) {
        b.append(raw);
      }
      if (i < lines.size()) {
        b.append(lines.get(i).text());
      }
    }
    return b.toString();
  }
}
