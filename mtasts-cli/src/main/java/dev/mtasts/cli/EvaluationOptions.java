package dev.mtasts.cli;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.tlsrpt.KnownSenders;
import dev.mtasts.tlsrpt.Triage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code readiness} and {@code plan} share: the moment, the window and its rules, the
 * owner's knowledge and the history. A "Next:" line repeats the ones given, so the next command
 * sees the same evidence.
 */
final class EvaluationOptions {
  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "Evaluate and plan at this moment (2026-11-24T12:00:00Z); default: now.")
  @Nullable Instant at;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Evaluate and plan at the end of this UTC day (yyyy-MM-dd): the window ends"
          + " with it; default: now.")
  @Nullable LocalDate asOf;

  @Option(
      names = "--window",
      paramLabel = "DAYS",
      defaultValue = "14",
      description = "The days of reports the enforce check reads (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(
      names = "--min-days",
      paramLabel = "DAYS",
      description = "How many days of the window need reported sessions (default: 10 of 14).")
  @Nullable Integer minDays;

  @Option(
      names = "--max-failures",
      paramLabel = "SESSIONS",
      description = "How many failed sessions not safe to ignore the window may hold (default:"
          + " 0.1 % of its sessions or 10, whichever is larger).")
  @Nullable Long maxFailures;

  @Option(
      names = "--known-sender",
      paramLabel = "CIDR|NAME",
      description = "A sender you know (an IP range or a reporting organization), in addition to"
          + " senders.txt in DIR; its failures are never safe to ignore. Repeatable.")
  List<String> knownSenders = new ArrayList<>();

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "The publication history (default: history.json in DIR).")
  @Nullable Path history;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "The policy domain (default: DIR's name).")
  @Nullable String domain;

  EvaluationOptions() {}

  /** Checks the values that picocli cannot. */
  void validate(CommandSpec spec) {
    if (at != null && asOf != null) {
      throw new ParameterException(spec.commandLine(), "give --at or --as-of, not both");
    }
    if (windowDays < 1 || windowDays > 366) {
      throw new ParameterException(spec.commandLine(), "--window must be 1 to 366 days, not " + windowDays);
    }
    if (minDays != null && (minDays < 1 || minDays > windowDays)) {
      throw new ParameterException(spec.commandLine(), "--min-days must be 1 to the window's "
          + windowDays + " days, not " + minDays);
    }
    if (maxFailures != null && maxFailures < 0) {
      throw new ParameterException(spec.commandLine(), "--max-failures must not be negative, not "
          + maxFailures);
    }
  }

  AsOf moment(DomainFolder folder, Clock clock) {
    return AsOf.of(at, asOf, folder.newestReportDay(), clock);
  }

  /** The thresholds, with the playbook triage that knows the folder's MX hosts and senders. */
  LifecycleOptions options(DomainFolder folder) {
    LifecycleOptions o = LifecycleOptions.defaults().withWindowDays(windowDays);
    if (minDays != null) {
      o = o.withMinDaysWithSessions(minDays);
    }
    if (maxFailures != null) {
      o = o.withMaxFailures(maxFailures);
    }
    return o.withTriage(Triage.playbook(folder.mxHosts(), knownSenders(folder)));
  }

  /** The senders of senders.txt and of --known-sender. */
  KnownSenders knownSenders(DomainFolder folder) {
    List<String> networks = new ArrayList<>(folder.senderNetworks());
    List<String> names = new ArrayList<>(folder.senderNames());
    for (String s : knownSenders) {
      if (KnownSenders.looksLikeNetwork(s)) {
        String problem = KnownSenders.cidrProblem(s);
        if (problem != null) {
          throw new CommandFailure(ExitStatus.USAGE, "--known-sender " + s + ": " + problem);
        }
        networks.add(s);
      } else if (!s.isBlank()) {
        names.add(s);
      }
    }
    try {
      return KnownSenders.of(networks, names);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitStatus.USAGE, "known senders: " + e.getMessage());
    }
  }

  /** The options given, as they would be typed again. */
  List<String> flags() {
    List<String> f = new ArrayList<>();
    if (domain != null) {
      f.add("--domain");
      f.add(domain);
    }
    if (at != null) {
      f.add("--at");
      f.add(at.toString());
    }
    if (asOf != null) {
      f.add("--as-of");
      f.add(asOf.toString());
    }
    if (windowDays != LifecycleOptions.DEFAULT_WINDOW_DAYS) {
      f.add("--window");
      f.add(Integer.toString(windowDays));
    }
    if (minDays != null) {
      f.add("--min-days");
      f.add(minDays.toString());
    }
    if (maxFailures != null) {
      f.add("--max-failures");
      f.add(maxFailures.toString());
    }
    for (String s : knownSenders) {
      f.add("--known-sender");
      f.add(s);
    }
    if (history != null) {
      f.add("--history");
      f.add(history.toString());
    }
    return f;
  }

  /** Returns {@code mtasts history SUB DIR} with the options that locate the history. */
  String historyCommand(String sub, Path dir) {
    StringBuilder b = new StringBuilder("mtasts history " + sub + " " + quote(dir.toString()));
    if (domain != null) {
      b.append(" --domain ").append(quote(domain));
    }
    if (history != null) {
      b.append(" --history ").append(quote(history.toString()));
    }
    return b.toString();
  }

  /** Returns the command line {@code mtasts WORDS... DIR FLAGS...}, quoted for a POSIX shell. */
  String command(List<String> words, Path dir, List<String> extra) {
    List<String> all = new ArrayList<>(words);
    all.add(dir.toString());
    all.addAll(extra);
    all.addAll(flags());
    StringBuilder b = new StringBuilder("mtasts");
    for (String w : all) {
      b.append(' ').append(quote(w));
    }
    return b.toString();
  }

  static String quote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=,@+%".indexOf(c) >= 0)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
