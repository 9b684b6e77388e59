package dev.mtasts.testkit.internal;

import java.util.List;

/**
 * What a generated policy file means, independent of the library's value types: the mode token,
 * max_age, the {@code mx} values in order (lower case) and the extension fields in order.
 *
 * @param mode {@code testing}, {@code enforce} or {@code none}
 * @param maxAge seconds, 0 to 31557600
 * @param mx the {@code mx} values
 * @param extensions the extension fields
 */
public record PolicyModel(String mode, long maxAge, List<String> mx, List<Field> extensions) {
  /**
   * Copies the lists.
   *
   * @param mode the mode token
   * @param maxAge the max_age
   * @param mx the patterns
   * @param extensions the extensions
   */
  public PolicyModel {
    mx = List.copyOf(mx);
    extensions = List.copyOf(extensions);
  }

  /**
   * One {@code key: value} field.
   *
   * @param key the key
   * @param value the value, without surrounding whitespace
   */
  public record Field(String key, String value) {}
}
