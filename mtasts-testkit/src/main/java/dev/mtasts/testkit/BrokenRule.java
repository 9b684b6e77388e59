package dev.mtasts.testkit;

/** A grammar or validity rule that a {@link NearValid} text breaks. */
public interface BrokenRule {
  /**
   * Returns what the rule demands, with the RFC section it comes from.
   *
   * @return for example {@code "mode is exactly testing, enforce or none (RFC 8461 §3.2)"}
   */
  String description();
}
