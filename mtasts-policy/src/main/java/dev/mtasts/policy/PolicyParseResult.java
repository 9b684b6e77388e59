package dev.mtasts.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed policy together with the deviations the parser tolerated.
 *
 * @param policy the policy
 * @param warnings the tolerated deviations in document order; empty for a clean file
 */
public record PolicyParseResult(MtaStsPolicy policy, List<PolicyWarning> warnings) {
  /**
   * Validates and copies the components.
   *
   * @param policy the policy
   * @param warnings the warnings
   */
  public PolicyParseResult {
    Objects.requireNonNull(policy, "policy");
    warnings = List.copyOf(warnings);
  }
}
