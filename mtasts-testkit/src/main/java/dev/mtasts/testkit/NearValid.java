package dev.mtasts.testkit;

import java.util.Objects;

/**
 * A text one targeted mutation away from a valid one, labelled with the rule the mutation breaks.
 *
 * <p>Shrinking keeps the rule and makes the text small, so a failing property reports something
 * like {@code NearValid[rule=MODE_VALUE, text="version: STSv1\nmode: enforced\nmx: a.aa\nmax_age:
 * 0\n"]}.
 *
 * @param text the invalid text
 * @param rule the rule it breaks
 * @param validText the valid text it was made from, for a readable diff
 * @param <R> the rule type: {@link PolicyRule}, {@link StsRecordRule} or {@link TlsRptRecordRule}
 */
public record NearValid<R extends Enum<R> & BrokenRule>(String text, R rule, String validText) {
  /**
   * Validates the components.
   *
   * @param text the invalid text
   * @param rule the rule it breaks
   * @param validText the valid text it was made from
   */
  public NearValid {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(validText, "validText");
  }
}
