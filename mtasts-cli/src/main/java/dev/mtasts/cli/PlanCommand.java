package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.lifecycle.Deployment;
import dev.mtasts.lifecycle.Lifecycle;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.Plan;
import dev.mtasts.lifecycle.PlanResult;
import dev.mtasts.lifecycle.Refusal;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.Step;
import dev.mtasts.lifecycle.Target;
import dev.mtasts.lifecycle.internal.Times;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts plan}: the ordered steps of a lifecycle transition for a domain folder. */
@Command(
    name = "plan",
    description = {
      "Print the ordered steps that take the domain in DIR to the target, with the exact new policy"
          + " file and TXT record values, or every reason the move is refused (exit status 1).",
      "Targets: deploy (publish mta-sts.txt in mode testing, and the _smtp._tls record when none"
          + " is published; without mta-sts.txt, a policy for the hosts in mx.txt), enforce (runs"
          + " the readiness check), rollback (enforce back to testing), none (turn off with mode"
          + " none, max_age 86400, no mx), delete (remove the record and the file, and wait until"
          + " no sender can still hold a cached policy).",
      "What was published comes from the history (history.json in DIR, or --history), kept with"
          + " mtasts history init and mtasts history record; without one, from the folder alone,"
          + " with a warning. Every wait is dated from the moment of the plan: now, or --at, or"
          + " the end of --as-of DATE."
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

  @Mixin EvaluationOptions evaluation = new EvaluationOptions();

  @Option(
      names = "--max-age",
      paramLabel = "SECONDS",
      description = "For deploy, enforce and rollback: the max_age of the policy to publish.")
  @Nullable Long maxAge;

  @Option(
      names = "--mx",
      paramLabel = "PATTERN",
      split = ",",
      description = "For deploy, enforce and rollback: the mx patterns of the policy to publish"
          + " (comma-separated or repeated), instead of those of mta-sts.txt.")
  List<String> mx = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object: planned, steps or reasons, policy, id.")
  boolean json;

  PlanCommand() {}

  @Override
  public Integer call() throws IOException {
    evaluation.validate(spec);
    if ((maxAge != null || !mx.isEmpty()) && (goal == Goal.NONE || goal == Goal.DELETE)) {
      throw new ParameterException(spec.commandLine(), "--max-age and --mx shape the policy of"
          + " deploy, enforce and rollback; plan " + goal.name().toLowerCase(Locale.ROOT)
          + " publishes " + (goal == Goal.NONE ? "the documented mode none policy" : "nothing"));
    }
    DomainFolder folder = DomainFolder.read(dir, evaluation.domain,
        n -> ProgressBar.forFiles(err(), n, environment().stderrIsTerminal()),
        environment().clock().instant());
    LifecycleOptions options = evaluation.options(folder);
    AsOf at = evaluation.moment(folder, environment().clock());
    Histories histories = Histories.resolve(folder, evaluation.history, at.instant());
    List<String> notes = new ArrayList<>(folder.notes());
    notes.addAll(histories.notes());
    String stale = at.staleNote();
    if (stale != null && (goal == Goal.ENFORCE || goal == Goal.DEPLOY)) {
      notes.add(0, stale);
    }
    if (!histories.known() && (goal == Goal.NONE || goal == Goal.DELETE)) {
      // Loud: a wait computed without the history may be far too short (issue 12).
      err().println("mtasts: warning: no publication history is kept for " + folder.domain()
          + "; policies served earlier may still be cached for up to a year after they stopped:"
          + " read the history-unknown warning below");
    }
    Deployment current = Deployment.of(histories.history(), at.instant());
    Target target = target(folder, current, notes);
    PlanResult result = Lifecycle.plan(histories.history(), target,
        ReadinessCommand.evidence(folder, histories.known()), at.clock(), options);
    String next;
    if (result instanceof Plan plan) {
      String record = evaluation.historyCommand("record", dir);
      String folderUpdate = plan.policy() == null
          ? "remove " + DomainFolder.STS_FILE + " and " + DomainFolder.POLICY_FILE + " from the folder"
          : "put the new policy in " + DomainFolder.POLICY_FILE + " and the new TXT value in "
              + DomainFolder.STS_FILE + (plan.steps().get(0) instanceof Step.PublishTlsRpt
                  ? " (and the _smtp._tls value in " + DomainFolder.TLSRPT_FILE + ")" : "");
      next = (histories.known() ? "" : "keep a history first, before any step: "
          + evaluation.historyCommand("init", dir)
          + (current.current().isPresent() ? " --since INSTANT (when the policy served now was"
              + " first published)" : "") + "; then ")
          + "do the steps, " + folderUpdate + ", and record it: " + record;
    } else if (goal == Goal.ENFORCE) {
      next = "fix the reasons, then run " + evaluation.command(List.of("readiness"), dir, List.of());
    } else {
      next = "see the reasons above";
    }
    if (json) {
      writeJson(folder, result, at, notes, next);
    } else if (result instanceof Plan plan) {
      writePlan(plan, at, notes, next);
    } else {
      writeRefusal((Refusal) result, at, notes, next);
    }
    return result instanceof Plan ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  private Target target(DomainFolder folder, Deployment current, List<String> notes) {
    MtaStsPolicy policy = current.current().map(ServedPolicy::policy).orElse(folder.policy());
    switch (goal) {
      case DEPLOY -> {
        MtaStsPolicy p = folder.policy();
        if (p == null) {
          if (folder.mxHosts().isEmpty() && mx.isEmpty()) {
            throw new CommandFailure(ExitStatus.USAGE, "cannot open " + dir.resolve(DomainFolder.POLICY_FILE)
                + " or " + dir.resolve(DomainFolder.MX_FILE) + ": a policy to deploy needs one of them");
          }
          List<MxPattern> patterns = new ArrayList<>();
          for (String host : folder.mxHosts()) {
            patterns.add(MxPattern.of(host));
          }
          notes.add("no " + DomainFolder.POLICY_FILE + ": deploying a policy for the hosts in "
              + DomainFolder.MX_FILE + " with max_age one week");
          return Target.of(withMode(MtaStsPolicy.of(Mode.TESTING, 604_800L, patterns), Mode.TESTING));
        }
        if (p.mode() != Mode.TESTING) {
          notes.add("deploying in mode testing, not " + p.mode().wireName() + " as in " + DomainFolder.POLICY_FILE);
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
    MtaStsPolicy.Builder b = policy.toBuilder().mode(mode);
    try {
      if (maxAge != null) {
        b.maxAge(maxAge);
      }
      if (!mx.isEmpty()) {
        List<MxPattern> patterns = new ArrayList<>();
        for (String p : mx) {
          patterns.add(MxPattern.parse(p.strip()));
        }
        b.mx(patterns);
      }
      policy = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitStatus.USAGE, "--max-age/--mx: " + e.getMessage());
    }
    if (policy.mx().isEmpty()) {
      throw new CommandFailure(ExitStatus.NEGATIVE, "the policy is mode " + policy.mode().wireName()
          + " without mx lines; mode " + mode.wireName() + " needs them: put the MX patterns in "
          + DomainFolder.POLICY_FILE);
    }
    return policy;
  }

  private void writePlan(Plan plan, AsOf at, List<String> notes, String next) {
    PrintWriter out = out();
    out.println("Plan: " + plan.transition() + " " + TerminalText.escape(plan.domain()) + " (" + plan.from() + " -> "
        + plan.to() + "), planned at " + at.source());
    out.println("Fully in effect at " + Times.format(plan.effectiveAt())
        + " if each step is done right away.");
    if (plan.readiness() != null) {
      out.println("Readiness: " + plan.readiness().verdict() + " (window " + plan.readiness().windowStart()
          + " to " + plan.readiness().windowEnd() + ")");
    }
    out.println();
    List<Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      String[] lines = steps.get(i).instruction().lines().toArray(String[]::new);
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
    out.println("Next: " + next);
  }

  private void writeRefusal(Refusal refusal, AsOf at, List<String> notes, String next) {
    PrintWriter out = out();
    out.println("Refused: " + TerminalText.escape(refusal.domain()) + " " + refusal.from() + " -> " + refusal.to()
        + ", evaluated at " + at.source());
    ReasonOutput.printList(out, "reasons", refusal.reasons());
    if (refusal.readiness() != null) {
      ReasonOutput.printList(out, "readiness warnings", refusal.readiness().warnings());
    }
    printNotes(out, notes);
    out.println("Next: " + next);
  }

  private static void printNotes(PrintWriter out, List<String> notes) {
    if (!notes.isEmpty()) {
      out.println("  notes (" + notes.size() + "):");
      for (String n : notes) {
        out.println("    - " + TerminalText.escape(n));
      }
    }
  }

  private void writeJson(DomainFolder folder, PlanResult result, AsOf at, List<String> notes,
      String next) throws IOException {
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
      g.writeStringField("next", next);
    }
  }

  private static void writeStep(JsonGenerator g, Step step) throws IOException {
    g.writeStartObject();
    if (step instanceof Step.PublishTlsRpt s) {
      g.writeStringField("kind", "publish-tlsrpt");
      g.writeStringField("name", s.name());
      g.writeStringField("value", s.value());
    } else if (step instanceof Step.UploadPolicy s) {
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
