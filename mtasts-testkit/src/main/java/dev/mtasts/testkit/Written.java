package dev.mtasts.testkit;

import java.util.Objects;

/**
 * A text together with the value it means: parsing {@code text} must give {@code value}.
 *
 * <pre>{@code
 * @Property
 * void parsesEveryWayOfWritingAPolicy(@ForAll("texts") Written<MtaStsPolicy> written) {
 *   assertEquals(written.value(), MtaStsPolicy.parse(written.text()));
 * }
 *
 * @Provide
 * Arbitrary<Written<MtaStsPolicy>> texts() {
 *   return MtaStsArbitraries.policyTexts();
 * }
 * }</pre>
 *
 * @param text the text, exactly as it would be served or published
 * @param value the value the text means
 * @param <T> the value type
 */
public record Written<T>(String text, T value) {
  /**
   * Validates the components.
   *
   * @param text the text
   * @param value the value
   */
  public Written {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
  }
}
