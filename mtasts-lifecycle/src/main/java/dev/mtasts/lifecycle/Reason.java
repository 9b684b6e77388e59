package dev.mtasts.lifecycle;

import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.ProblemCode;
import dev.mtasts.tlsrpt.FailureGroup;
import dev.mtasts.tlsrpt.ResultType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a plan was refused, why a domain is not ready to enforce, or what deserves a look: a typed
 * value with a stable {@link Code} and a message a person can act on. Tools switch on
 * {@link #code()} or on the record type to reach the data (missing days, failure groups, hosts).
 */
public sealed interface Reason
    permits Reason.General, Reason.MissingDays, Reason.Failures, Reason.UncoveredMxHosts {

  /**
   * Returns the stable code.
   *
   * @return the code
   */
  Code code();

  /**
   * Returns the message for a person: what was found and what to do.
   *
   * @return the message
   */
  String message();

  /** Stable codes of reasons; {@link #id()} gives the form used in logs and tool output. */
  enum Code implements ProblemCode {
    /** The requested move is not a lifecycle transition from the current state. */
    NOT_A_TRANSITION,
    /** The target is what is already published. */
    NOTHING_TO_CHANGE,
    /** Mode testing has not been published for the whole readiness window. */
    TESTING_TOO_SHORT,
    /** No valid TLS-RPT record with at least one {@code rua} is published (RFC 8460 §3). */
    TLSRPT_RECORD_MISSING,
    /** Some UTC days of the readiness window have no report at all (a warning). */
    REPORT_DAYS_MISSING,
    /** Fewer days of the window than required have reported sessions. */
    TOO_FEW_DAYS_WITH_SESSIONS,
    /** No report covers the last days of the window: reports may have stopped arriving. */
    NO_RECENT_REPORTS,
    /** The reports of the window count no session at all: silence is not evidence. */
    NO_SESSIONS,
    /** Some days of the window have reports but no session. */
    DAYS_WITHOUT_SESSIONS,
    /** No session of the window was reported under an MTA-STS policy: senders do not apply it. */
    NO_STS_SESSIONS,
    /** Certificate failures on the domain's own MX hosts: fix them before enforcing. */
    OUR_SIDE_FAILURES,
    /**
     * Senders could not fetch or validate the policy: fix the policy hosting; an enforce policy
     * would not take effect.
     */
    POLICY_HOSTING_FAILURES,
    /** Failures from a sender the owner knows (a partner, an own relay): fix them with it. */
    KNOWN_SENDER_FAILURES,
    /** More failed sessions not classed as safe to ignore than the threshold allows. */
    TOO_MANY_FAILURES,
    /** Failures the triage marks as usually safe to ignore. */
    IGNORABLE_FAILURES,
    /** Failures the triage cannot classify: look at them. */
    FAILURES_TO_INVESTIGATE,
    /** The domain's MX hosts were not given, so coverage by the policy cannot be checked. */
    MX_HOSTS_UNKNOWN,
    /** Some MX hosts of the domain match no {@code mx} pattern of the policy (RFC 8461 §4.1). */
    MX_NOT_COVERED,
    /** An enforce policy with a {@code max_age} below the recommended minimum (RFC 8461 §10.2). */
    SHORT_MAX_AGE,
    /** The share of failed sessions in the window is above the configured threshold. */
    HIGH_FAILURE_RATE,
    /** Senders may apply a cached policy long after a deletion. */
    CACHED_POLICIES_FAR_OFF,
    /**
     * No publication history was kept: policies served before the current one, possibly with a
     * longer {@code max_age}, are unknown.
     */
    HISTORY_UNKNOWN,
    /**
     * A mode none policy with {@code max_age} above one day (RFC 8461 §8.3 suggests 86400): senders
     * may cache it that long, which stretches the wait of a later deletion.
     */
    NONE_MAX_AGE_ABOVE_ONE_DAY,
    /** A mode none policy that still lists {@code mx} patterns; the documented turn-off has none. */
    NONE_WITH_MX;
  }

  /**
   * A reason described by its code and message alone.
   *
   * @param code the code
   * @param message the message
   */
  record General(Code code, String message) implements Reason {
    /**
     * Validates the components.
     *
     * @param code the code
     * @param message the message
     */
    public General {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * UTC days of the readiness window for which no TLS-RPT report arrived.
   *
   * @param days the missing days, ascending
   */
  record MissingDays(List<LocalDate> days) implements Reason {
    /**
     * Validates and copies the days.
     *
     * @param days the missing days, ascending
     */
    public MissingDays {
      days = List.copyOf(days);
      if (days.isEmpty()) {
        throw new IllegalArgumentException("no missing day");
      }
    }

    @Override
    public Code code() {
      return Code.REPORT_DAYS_MISSING;
    }

    @Override
    public String message() {
      return "no TLS-RPT report covers " + days.size() + " UTC day" + (days.size() == 1 ? "" : "s")
          + " of the window: " + joinDays(days) + "; those days add no evidence (senders report"
          + " only days they sent mail; if mail did arrive, check that the rua address of"
          + " _smtp._tls receives the reports)";
    }
  }

  /**
   * A group of failures of one result type and triage class, as aggregated by tlsrpt-model.
   *
   * @param code {@link Code#OUR_SIDE_FAILURES}, {@link Code#POLICY_HOSTING_FAILURES},
   *     {@link Code#KNOWN_SENDER_FAILURES}, {@link Code#IGNORABLE_FAILURES} or {@link
   *     Code#FAILURES_TO_INVESTIGATE}
   * @param group the failures with their counts, sending MTA IPs, MX hosts and days
   */
  record Failures(Code code, FailureGroup group) implements Reason {
    /**
     * Validates the components.
     *
     * @param code {@link Code#OUR_SIDE_FAILURES}, {@link Code#POLICY_HOSTING_FAILURES}, {@link
     *     Code#IGNORABLE_FAILURES} or {@link Code#FAILURES_TO_INVESTIGATE}
     * @param group the failures with their counts, sending MTA IPs, MX hosts and days
     */
    public Failures {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(group, "group");
    }

    @Override
    public String message() {
      StringBuilder b = new StringBuilder();
      b.append(group.failedSessions()).append(" failed session")
          .append(group.failedSessions() == 1 ? "" : "s")
          .append(group.resultType().equals(ResultType.FAILURES_WITHOUT_DETAILS)
              ? " reported without failure details" : " of type " + group.resultType().wireName())
          .append(" (").append(describe(code, group.resultType())).append(")")
          .append(" on ").append(joinDays(new ArrayList<>(group.days())))
          .append("; MX hosts: ").append(counts(group.receivingMxHosts()))
          .append("; sending MTAs: ").append(counts(group.sendingMtaIps()))
          .append("; reported by: ").append(counts(group.reportingOrganizations()));
      return b.toString();
    }

    private static String describe(Code code, ResultType type) {
      switch (code) {
        case OUR_SIDE_FAILURES:
          return type.equals(ResultType.STARTTLS_NOT_SUPPORTED)
              ? "fix on our side: our own MX host did not offer STARTTLS to several senders"
              : "fix on our side: the certificate of our own MX host failed validation";
        case POLICY_HOSTING_FAILURES:
          return "fix the policy hosting at mta-sts.<domain>: senders cannot fetch or validate the"
              + " policy, so an enforce policy would not take effect";
        case KNOWN_SENDER_FAILURES:
          return "fix with that sender before enforcing: it is one the owner knows";
        case IGNORABLE_FAILURES:
          return "usually safe to ignore";
        default:
          return "investigate";
      }
    }
  }

  /**
   * MX hosts of the domain that no {@code mx} pattern of the policy matches: in enforce mode,
   * senders would refuse to deliver to them (RFC 8461 §4.1, §5).
   *
   * @param hosts the uncovered MX hosts
   * @param patterns the policy's patterns
   */
  record UncoveredMxHosts(List<String> hosts, List<MxPattern> patterns) implements Reason {
    /**
     * Validates and copies the lists.
     *
     * @param hosts the uncovered MX hosts
     * @param patterns the policy's patterns
     */
    public UncoveredMxHosts {
      hosts = List.copyOf(hosts);
      patterns = List.copyOf(patterns);
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("no uncovered host");
      }
    }

    @Override
    public Code code() {
      return Code.MX_NOT_COVERED;
    }

    @Override
    public String message() {
      List<String> shown = new ArrayList<>();
      for (MxPattern p : patterns) {
        shown.add(p.toString());
      }
      return "MX host" + (hosts.size() == 1 ? " " : "s ") + String.join(", ", hosts)
          + (hosts.size() == 1 ? " matches" : " match") + " no mx pattern of the policy ("
          + (shown.isEmpty() ? "none" : String.join(", ", shown)) + "); add a pattern or remove"
          + " the host from the MX records";
    }
  }

  private static String joinDays(List<LocalDate> days) {
    List<String> parts = new ArrayList<>();
    for (LocalDate day : days) {
      parts.add(day.toString());
    }
    return String.join(", ", parts);
  }

  private static String counts(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "not reported";
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : entries) {
      parts.add((e.getKey().isEmpty() ? "(not reported)" : e.getKey()) + " (" + e.getValue() + ")");
    }
    return String.join(", ", parts);
  }
}
