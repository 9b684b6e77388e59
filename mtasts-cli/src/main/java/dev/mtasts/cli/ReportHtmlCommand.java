package dev.mtasts.cli;

import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.HtmlOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.ReportFiles;
import dev.mtasts.cli.internal.ReportLoader;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.report.html.HtmlReport;
import dev.mtasts.report.html.ReportingOrganizations;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts report html}: one self-contained HTML page of the reports, with charts. */
@Command(
    name = "html",
    description = {
      "Read TLS-RPT report files (.json, .json.gz) and folders (recursively) and write one"
          + " self-contained HTML page: per policy domain a summary table, sessions and failures per"
          + " UTC day as charts (days without a report shown as gaps), the sending MTAs and MX hosts"
          + " with the most failed sessions and their triage class, the reporting organizations, and"
          + " the unreadable reports.",
      "The page loads nothing from the network, sets no cookie and works without JavaScript except"
          + " for sorting the tables; it is safe to attach to an e-mail.",
      "Exit status 1 when a report was unreadable or no report was found (the page is written"
          + " all the same)."
    })
final class ReportHtmlCommand extends CommandBase implements Callable<Integer> {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Where to write the page (default: standard output).")
  String out = "-";

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only reports whose period starts on or after this UTC day (yyyy-MM-dd).")
  @Nullable LocalDate since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Only reports whose period starts on or before this UTC day (yyyy-MM-dd).")
  @Nullable LocalDate until;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this policy domain.")
  @Nullable String domain;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Report files and folders; - reads one report from standard input.")
  List<String> paths = new ArrayList<>();

  ReportHtmlCommand() {}

  @Override
  public Integer call() {
    if (domain != null) {
      domain = policyDomainArgument(domain);
    }
    if (since != null && until != null && until.isBefore(since)) {
      throw new ParameterException(spec.commandLine(), "--until " + until + " is before --since " + since);
    }
    ReportFiles.Search search = ReportFiles.search(paths);
    List<ReportFiles.Entry> entries = search.entries();
    ProgressBar bar = ProgressBar.forFiles(err(), entries.size(), environment().stderrIsTerminal());
    ReportingOrganizations.Accumulator organizations = ReportingOrganizations.newAccumulator();
    ReportLoader.Loaded loaded = ReportLoader.load(entries, environment().stdin(),
        HtmlOutput.counting(inPeriod(), organizations), bar);
    List<ReportFiles.Skipped> skippedAll = new ArrayList<>(search.skipped());
    skippedAll.addAll(loaded.notReports());
    List<String> notes = new ArrayList<>();
    for (ReportFiles.Skipped skipped : skippedAll) {
      notes.add("skipped " + skipped.file() + ": " + skipped.reason());
    }
    HtmlReport.Builder page = HtmlReport.newBuilder(loaded.summary())
        .title(domain == null ? "TLS-RPT report" : "TLS-RPT report: " + policyDomainArgument(domain))
        .generatedAt(environment().clock().instant())
        .generator(new VersionProvider().getVersion()[0])
        .organizations(organizations.snapshot())
        .unreadable(HtmlOutput.unreadable(loaded))
        .notes(notes);
    if (since != null && until != null) {
      page.days(since, until);
    }
    boolean found = !loaded.summary().domains().isEmpty();
    if (domain != null) {
      page.domains(List.of(policyDomainArgument(domain)));
      found = loaded.summary().domains().contains(policyDomainArgument(domain));
    }
    long bytes = HtmlOutput.write(page.build(), out, out());
    if (!"-".equals(out)) {
      out().println("Wrote " + TerminalText.escape(out) + " (" + String.format(Locale.ROOT, "%,d", (bytes + 1023) / 1024)
          + " KiB): " + Describe.plural(loaded.summary().reportCount(), "report") + ", "
          + loaded.unreadable().size() + " unreadable.");
    }
    return loaded.unreadable().isEmpty() && found ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  private Predicate<TlsRptReport> inPeriod() {
    LocalDate from = since;
    LocalDate to = until;
    return report -> {
      LocalDate first = report.dateRange().firstDay();
      return (from == null || !first.isBefore(from)) && (to == null || !first.isAfter(to));
    };
  }
}
