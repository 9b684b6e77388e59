package dev.mtasts.policy;

/** How much a {@link LintFinding} matters; independent of validity (a linted policy is valid). */
public enum LintSeverity {
  /** Mail will be refused or the policy defeats its own purpose; fix before publishing. */
  ERROR,
  /** Probably a mistake or a weaker setting than intended. */
  WARNING,
  /** Worth knowing; often deliberate. */
  INFO
}
