package dev.mtasts.lifecycle.internal;

import dev.mtasts.lifecycle.ServedPolicy;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The consistency rules of a publication history, shared by the model and the JSON reader. */
public final class HistoryRules {
  private HistoryRules() {}

  /**
   * A broken rule.
   *
   * @param index the index of the offending entry
   * @param message what is wrong and how to fix it
   */
  public record Problem(int index, String message) {}

  /**
   * Returns the first rule the entries break, or {@code null}.
   *
   * <p>Entries are in serving order: each starts no earlier than the previous one stopped
   * (one file is served at a time), and only the last may still be served.
   *
   * @param entries the entries in order
   * @return the problem, or {@code null} when the list is consistent
   */
  public static @Nullable Problem firstProblem(List<ServedPolicy> entries) {
    for (int i = 1; i < entries.size(); i++) {
      ServedPolicy previous = entries.get(i - 1);
      ServedPolicy next = entries.get(i);
      Instant prevUntil = previous.until();
      if (prevUntil == null) {
        return new Problem(i - 1, "policy " + previous.id().value() + " is still served (no"
            + " \"until\") but policy " + next.id().value() + " follows it; give it the instant it"
            + " stopped being served");
      }
      if (next.from().isBefore(prevUntil)) {
        return new Problem(i, "policy " + next.id().value() + " starts at " + next.from()
            + ", before policy " + previous.id().value() + " stopped at " + prevUntil
            + "; entries must be in serving order");
      }
    }
    return null;
  }
}
