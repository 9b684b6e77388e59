package dev.mtasts.benchmarks.baseline;

import java.util.List;
import java.util.Map;

/**
 * The policy as the baseline parser sees it: plain strings and a map of the other fields.
 *
 * @param version the {@code version} value
 * @param mode the {@code mode} value
 * @param maxAge the {@code max_age} value in seconds
 * @param mx the {@code mx} patterns in file order
 * @param extensions the other fields, in file order
 */
public record BaselinePolicy(
    String version, String mode, long maxAge, List<String> mx, Map<String, String> extensions) {

  /**
   * Copies the lists, as every value type of the project does.
   *
   * @param version the {@code version} value
   * @param mode the {@code mode} value
   * @param maxAge the {@code max_age} value in seconds
   * @param mx the {@code mx} patterns in file order
   * @param extensions the other fields, in file order
   */
  public BaselinePolicy {
    mx = List.copyOf(mx);
  }
}
