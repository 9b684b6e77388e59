package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.lifecycle.Evidence;
import dev.mtasts.lifecycle.LifecycleOptions;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.html.ReportingOrganizations;
import dev.mtasts.tlsrpt.SessionCounts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts readiness}: is the domain ready to flip from testing to enforce? */
@Command(
    name = "readiness",
    description = {
      "Decide whether the domain in DIR is ready to move from mode testing to enforce, with every"
          + " reason: a TLS-RPT record with a rua, reports for every UTC day of the window, sessions"
          + " at all, no certificate failures on the domain's own MX hosts, every MX host covered"
          + " by the policy.",
      "DIR holds mta-sts.txt (the policy), _mta-sts.txt and _smtp._tls.txt (the TXT values, one"
          + " record a line), mx.txt (MX hosts, one a line) and reports/ (TLS-RPT reports, .json or"
          + " .json.gz, searched recursively). The domain is DIR's name unless --domain is given.",
      "The window is the DAYS complete UTC days ending with --as-of, by default with the newest"
          + " day any report covers (never after yesterday), so the verdict on a folder does not"
          + " change with today's date.",
      "Exit status 0 when ready (also with warnings), 1 when not."
    })
final class ReadinessCommand extends CommandBase implements Callable<Integer> {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The last UTC day of the window (yyyy-MM-dd); default: the newest report day.")
  @Nullable LocalDate asOf;

  @Option(
      names = "--window",
      paramLabel = "DAYS",
      defaultValue = "14",
      description = "The number of days reports must cover (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "The policy domain (default: DIR's name).")
  @Nullable String domain;

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
    LifecycleOptions options = options(windowDays);
    ReportingOrganizations.Accumulator organizations = ReportingOrganizations.newAccumulator();
    DomainFolder folder = DomainFolder.read(dir, domain,
        n -> ProgressBar.forFiles(err(), n, environment().stderrIsTerminal()), organizations::add);
    MtaStsPolicy policy = folder.policy();
    if (policy == null) {
      throw new CommandFailure(ExitStatus.USAGE,
          "cannot open " + dir.resolve(DomainFolder.POLICY_FILE) + ": no such file");
    }
    if (policy.mx().isEmpty()) {
      throw new CommandFailure(ExitStatus.NEGATIVE, dir.resolve(DomainFolder.POLICY_FILE)
          + " is mode " + policy.mode().token() + " without mx lines; an enforce policy needs the"
          + " MX patterns (start again with: mtasts plan deploy)");
    }
    AsOf at = AsOf.of(asOf, folder.newestReportDay(), environment().clock());
    MtaStsPolicy enforce = policy.toBuilder().mode(Mode.ENFORCE).build();
    Readiness readiness = Readiness.assess(folder.domain(), enforce, evidence(folder), at.clock(), options);
    SessionCounts window = folder.reports().summary()
        .domain(folder.domain(), readiness.windowStart(), readiness.windowEnd()).sessions();
    List<String> notes = new ArrayList<>(folder.notes());
    if (at.staleNote() != null) {
      // On standard error: the verdict on standard output depends on the folder alone.
      err().println("mtasts: note: " + at.staleNote());
    }
    if (html != null) {
      ReadinessPage.write(folder, readiness, organizations.snapshot(), notes, html, environment());
    }
    if (json) {
      writeJson(folder, policy, readiness, window, at, notes);
    } else {
      writeText(folder, policy, readiness, window, at, notes);
    }
    return readiness.ready() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  LifecycleOptions options(int days) {
    if (days < 1 || days > 366) {
      throw new ParameterException(spec.commandLine(), "--window must be 1 to 366 days, not " + days);
    }
    return LifecycleOptions.defaults().withWindowDays(days);
  }

  static Evidence evidence(DomainFolder folder) {
    return new Evidence(folder.tlsRpt(), folder.reports().summary(), folder.mxHosts(),
        Evidence.DEFAULT_TXT_TTL);
  }

  private void writeText(DomainFolder folder, MtaStsPolicy policy, Readiness r,
      SessionCounts window, AsOf at, List<String> notes) {
    PrintWriter out = out();
    String verdict = switch (r.verdict()) {
      case READY -> "READY to enforce";
      case READY_WITH_WARNINGS -> "READY to enforce, with warnings";
      case NOT_READY -> "NOT READY to enforce";
    };
    out.println(TerminalText.escape(folder.domain()) + ": " + verdict);
    out.println("  window:  " + r.windowStart() + " to " + r.windowEnd() + " ("
        + Describe.plural(ChronoUnit.DAYS.between(r.windowStart(), r.windowEnd()) + 1, "UTC day") + ", as of " + at.source() + ")");
    out.println("  policy:  " + Describe.policy(policy) + " (" + DomainFolder.POLICY_FILE + ")");
    out.println("  reports: " + folder.reports().read() + " read, " + folder.reports().unreadable().size()
        + " unreadable; in the window " + window.successful() + " successful and " + window.failed()
        + " failed sessions");
    out.println("  MX:      " + (folder.mxHosts().isEmpty() ? "unknown" : TerminalText.escape(String.join(", ", folder.mxHosts()))));
    ReasonOutput.printList(out, "blocking", r.blocking());
    ReasonOutput.printList(out, "warnings", r.warnings());
    if (!notes.isEmpty()) {
      out.println("  notes (" + notes.size() + "):");
      for (String n : notes) {
        out.println("    - " + TerminalText.escape(n));
      }
    }
    if (r.ready()) {
      out.println("Next: mtasts plan enforce " + dir);
    }
  }

  private void writeJson(DomainFolder folder, MtaStsPolicy policy, Readiness r,
      SessionCounts window, AsOf at, List<String> notes) throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("domain", folder.domain());
      g.writeBooleanField("ready", r.ready());
      g.writeStringField("verdict", r.verdict().name());
      g.writeStringField("windowStart", r.windowStart().toString());
      g.writeStringField("windowEnd", r.windowEnd().toString());
      g.writeStringField("evaluatedAt", at.instant().toString());
      g.writeStringField("basis", at.basis());
      g.writeObjectFieldStart("policy");
      g.writeStringField("mode", policy.mode().token());
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
      g.writeNumberField("successfulSessions", window.successful());
      g.writeNumberField("failedSessions", window.failed());
      ReasonOutput.writeList(g, "blocking", r.blocking());
      ReasonOutput.writeList(g, "warnings", r.warnings());
      ReasonOutput.strings(g, "notes", notes);
    }
  }
}
