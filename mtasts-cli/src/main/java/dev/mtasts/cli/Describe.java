package dev.mtasts.cli;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.tlsrpt.TriageClass;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/** Short human descriptions shared by the commands' text output. */
final class Describe {
  private Describe() {}

  /** Returns {@code mode testing, 2 mx patterns, max_age 604800 = 7 days}. */
  static String policy(MtaStsPolicy policy) {
    int n = policy.mx().size();
    return "mode " + policy.mode().wireName() + ", " + n + " mx pattern" + (n == 1 ? "" : "s")
        + ", max_age " + policy.maxAge() + " = " + duration(Duration.ofSeconds(policy.maxAge()));
  }

  /** Returns a duration in the largest whole unit that fits: {@code 7 days}, {@code 3 hours}, {@code 90 seconds}. */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s != 0 && s % 86_400 == 0) {
      return plural(s / 86_400, "day");
    }
    if (s != 0 && s % 3_600 == 0) {
      return plural(s / 3_600, "hour");
    }
    if (s != 0 && s % 60 == 0) {
      return plural(s / 60, "minute");
    }
    if (s >= 86_400) {
      return String.format(Locale.ROOT, "%.1f days", s / 86_400.0);
    }
    return plural(s, "second");
  }

  /** Returns what to do about a triage class, in the playbook's words. */
  static String triage(TriageClass triage) {
    return switch (triage) {
      case FIX_OUR_SIDE -> "fix on our side (our own MX hosts)";
      case FIX_POLICY_HOSTING -> "fix the policy hosting (enforce would not take effect)";
      case FIX_WITH_SENDER -> "fix with that sender (one you know) before enforcing";
      case USUALLY_SAFE_TO_IGNORE -> "usually safe to ignore";
      case INVESTIGATE -> "investigate";
    };
  }

  /** Returns days as ranges of consecutive days: {@code 2026-10-20 to 2026-10-23, 2026-10-27 (5 days)}. */
  static String days(SortedSet<LocalDate> days) {
    if (days.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    LocalDate start = null;
    LocalDate prev = null;
    for (LocalDate d : days) {
      if (prev != null && !d.equals(prev.plusDays(1))) {
        parts.add(range(start, prev));
        start = d;
      } else if (start == null) {
        start = d;
      }
      prev = d;
    }
    parts.add(range(start, prev));
    return String.join(", ", parts) + " (" + plural(days.size(), "day") + ")";
  }

  private static String range(@Nullable LocalDate from, @Nullable LocalDate to) {
    return Objects.equals(from, to) ? String.valueOf(from) : from + " to " + to;
  }

  static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
