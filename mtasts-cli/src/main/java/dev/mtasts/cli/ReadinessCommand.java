package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.lifecycle.Deployment;
import dev.mtasts.lifecycle.Evidence;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.html.ReportingOrganizations;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.SessionCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts readiness}: is the domain ready to flip from testing to enforce? */
@Command(
    name = "readiness",
    description = {
      "Decide whether the domain in DIR is ready to move from mode testing to enforce, with every"
          + " reason: a TLS-RPT record with a rua; reports still arriving (one in the last 3 days"
          + " of the window); enough days with sessions (10 of 14, --min-days); no failure to fix"
          + " on our side, at the policy hosting or with a known sender; failed sessions not safe"
          + " to ignore (with or without failure details) under a small threshold (--max-failures);"
          + " every MX host covered by the policy; mode testing published for the whole window"
          + " (from the history).",
      "DIR holds mta-sts.txt (the policy), _mta-sts.txt and _smtp._tls.txt (the TXT values, one"
          + " record a line), mx.txt (MX hosts, one a line), senders.txt (senders you know: IP"
          + " ranges and organization names, one a line), history.json (kept by mtasts history)"
          + " and reports/ (TLS-RPT reports, .json or .json.gz, searched recursively). The domain"
          + " is DIR's name unless --domain is given.",
      "The window is the DAYS complete UTC days before the moment of evaluation: now, or --at,"
          + " or the end of --as-of DATE. Reports dated after now are set aside.",
      "Exit status 0 when ready (also with warnings), 1 when not."
    })
final class ReadinessCommand extends CommandBase implements Callable<Integer> {
  @Mixin EvaluationOptions evaluation = new EvaluationOptions();

  @Option(names = "--json", description = "Print one JSON object: ready, verdict, blocking, warnings, notes...")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the verdict with the reports' charts as one self-contained HTML page.")
  @Nullable Path html;

  @Parameters(index = "0", paramLabel = "DIR", description = "The domain folder.")
  Path dir = Path.of(".");

  ReadinessCommand() {}

  @Override
  public Integer call() throws IOException {
    evaluation.validate(spec);
    ReportingOrganizations.Accumulator organizations = ReportingOrganizations.newAccumulator();
    DomainFolder folder = DomainFolder.read(dir, evaluation.domain,
        n -> ProgressBar.forFiles(err(), n, environment().stderrIsTerminal()),
        environment().clock().instant(), organizations::add);
    LifecycleOptions options = evaluation.options(folder);
    MtaStsPolicy policy = folder.policy();
    if (policy == null) {
      throw new CommandFailure(ExitStatus.USAGE,
          "cannot open " + dir.resolve(DomainFolder.POLICY_FILE) + ": no such file");
    }
    if (policy.mx().isEmpty()) {
      throw new CommandFailure(ExitStatus.NEGATIVE, dir.resolve(DomainFolder.POLICY_FILE)
          + " is mode " + policy.mode().wireName() + " without mx lines; an enforce policy needs the"
          + " MX patterns (start again with: mtasts plan deploy)");
    }
    AsOf at = evaluation.moment(folder, environment().clock());
    Histories histories = Histories.resolve(folder, evaluation.history, at.instant());
    MtaStsPolicy enforce = policy.toBuilder().mode(Mode.ENFORCE).build();
    Deployment current = Deployment.of(histories.history(), at.instant());
    Readiness readiness = Readiness.assess(current, enforce,
        evidence(folder, histories.known()), at.clock(), options);
    DomainSummary window = folder.reports().summary()
        .domain(folder.domain(), readiness.windowStart(), readiness.windowEnd());
    List<String> notes = new ArrayList<>(folder.notes());
    notes.addAll(histories.notes());
    String stale = at.staleNote();
    if (stale != null) {
      notes.add(0, stale);
    }
    if (html != null) {
      ReadinessPage.write(folder, readiness, organizations.snapshot(), notes, html, environment());
    }
    String next = readiness.ready()
        ? evaluation.command(List.of("plan", "enforce"), dir, List.of())
        : evaluation.command(List.of("readiness"), dir, List.of());
    if (json) {
      writeJson(folder, policy, readiness, window, options, at, histories, notes, next);
    } else {
      writeText(folder, policy, readiness, window, options, at, histories, notes, next);
    }
    return readiness.ready() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  static Evidence evidence(DomainFolder folder, boolean historyKnown) {
    return new Evidence(folder.tlsRpt(), folder.reports().summary(), folder.mxHosts(),
        Evidence.DEFAULT_TXT_TTL, historyKnown);
  }

  static int daysWithSessions(DomainSummary window) {
    int n = 0;
    for (DaySummary d : window.days().values()) {
      if (d.sessions().total() > 0) {
        n++;
      }
    }
    return n;
  }

  private void writeText(DomainFolder folder, MtaStsPolicy policy, Readiness r,
      DomainSummary window, LifecycleOptions options, AsOf at, Histories histories,
      List<String> notes, String next) {
    PrintWriter out = out();
    String verdict = switch (r.verdict()) {
      case READY -> "READY to enforce";
      case READY_WITH_WARNINGS -> "READY to enforce, with warnings";
      case NOT_READY -> "NOT READY to enforce";
    };
    SessionCounts sessions = window.sessions();
    out.println(TerminalText.escape(folder.domain()) + ": " + verdict);
    out.println("  as of:   " + at.source());
    out.println("  window:  " + r.windowStart() + " to " + r.windowEnd() + " ("
        + Describe.plural(ChronoUnit.DAYS.between(r.windowStart(), r.windowEnd()) + 1, "UTC day")
        + "; " + daysWithSessions(window) + " with sessions, " + options.requiredDaysWithSessions()
        + " needed)");
    out.println("  policy:  " + Describe.policy(policy) + " (" + DomainFolder.POLICY_FILE + ")");
    out.println("  reports: " + folder.reports().read() + " read, " + folder.reports().unreadable().size()
        + " unreadable; newest covers " + (at.newestReportDay() == null ? "no day" : at.newestReportDay())
        + "; in the window " + sessions.successful() + " successful and " + sessions.failed()
        + " failed sessions");
    out.println("  MX:      " + (folder.mxHosts().isEmpty() ? "unknown" : TerminalText.escape(String.join(", ", folder.mxHosts()))));
    out.println("  history: " + (histories.known() ? TerminalText.escape(histories.file().toString())
        : "none kept (rebuilt from the folder)"));
    ReasonOutput.printList(out, "blocking", r.blocking());
    ReasonOutput.printList(out, "warnings", r.warnings());
    if (!notes.isEmpty()) {
      out.println("  notes (" + notes.size() + "):");
      for (String n : notes) {
        out.println("    - " + TerminalText.escape(n));
      }
    }
    out.println("Next: " + (r.ready() ? next : "fix the blocking reasons, then run " + next));
  }

  private void writeJson(DomainFolder folder, MtaStsPolicy policy, Readiness r,
      DomainSummary window, LifecycleOptions options, AsOf at, Histories histories,
      List<String> notes, String next) throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("domain", folder.domain());
      g.writeBooleanField("ready", r.ready());
      g.writeStringField("verdict", r.verdict().name());
      g.writeStringField("windowStart", r.windowStart().toString());
      g.writeStringField("windowEnd", r.windowEnd().toString());
      g.writeStringField("evaluatedAt", at.instant().toString());
      g.writeStringField("basis", at.basis());
      if (at.newestReportDay() != null) {
        g.writeStringField("newestReportDay", at.newestReportDay().toString());
      } else {
        g.writeNullField("newestReportDay");
      }
      g.writeNumberField("daysWithSessions", daysWithSessions(window));
      g.writeNumberField("daysWithSessionsNeeded", options.requiredDaysWithSessions());
      g.writeObjectFieldStart("policy");
      g.writeStringField("mode", policy.mode().wireName());
      g.writeNumberField("maxAge", policy.maxAge());
      g.writeArrayFieldStart("mx");
      for (MxPattern p : policy.mx()) {
        g.writeString(p.pattern());
      }
      g.writeEndArray();
      g.writeEndObject();
      ReasonOutput.strings(g, "mxHosts", folder.mxHosts());
      g.writeNumberField("reports", folder.reports().read());
      g.writeNumberField("unreadable", folder.reports().unreadable().size());
      g.writeNumberField("successfulSessions", window.sessions().successful());
      g.writeNumberField("failedSessions", window.sessions().failed());
      g.writeObjectFieldStart("history");
      g.writeStringField("file", histories.file().toString());
      g.writeBooleanField("kept", histories.known());
      g.writeEndObject();
      ReasonOutput.writeList(g, "blocking", r.blocking());
      ReasonOutput.writeList(g, "warnings", r.warnings());
      ReasonOutput.strings(g, "notes", notes);
      g.writeStringField("next", next);
    }
  }
}
