package dev.mtasts.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Valid RFC 8461 §3.2 policy files: their meaning, and every allowed way to write it. */
public final class PolicyTexts {
  /** The largest max_age the §3.2 prose allows. */
  public static final long MAX_AGE_LIMIT = 31_557_600L;

  private static final Set<String> REGISTERED = Set.of("version", "mode", "max_age", "mx");
  private static final String NAME_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String VALUE_VISIBLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
      + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "éüß日本";

  private PolicyTexts() {}

  /**
   * Returns policy meanings: any mode, a max_age spread over the whole range with its boundaries,
   * 1 to 4 patterns (0 to 2 for mode none) and 0 to 2 extensions.
   *
   * @return the model arbitrary
   */
  public static Arbitrary<PolicyModel> models() {
    return MODELS;
  }

  private static final Arbitrary<PolicyModel> MODELS = newModels();

  private static Arbitrary<PolicyModel> newModels() {
    Arbitrary<String> mode = Arbitraries.of("enforce", "testing", "none");
    Arbitrary<Long> maxAge =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(86_400L, 604_800L, 1_209_600L, 31_557_600L, 0L, 1L)),
            Tuple.of(3, Arbitraries.longs().between(0, MAX_AGE_LIMIT)));
    Arbitrary<List<String>> mx = Hosts.mxPattern().list().ofMinSize(0).ofMaxSize(4).uniqueElements();
    Arbitrary<List<PolicyModel.Field>> ext = extension().list().ofMinSize(0).ofMaxSize(2).uniqueElements(PolicyModel.Field::key);
    return Combinators.combine(mode, maxAge, mx, ext)
        .as(PolicyModel::new)
        .filter(m -> !m.mode().equals("none") ? !m.mx().isEmpty() : m.mx().size() <= 2);
  }

  /**
   * Returns well-formed extension fields whose key is not a registered key in any letter case.
   *
   * @return the field arbitrary
   */
  public static Arbitrary<PolicyModel.Field> extension() {
    return Combinators.combine(extensionName(), extensionValue()).as(PolicyModel.Field::new);
  }

  /**
   * Returns extension names per {@code sts-policy-ext-name}: 1 to 32 characters.
   *
   * @return the name arbitrary
   */
  public static Arbitrary<String> extensionName() {
    Arbitrary<Character> first = Arbitraries.of(NAME_FIRST.toCharArray());
    Arbitrary<String> rest = Arbitraries.strings().withChars(NAME_FIRST + "_-.").ofMinLength(0).ofMaxLength(31);
    return Combinators.combine(first, rest)
        .as((f, r) -> f + r)
        .filter(n -> !REGISTERED.contains(n.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns extension values per {@code sts-policy-ext-value}: visible characters (ASCII or
   * UTF-8) at both ends, spaces allowed inside.
   *
   * @return the value arbitrary
   */
  public static Arbitrary<String> extensionValue() {
    Arbitrary<Character> edge = Arbitraries.of(VALUE_VISIBLE.toCharArray());
    Arbitrary<String> inner = Arbitraries.strings().withChars(VALUE_VISIBLE + " ").ofMinLength(0).ofMaxLength(20);
    return Arbitraries.oneOf(
        edge.map(String::valueOf),
        Combinators.combine(edge, inner, edge).as((a, b, c) -> a + b + c),
        // A character outside the BMP (UTF8-4 in the ABNF): two UTF-16 chars, one code point.
        Combinators.combine(edge, edge).as((a, b) -> a + "\ud83d\ude00" + b));
  }

  /**
   * Returns the lines of the canonical text of the model: version, mode, mx lines, max_age, then
   * extensions, each {@code key: value} with the given terminator.
   *
   * @param m the model
   * @param end the terminator
   * @return the lines
   */
  public static List<PolicyLine> canonicalLines(PolicyModel m, String end) {
    List<PolicyLine> lines = new ArrayList<>();
    lines.add(new PolicyLine("version", " ", "STSv1", "", end));
    lines.add(new PolicyLine("mode", " ", m.mode(), "", end));
    for (String p : m.mx()) {
      lines.add(new PolicyLine("mx", " ", p, "", end));
    }
    lines.add(new PolicyLine("max_age", " ", Long.toString(m.maxAge()), "", end));
    for (PolicyModel.Field f : m.extensions()) {
      lines.add(new PolicyLine(f.key(), " ", f.value(), "", end));
    }
    return lines;
  }

  /**
   * Joins lines into text.
   *
   * @param lines the lines
   * @return the text
   */
  public static String join(List<PolicyLine> lines) {
    StringBuilder b = new StringBuilder();
    for (PolicyLine l : lines) {
      b.append(l.text());
    }
    return b.toString();
  }

  /**
   * Returns the lines of every allowed way of writing the model: fields in any order (mx lines
   * keeping their relative order), LF or CRLF per line, with or without a final terminator, any
   * SP/HTAB after the colon and after the value, max_age with leading zeros, mx in any letter
   * case, and ignored duplicates of version, mode and max_age after their first occurrence.
   *
   * @param m the model
   * @return the arbitrary of line lists
   */
  public static Arbitrary<List<PolicyLine>> writtenLines(PolicyModel m) {
    List<PolicyLine> base = canonicalLines(m, "\n");
    int n = base.size();
    Arbitrary<List<Integer>> order = Arbitraries.shuffle(range(n));
    Arbitrary<List<String>> afterColon = whitespace(0, 3).list().ofSize(n);
    Arbitrary<List<String>> trailing = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(1, whitespace(1, 2)))
        .list().ofSize(n);
    Arbitrary<List<String>> ends = Arbitraries.of("\n", "\r\n").list().ofSize(n);
    Arbitrary<Boolean> finalEnd = Arbitraries.of(true, false);
    Arbitrary<Integer> zeros = Arbitraries.integers().between(0, 9);
    Arbitrary<List<PolicyLine>> dups = duplicate().list().ofMinSize(0).ofMaxSize(2);
    Arbitrary<List<Integer>> dupSlots = Arbitraries.integers().between(0, 1000).list().ofSize(2);
    Arbitrary<List<String>> mxCase =
        m.mx().isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(caseVariants(m.mx())).as(l -> l);
    return Combinators.combine(order, afterColon, trailing, ends, finalEnd, zeros, dups, dupSlots)
        .as(
            (ord, ac, tr, en, fin, z, dp, slots) -> {
              // mx and extension lines keep their model order (both are lists in file order):
              // they fill the mx and extension slots of the shuffle in turn.
              List<PolicyLine> mxOrdered = new ArrayList<>();
              List<PolicyLine> extOrdered = new ArrayList<>();
              for (PolicyLine l : base) {
                if (l.key().equals("mx")) {
                  mxOrdered.add(l);
                } else if (!REGISTERED.contains(l.key())) {
                  extOrdered.add(l);
                }
              }
              List<PolicyLine> out = new ArrayList<>();
              int mxNext = 0;
              int extNext = 0;
              for (int i = 0; i < n; i++) {
                PolicyLine l = base.get(ord.get(i));
                if (l.key().equals("mx")) {
                  l = mxOrdered.get(mxNext++);
                } else if (!REGISTERED.contains(l.key())) {
                  l = extOrdered.get(extNext++);
                }
                String value = l.key().equals("max_age") ? pad(l.value(), z) : l.value();
                out.add(new PolicyLine(l.key(), ac.get(i), value, tr.get(i), en.get(i)));
              }
              for (int d = 0; d < dp.size(); d++) {
                PolicyLine dup = dp.get(d);
                int first = indexOfKey(out, dup.key());
                int slot = first + 1 + slots.get(d) % (out.size() - first);
                out.add(slot, dup);
              }
              if (!fin) {
                out.set(out.size() - 1, out.get(out.size() - 1).withEnd(""));
              }
              return out;
            })
        .flatMap(lines -> Combinators.combine(Arbitraries.just(lines), mxCase).as(PolicyTexts::applyMxCase))
        // Edge cases of this many combined parts are costly to enumerate and add nothing here.
        .withoutEdgeCases();
  }

  private static List<PolicyLine> applyMxCase(List<PolicyLine> lines, List<String> cased) {
    List<PolicyLine> out = new ArrayList<>(lines);
    int k = 0;
    for (int i = 0; i < out.size() && k < cased.size(); i++) {
      if (out.get(i).key().equals("mx")) {
        out.set(i, out.get(i).withValue(cased.get(k++)));
      }
    }
    return out;
  }

  private static List<Arbitrary<String>> caseVariants(List<String> names) {
    List<Arbitrary<String>> list = new ArrayList<>();
    for (String n : names) {
      list.add(Hosts.caseVariant(n));
    }
    return list;
  }

  private static int indexOfKey(List<PolicyLine> lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException("no " + key + " line");
  }

  private static String pad(String digits, int zeros) {
    int room = Math.max(0, Math.min(zeros, 10 - digits.length()));
    return "0".repeat(room) + digits;
  }

  // A later occurrence of version, mode or max_age: §3.2 says it is ignored whatever its value,
  // including values that would be invalid in the first occurrence (RFC 8461 §3.2: "all entries except for the first SHALL be ignored").
  private static Arbitrary<PolicyLine> duplicate() {
    Arbitrary<PolicyLine> version = Arbitraries.of("STSv1", "STSv2").map(v -> new PolicyLine("version", " ", v, "", "\n"));
    Arbitrary<PolicyLine> mode = Arbitraries.of("testing", "enforce", "none", "enforced")
        .map(v -> new PolicyLine("mode", " ", v, "", "\n"));
    Arbitrary<PolicyLine> maxAge = Arbitraries.of("86400", "0", "31557601")
        .map(v -> new PolicyLine("max_age", " ", v, "", "\n"));
    return Arbitraries.oneOf(version, mode, maxAge);
  }

  /**
   * Returns between {@code min} and {@code max} SP/HTAB characters.
   *
   * @param min fewest characters
   * @param max most characters
   * @return the whitespace arbitrary
   */
  public static Arbitrary<String> whitespace(int min, int max) {
    return Arbitraries.strings().withChars(" \t").ofMinLength(min).ofMaxLength(max);
  }

  private static List<Integer> range(int n) {
    List<Integer> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      r.add(i);
    }
    return r;
  }
}
