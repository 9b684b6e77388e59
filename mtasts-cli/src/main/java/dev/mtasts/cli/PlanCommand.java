package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.Deployment;
import dev.mtasts.lifecycle.Lifecycle;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.Plan;
import dev.mtasts.lifecycle.PlanResult;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.Refusal;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.Step;
import dev.mtasts.lifecycle.Target;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts plan}: the ordered steps of a lifecycle transition for a domain folder. */
@Command(
    name = "plan",
    description = {
      "Print the ordered steps that take the domain in DIR to the target, with the exact new policy"
          + " file and TXT record values, or every reason the move is refused (exit status 1).",
      "Targets: deploy (publish mta-sts.txt in mode testing; without it, a policy for the hosts in"
          + " mx.txt), enforce (runs the readiness check), rollback (enforce back to testing),"
          + " none (turn off with mode none, max_age 86400, no mx), delete (remove the record and"
          + " the file once no sender can still hold a cached policy).",
      "What is published is read from DIR (mta-sts.txt served under the id in _mta-sts.txt), or"
          + " from --history. The plan is made as of the same instant as readiness: the end of"
          + " --as-of DATE or of the newest report day, else now."
    })
final class PlanCommand extends CommandBase implements Callable<Integer> {
  /** The transitions a user can ask for. */
  enum Goal {
    DEPLOY,
    ENFORCE,
    ROLLBACK,
    NONE,
    DELETE
  }

  @Parameters(index = "0", paramLabel = "TARGET", description = "deploy, enforce, rollback, none or delete.")
  Goal goal = Goal.DEPLOY;

  @Parameters(index = "1", paramLabel = "DIR", description = "The domain folder (see mtasts readiness --help).")
  Path dir = Path.of(".");

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "The publication history (JSON, as written by the lifecycle library): what was"
          + " served when, so cache expiry counts every policy ever served.")
  @Nullable Path history;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Plan as of the end of this UTC day (yyyy-MM-dd); default: the newest report day.")
  @Nullable LocalDate asOf;

  @Option(
      names = "--window",
      paramLabel = "DAYS",
      defaultValue = "14",
      description = "For enforce: the days reports must cover (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "The policy domain (default: DIR's name).")
  @Nullable String domain;

  @Option(names = "--json", description = "Print one JSON object: planned, steps or reasons, policy, id.")
  boolean json;

  PlanCommand() {}

  @Override
  public Integer call() throws IOException {
    if (windowDays < 1 || windowDays > 366) {
      throw new ParameterException(spec.commandLine(), "--window must be 1 to 366 days, not " + windowDays);
    }
    LifecycleOptions options = LifecycleOptions.defaults().withWindowDays(windowDays);
    DomainFolder folder = DomainFolder.read(dir, domain,
        n -> ProgressBar.forFiles(err(), n, environment().stderrIsTerminal()));
    AsOf at = AsOf.of(asOf, folder.newestReportDay(), environment().clock());
    List<String> notes = new ArrayList<>(folder.notes());
    if (at.staleNote() != null && goal == Goal.ENFORCE) {
      err().println("mtasts: note: " + at.staleNote());
    }
    PublicationHistory published = publishedHistory(folder, at.instant(), notes);
    Deployment current = Deployment.of(published, at.instant());
    Target target = target(folder, current, notes);
    PlanResult result = Lifecycle.plan(current, target, ReadinessCommand.evidence(folder), at.clock(), options);
    if (json) {
      writeJson(folder, result, at, notes);
    } else if (result instanceof Plan plan) {
      writePlan(plan, at, notes);
    } else {
      writeRefusal((Refusal) result, at, notes);
    }
    return result instanceof Plan ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  /** What is published: the history file, or the folder's policy served under its record's id. */
  private PublicationHistory publishedHistory(DomainFolder folder, Instant at, List<String> notes) {
    if (history != null) {
      if (!Files.isRegularFile(history)) {
        throw new CommandFailure(ExitStatus.USAGE, "cannot open " + history + ": no such file");
      }
      PublicationHistory h = PublicationHistory.read(history, folder.domain());
      MtaStsPolicy served = h.current().map(ServedPolicy::policy).orElse(null);
      if (served != null && folder.policy() != null && !served.equals(folder.policy())) {
        notes.add("the history's current policy differs from " + DomainFolder.POLICY_FILE
            + "; the plan follows the history");
      }
      return h;
    }
    PublicationHistory h = PublicationHistory.empty(folder.domain());
    StsRecord sts = folder.sts();
    MtaStsPolicy policy = folder.policy();
    if (sts == null || policy == null) {
      return h;
    }
    // Without a history, the folder's policy counts as served since the first report day (or now).
    Instant since = folder.reports().summary().domain(folder.domain()).coveredDays().stream()
        .findFirst()
        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(i -> !i.isAfter(at))
        .orElse(at);
    return h.served(sts.id(), policy, since);
  }

  private Target target(DomainFolder folder, Deployment current, List<String> notes) {
    MtaStsPolicy policy = current.current().map(ServedPolicy::policy).orElse(folder.policy());
    switch (goal) {
      case DEPLOY -> {
        MtaStsPolicy p = folder.policy();
        if (p == null) {
          if (folder.mxHosts().isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "cannot open " + dir.resolve(DomainFolder.POLICY_FILE)
                + " or " + dir.resolve(DomainFolder.MX_FILE) + ": a policy to deploy needs one of them");
          }
          List<MxPattern> patterns = new ArrayList<>();
          for (String host : folder.mxHosts()) {
            patterns.add(MxPattern.of(host));
          }
          notes.add("no " + DomainFolder.POLICY_FILE + ": deploying a policy for the hosts in "
              + DomainFolder.MX_FILE + " with max_age one week");
          return Target.of(MtaStsPolicy.of(Mode.TESTING, 604_800L, patterns));
        }
        if (p.mode() != Mode.TESTING) {
          notes.add("deploying in mode testing, not " + p.mode().token() + " as in " + DomainFolder.POLICY_FILE);
        }
        return Target.of(withMode(p, Mode.TESTING));
      }
      case ENFORCE -> {
        return Target.of(withMode(required(policy), Mode.ENFORCE));
      }
      case ROLLBACK -> {
        return Target.of(withMode(required(policy), Mode.TESTING));
      }
      case NONE -> {
        return Target.modeNone();
      }
      case DELETE -> {
        return Target.deleted();
      }
    }
    throw new IllegalStateException("unknown goal " + goal);
  }

  private MtaStsPolicy required(@Nullable MtaStsPolicy policy) {
    if (policy == null) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + dir.resolve(DomainFolder.POLICY_FILE)
          + ": no such file, and no history names a policy");
    }
    return policy;
  }

  private MtaStsPolicy withMode(MtaStsPolicy policy, Mode mode) {
    if (policy.mx().isEmpty()) {
      throw new CommandFailure(ExitStatus.NEGATIVE, "the policy is mode " + policy.mode().token()
          + " without mx lines; mode " + mode.token() + " needs them: put the MX patterns in "
          + DomainFolder.POLICY_FILE);
    }
    return policy.toBuilder().mode(mode).build();
  }

  private void writePlan(Plan plan, AsOf at, List<String> notes) {
    PrintWriter out = out();
    out.println("Plan: " + plan.transition() + " " + TerminalText.escape(plan.domain()) + " (" + plan.from() + " -> "
        + plan.to() + "), planned at " + plan.plannedAt() + " (" + at.source() + ")");
    out.println("Fully in effect at " + plan.effectiveAt() + " if each step is done right away.");
    if (plan.readiness() != null) {
      out.println("Readiness: " + plan.readiness().verdict() + " (window " + plan.readiness().windowStart()
          + " to " + plan.readiness().windowEnd() + ")");
    }
    out.println();
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      String[] lines = steps.get(i).instruction().split("\r?\n");
      out.println((i + 1) + ". " + lines[0]);
      for (int k = 1; k < lines.length; k++) {
        out.println("     " + lines[k]);
      }
      if (steps.get(i) instanceof Step.UploadPolicy) {
        out.println("   (the file uses CRLF line ends; mtasts policy check verifies a copy)");
      }
    }
    if (!plan.warnings().isEmpty() || !notes.isEmpty()) {
      out.println();
    }
    ReasonOutput.printList(out, "warnings", plan.warnings());
    printNotes(out, notes);
  }

  private void writeRefusal(Refusal refusal, AsOf at, List<String> notes) {
    PrintWriter out = out();
    out.println("Refused: " + TerminalText.escape(refusal.domain()) + " " + refusal.from() + " -> " + refusal.to()
        + " (as of " + at.source() + ")");
    ReasonOutput.printList(out, "reasons", refusal.reasons());
    if (refusal.readiness() != null) {
      ReasonOutput.printList(out, "readiness warnings", refusal.readiness().warnings());
    }
    printNotes(out, notes);
  }

  private static void printNotes(PrintWriter out, List<String> notes) {
    if (!notes.isEmpty()) {
      out.println("  notes (" + notes.size() + "):");
      for (String n : notes) {
        out.println("    - " + TerminalText.escape(n));
      }
    }
  }

  private void writeJson(DomainFolder folder, PlanResult result, AsOf at, List<String> notes)
      throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("domain", folder.domain());
      g.writeStringField("target", goal.name().toLowerCase(Locale.ROOT));
      g.writeBooleanField("planned", result instanceof Plan);
      g.writeStringField("evaluatedAt", at.instant().toString());
      g.writeStringField("basis", at.basis());
      if (result instanceof Plan plan) {
        g.writeStringField("transition", plan.transition().name());
        g.writeStringField("from", plan.from().name());
        g.writeStringField("to", plan.to().name());
        g.writeStringField("plannedAt", plan.plannedAt().toString());
        g.writeStringField("effectiveAt", plan.effectiveAt().toString());
        if (plan.policy() != null) {
          g.writeStringField("policyText", plan.policy().toText());
        }
        if (plan.id() != null) {
          g.writeStringField("id", plan.id().value());
        }
        g.writeArrayFieldStart("steps");
        for (Step s : plan.steps()) {
          writeStep(g, s);
        }
        g.writeEndArray();
        ReasonOutput.writeList(g, "warnings", plan.warnings());
      } else {
        Refusal refusal = (Refusal) result;
        g.writeStringField("from", refusal.from().name());
        g.writeStringField("to", refusal.to().name());
        ReasonOutput.writeList(g, "reasons", refusal.reasons());
      }
      ReasonOutput.strings(g, "notes", notes);
    }
  }

  private static void writeStep(JsonGenerator g, Step step) throws IOException {
    g.writeStartObject();
    if (step instanceof Step.UploadPolicy s) {
      g.writeStringField("kind", "upload-policy");
      g.writeStringField("url", s.url());
      g.writeStringField("policyText", s.policyText());
    } else if (step instanceof Step.VerifyServed s) {
      g.writeStringField("kind", "verify-served");
      g.writeStringField("url", s.url());
      g.writeStringField("expectedText", s.expectedText());
    } else if (step instanceof Step.PublishTxt s) {
      g.writeStringField("kind", "publish-txt");
      g.writeStringField("name", s.name());
      g.writeStringField("value", s.value());
    } else if (step instanceof Step.RemoveTxt s) {
      g.writeStringField("kind", "remove-txt");
      g.writeStringField("name", s.name());
    } else if (step instanceof Step.RemovePolicyFile s) {
      g.writeStringField("kind", "remove-policy-file");
      g.writeStringField("url", s.url());
    } else if (step instanceof Step.Wait s) {
      g.writeStringField("kind", "wait");
      g.writeStringField("until", s.until().toString());
      g.writeStringField("reason", s.reason());
    }
    g.writeStringField("instruction", step.instruction());
    g.writeEndObject();
  }

}
