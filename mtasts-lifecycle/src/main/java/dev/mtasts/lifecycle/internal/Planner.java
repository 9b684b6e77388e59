package dev.mtasts.lifecycle.internal;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.PolicyIdGenerator;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.Deployment;
import dev.mtasts.lifecycle.Evidence;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.LifecycleState;
import dev.mtasts.lifecycle.Plan;
import dev.mtasts.lifecycle.PlanResult;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.lifecycle.Reason.Code;
import dev.mtasts.lifecycle.Reason;
import dev.mtasts.lifecycle.Refusal;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.Step;
import dev.mtasts.lifecycle.Target;
import dev.mtasts.lifecycle.Transition;
import dev.mtasts.policy.LintCode;
import dev.mtasts.policy.LintFinding;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyLint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The lifecycle state machine: decides the transition, runs its guards and lays out the steps. */
public final class Planner {
  private Planner() {}

  /**
   * Plans a move; see {@code Lifecycle.plan}.
   *
   * @param history what was published
   * @param target where to go
   * @param evidence the evidence
   * @param now the current instant
   * @param options the thresholds
   * @param ids the id generator
   * @return the plan or the refusal
   * @throws IllegalArgumentException if {@code now} is before the last event of the history
   */
  public static PlanResult plan(PublicationHistory history, Target target, Evidence evidence,
      Instant now, LifecycleOptions options, PolicyIdGenerator ids) {
    Optional<Instant> last = history.lastEvent();
    if (last.isPresent() && now.isBefore(last.get())) {
      throw new IllegalArgumentException("the clock says " + Times.format(now) + ", before the last"
          + " event of the history (" + Times.format(last.get()) + "); check the clock");
    }
    String domain = history.domain();
    LifecycleState from = Deployment.of(history, now).state();
    LifecycleState to = target.state();
    Optional<ServedPolicy> current = history.current();
    List<Reason> refusals = new ArrayList<>();
    List<Reason> warnings = new ArrayList<>();

    @Nullable Transition transition = transition(from, to, history, now, refusals);
    @Nullable MtaStsPolicy requested = target.policy();
    if (transition != null && transition != Transition.DELETE && current.isPresent()
        && current.get().policy().equals(requested)) {
      refusals.add(new Reason.General(Code.NOTHING_TO_CHANGE, "the target policy is the one"
          + " served now under id " + current.get().id().value()));
    }
    if (transition == null || !refusals.isEmpty()) {
      return new Refusal(domain, from, to, refusals, null);
    }
    if (transition == Transition.DELETE) {
      if (!evidence.historyKnown()) {
        warnings.add(historyUnknown(history, now));
      }
      return delete(history, from, now, options, warnings);
    }
    MtaStsPolicy policy = Objects.requireNonNull(requested, "target policy");

    @Nullable Readiness readiness = null;
    if (transition == Transition.ENFORCE) {
      readiness = ReadinessCheck.assess(domain, policy, evidence, now, options, history);
      refusals.addAll(readiness.blocking());
      if (!evidence.historyKnown()) {
        warnings.add(new Reason.General(Code.HISTORY_UNKNOWN, "no publication history was kept,"
            + " so mode testing is assumed to have been published for the whole window; keep one"
            + " from now on (mtasts history init, then mtasts history record after each change)"));
      }
      warnings.addAll(readiness.warnings());
    } else if (to == LifecycleState.ENFORCE) {
      // A change within enforce: every MX host must stay covered, or senders refuse it.
      refusals.addAll(ReadinessCheck.mxCoverage(policy, evidence.mxHosts()));
      long min = options.minEnforceMaxAge().toSeconds();
      if (policy.maxAge() < min) {
        warnings.add(new Reason.General(Code.SHORT_MAX_AGE, "max_age " + policy.maxAge()
            + " is below " + min + " seconds; prefer weeks for an enforce policy (RFC 8461 §10.2)"));
      }
    } else if (to == LifecycleState.NONE) {
      warnings.addAll(turnOffFindings(history, policy, now, evidence.txtTtl()));
      if (!evidence.historyKnown()) {
        warnings.add(historyUnknown(history, now));
      }
    } else if (to == LifecycleState.TESTING) {
      if (!evidence.mxHosts().isEmpty()) {
        warnings.addAll(ReadinessCheck.mxCoverage(policy, evidence.mxHosts()));
      }
      if (evidence.tlsRpt() == null && (transition == Transition.DEPLOY
          || transition == Transition.RE_ENABLE)) {
        warnings.add(new Reason.General(Code.TLSRPT_RECORD_MISSING, "no TLS-RPT record is"
            + " published at _smtp._tls." + domain + "; without reports the testing period shows"
            + " nothing, and enforce will be refused until " + options.windowDays()
            + " days are reported: the first step publishes one"));
      }
    }
    if (!refusals.isEmpty()) {
      return new Refusal(domain, from, to, refusals, readiness);
    }
    return publish(history, transition, from, to, policy, evidence, now, ids, warnings, readiness);
  }

  /**
   * Relays the {@link PolicyLint} findings that concern a turn-off policy: RFC 8461 §8.3 and the
   * documented turn-off ({@link Target#modeNone()}) use mode none with {@code max_age} 86400 and
   * no {@code mx}. A longer max_age is not harmless bookkeeping: senders may cache the none policy
   * that long, and a later deletion is only complete (ABSENT) once it has expired.
   */
  private static List<Reason> turnOffFindings(PublicationHistory history, MtaStsPolicy policy,
      Instant now, Duration ttl) {
    List<Reason> out = new ArrayList<>();
    for (LintFinding finding : PolicyLint.lint(policy)) {
      if (finding.code() == LintCode.NONE_MAX_AGE_ABOVE_ONE_DAY) {
        // The earliest a deletion can remove the none policy: once it is in effect and every
        // earlier policy has expired (the wait the TURN_OFF plan names).
        Instant effective = now.plus(ttl);
        Instant earlier = history.cacheExpiry(now);
        Instant earliestRemoval = earlier.isAfter(effective) ? earlier : effective;
        Duration maxAge = Duration.ofSeconds(policy.maxAge());
        out.add(new Reason.General(Code.NONE_MAX_AGE_ABOVE_ONE_DAY, finding.message()
            + ". Senders may cache this mode none policy for " + policy.maxAge() + " s ("
            + maxAge.toDays() + " days): a later deletion is complete, and the domain ABSENT, only"
            + " that long after the TXT record and policy file are removed; removed at the"
            + " earliest, " + Times.format(earliestRemoval) + ", not before "
            + Times.format(earliestRemoval.plus(maxAge)) + " instead of "
            + Times.format(earliestRemoval.plusSeconds(Target.MODE_NONE_MAX_AGE))
            + ". The documented turn-off is mode none with max_age 86400 and no mx"));
      } else if (finding.code() == LintCode.NONE_WITH_MX) {
        out.add(new Reason.General(Code.NONE_WITH_MX, finding.message() + ". The documented"
            + " turn-off (RFC 8461 §8.3) is mode none with max_age 86400 and no mx lines"));
      }
    }
    return out;
  }

  private static @Nullable Transition transition(LifecycleState from, LifecycleState to,
      PublicationHistory history, Instant now, List<Reason> refusals) {
    switch (from) {
      case ABSENT:
      case DELETED:
        if (to == LifecycleState.TESTING) {
          return Transition.DEPLOY;
        }
        String advice;
        if (to == LifecycleState.ENFORCE) {
          advice = "deploy in mode testing first, collect TLS-RPT reports, then enforce (the"
              + " readiness check guards TESTING -> ENFORCE)";
        } else if (from == LifecycleState.DELETED) {
          advice = "the policy is already deleted; senders may hold cached policies until "
              + Times.format(history.cacheExpiry(now)) + ", after which the domain is ABSENT";
        } else {
          advice = "nothing is published, so there is nothing to turn off or delete";
        }
        refusals.add(notATransition(from, to, advice));
        return null;
      case TESTING:
      case ENFORCE:
        if (to == LifecycleState.TESTING) {
          return from == LifecycleState.TESTING ? Transition.CHANGE : Transition.ROLL_BACK;
        }
        if (to == LifecycleState.ENFORCE) {
          return from == LifecycleState.ENFORCE ? Transition.CHANGE : Transition.ENFORCE;
        }
        return to == LifecycleState.NONE ? Transition.TURN_OFF : Transition.DELETE;
      case NONE:
        if (to == LifecycleState.ENFORCE) {
          refusals.add(notATransition(from, to, "re-enable in mode testing first: under mode none"
              + " senders report no policy failures, so there is no evidence for enforce"));
          return null;
        }
        return to == LifecycleState.TESTING ? Transition.RE_ENABLE
            : to == LifecycleState.NONE ? Transition.CHANGE : Transition.DELETE;
      default:
        throw new IllegalStateException("unknown state " + from);
    }
  }

  /**
   * Without a kept history only the policy served now is known; an earlier one (an enforce policy
   * with a year's max_age) may still be cached. RFC 8461 §3.2 caps max_age at 31557600 s, so that
   * long after now no earlier policy can be cached, whatever it was.
   */
  private static Reason historyUnknown(PublicationHistory history, Instant now) {
    Instant safe = now.plusSeconds(MtaStsPolicy.MAX_MAX_AGE);
    Optional<ServedPolicy> current = history.current();
    String known = current.isPresent() ? "only the policy served now (id "
        + current.get().id().value() + ", max_age " + current.get().policy().maxAge() + " s) is"
        + " known, and the waits below count it alone" : "no policy is known";
    return new Reason.General(Code.HISTORY_UNKNOWN, "no publication history was kept: " + known
        + ". Policies served before it may have had a longer max_age and may still be cached by"
        + " senders. Find out what was published before (your DNS and web server logs, or the"
        + " mode and max_age senders report in TLS-RPT policy strings) and record it with mtasts"
        + " history init --since; or keep mode none and the TXT record published until "
        + Times.format(safe) + " (now + 31557600 s, the longest max_age RFC 8461 §3.2 allows),"
        + " which is safe whatever was published before");
  }

  private static Reason notATransition(LifecycleState from, LifecycleState to, String advice) {
    return new Reason.General(Code.NOT_A_TRANSITION, "there is no move from " + from + " to " + to
        + ": " + advice);
  }

  private static Plan publish(PublicationHistory history, Transition transition,
      LifecycleState from, LifecycleState to, MtaStsPolicy policy, Evidence evidence, Instant now,
      PolicyIdGenerator ids, List<Reason> warnings, @Nullable Readiness readiness) {
    String domain = history.domain();
    Optional<ServedPolicy> current = history.current();
    @Nullable PolicyId previous = current.isPresent() ? current.get().id() : null;
    PolicyId id = newId(history, previous, ids);
    String url = policyUrl(domain);
    String text = policy.toText();
    Duration ttl = evidence.txtTtl();
    Instant end = now.plus(ttl);
    List<Step> steps = new ArrayList<>();
    if (evidence.tlsRpt() == null
        && (transition == Transition.DEPLOY || transition == Transition.RE_ENABLE)) {
      steps.add(new Step.PublishTlsRpt("_smtp._tls." + domain,
          "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain));
    }
    steps.add(new Step.UploadPolicy(url, text));
    steps.add(new Step.VerifyServed(url, text));
    steps.add(new Step.PublishTxt(txtName(domain), StsRecord.of(id).toText(), id, previous));
    steps.add(new Step.Wait(end, ttl, waitReason(history, transition, policy, id, ttl, now)));
    return new Plan(domain, transition, from, to, steps, warnings, policy, id, history,
        now, end, readiness);
  }

  private static String waitReason(PublicationHistory history, Transition transition,
      MtaStsPolicy policy, PolicyId id, Duration ttl, Instant now) {
    StringBuilder b = new StringBuilder("resolvers may answer with the previous TXT record for up"
        + " to its TTL (" + ttl.toSeconds() + " s); after that every sender that looks it up sees"
        + " id " + id.value() + " and fetches the " + policy.mode().wireName() + " policy");
    switch (transition) {
      case TURN_OFF:
        b.append(". Mode none is then fully in effect. Senders that have not checked the TXT"
            + " record since may keep an earlier policy until ")
            .append(Times.format(history.cacheExpiry(now)))
            .append(": keep this mode none policy and its TXT record published at least until"
                + " then, and delete only after it (RFC 8461 §8.3)");
        break;
      case ENFORCE:
      case CHANGE:
        if (policy.mode() == Mode.ENFORCE) {
          b.append(". Senders with a cached older policy check for a new id before failing a"
              + " message (RFC 8461 §5.1); add MX hosts covered only by the new patterns after"
              + " this wait, never before");
        }
        break;
      default:
        break;
    }
    return b.toString();
  }

  private static Plan delete(PublicationHistory history, LifecycleState from, Instant now,
      LifecycleOptions options, List<Reason> warnings) {
    String domain = history.domain();
    ServedPolicy current = history.current().orElseThrow();
    String txtName = txtName(domain);
    // The record as published now, whatever its id: StsRecord.of would refuse an id that is not
    // RFC 8461 compliant, but one recorded in the history must still be removable.
    String txtValue = new StsRecord(current.id(), List.of()).toText();
    String url = policyUrl(domain);
    List<Step> steps = new ArrayList<>();
    Duration currentMaxAge = Duration.ofSeconds(current.policy().maxAge());
    Instant end;
    if (from == LifecycleState.NONE) {
      // RFC 8461 §8.3: keep the none policy up until every earlier policy has expired, so no
      // sender is left holding an enforce policy with no TXT record or file to learn otherwise.
      List<ServedPolicy> entries = history.entries();
      PublicationHistory earlier = new PublicationHistory(domain,
          entries.subList(0, entries.size() - 1));
      Optional<Instant> earlierExpiry = earlier.cacheExpiry();
      Instant removal = now;
      if (earlierExpiry.isPresent() && earlierExpiry.get().isAfter(now)) {
        ServedPolicy longest = earlier.longestCached(now).orElseThrow();
        removal = earlierExpiry.get();
        steps.add(new Step.Wait(removal, Duration.ZERO, "keep the mode none policy (id "
            + current.id().value() + ") and its TXT record published until every earlier policy"
            + " has expired: " + describeLongest(longest, now) + ". A sender still holding it that"
            + " finds no TXT record would keep applying it"));
      }
      steps.add(new Step.RemoveTxt(txtName, txtValue));
      steps.add(new Step.RemovePolicyFile(url));
      end = history.cacheExpiry(removal);
      steps.add(new Step.Wait(end, currentMaxAge, "the mode none policy may stay cached until"
          + " then, which is harmless (senders treat mode none as no policy); after it the domain"
          + " is ABSENT"));
    } else {
      end = history.cacheExpiry(now);
      ServedPolicy longest = history.longestCached(now).orElseThrow();
      steps.add(new Step.RemoveTxt(txtName, txtValue));
      steps.add(new Step.RemovePolicyFile(url));
      steps.add(new Step.Wait(end, currentMaxAge, "every policy a sender may have cached has"
          + " expired by then: " + describeLongest(longest, now) + ". Until then senders may still"
          + " apply it: keep MX hosts matching " + patterns(longest.policy().mx()) + " running"
          + " with valid certificates. After it the domain is ABSENT"));
      Duration ahead = Duration.between(now, end);
      if (ahead.compareTo(options.farOffDeletion()) > 0) {
        warnings.add(new Reason.General(Code.CACHED_POLICIES_FAR_OFF, "after the deletion,"
            + " senders may apply cached policies until " + Times.format(end) + " ("
            + ahead.toDays() + " days from now) with no TXT record or policy file left to tell"
            + " them otherwise: " + describeLongest(longest, now) + ". Publish mode none first"
            + " (max_age 86400, no mx): senders pick it up within the TXT TTL; then delete after "
            + Times.format(end)));
      }
    }
    return new Plan(domain, Transition.DELETE, from, LifecycleState.DELETED, steps, warnings, null,
        null, history, now, end, null);
  }

  private static String describeLongest(ServedPolicy entry, Instant now) {
    Instant until = entry.until() != null ? entry.until() : now;
    return "the last to expire is the " + entry.policy().mode().wireName() + " policy with id "
        + entry.id().value() + " and max_age " + entry.policy().maxAge() + " s, served until "
        + Times.format(until) + ", cached at most until " + Times.format(entry.cachedUntil(now));
  }

  private static String patterns(List<MxPattern> mx) {
    if (mx.isEmpty()) {
      return "(none)";
    }
    List<String> out = new ArrayList<>();
    for (MxPattern p : mx) {
      out.add(p.toString());
    }
    return String.join(", ", out);
  }

  /**
   * Returns a fresh id: different from the current one and from every id in the history, since a
   * sender holding an old policy under a reused id would not fetch again (RFC 8461 §3.1).
   *
   * @param history the history
   * @param current the id published now, or {@code null}
   * @param ids the generator
   * @return the new id, always 1 to 32 ASCII letters and digits
   * @throws IllegalStateException if the generator keeps returning used ids, or returns an id
   *     that is not RFC 8461 compliant
   */
  public static PolicyId newId(PublicationHistory history, @Nullable PolicyId current,
      PolicyIdGenerator ids) {
    Set<PolicyId> used = history.ids();
    PolicyId candidate = compliant(ids.next(current));
    int tries = 0;
    while (candidate.equals(current) || used.contains(candidate)) {
      if (++tries > used.size() + 1000) {
        throw new IllegalStateException("the id generator keeps returning ids already used: "
            + candidate.value());
      }
      candidate = compliant(ids.next(candidate));
    }
    return candidate;
  }

  /**
   * Refuses an id senders would not accept: the built-in generators never make one, but {@link
   * PolicyIdGenerator} is an open interface and a lenient id ({@code abc-123}) would publish a
   * record that strict senders ignore, leaving the domain without a policy (RFC 8461 §3.1).
   */
  private static PolicyId compliant(PolicyId id) {
    if (!id.isRfcCompliant()) {
      throw new IllegalStateException("the id generator returned \"" + id.value() + "\", which is"
          + " not 1 to 32 ASCII letters and digits as RFC 8461 §3.1 requires; senders would ignore"
          + " the TXT record. Use PolicyIdGenerator.timestamp or PolicyIdGenerator.random");
    }
    return id;
  }

  /**
   * Returns the policy URL of a domain (RFC 8461 §3.2).
   *
   * @param domain the policy domain
   * @return {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
   */
  public static String policyUrl(String domain) {
    return "https://mta-sts." + domain.toLowerCase(Locale.ROOT) + "/.well-known/mta-sts.txt";
  }

  /**
   * Returns the TXT record name of a domain (RFC 8461 §3.1).
   *
   * @param domain the policy domain
   * @return {@code _mta-sts.<domain>}
   */
  public static String txtName(String domain) {
    return "_mta-sts." + domain.toLowerCase(Locale.ROOT);
  }
}
