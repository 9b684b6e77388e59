package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.Causes;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.cli.internal.ReportFiles;
import dev.mtasts.cli.internal.ReportLoader;
import dev.mtasts.policy.internal.files.AtomicFile;
import dev.mtasts.tlsrpt.DayRange;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.DomainSummary;
import dev.mtasts.tlsrpt.FailureGroup;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.SessionCounts;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.SummaryLimits;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.internal.DomainSummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts report summarize}: reads, aggregates and triages TLS-RPT reports. */
@Command(
    name = "summarize",
    description = {
      "Read TLS-RPT report files (.json, .json.gz), report mails (.eml files, mbox files, Maildir"
          + " folders; told by content, not by name) and folders (recursively), aggregate them per"
          + " policy domain and triage the failures. The same report received twice counts once,"
          + " however many copies and paths it came by.",
      "A report that cannot be read is listed with its reason and does not stop the others;"
          + " exit status 1 then, and when no report was found."
    })
final class ReportSummarizeCommand extends CommandBase implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object: reports, unreadable, domains...")
  boolean json;

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

  @Option(
      names = "--warnings",
      description = "Also list every deviation from RFC 8460 the lenient reader tolerated: file,"
          + " JSON path, code and message (in --json: the list \"deviations\").")
  boolean listWarnings;

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this policy domain.")
  @Nullable String domain;

  /** The default of {@code --max-domains}: about 40 MB of summary at 400 bytes a domain-day. */
  static final int DEFAULT_MAX_DOMAINS = 100_000;

  @Option(
      names = "--max-domains",
      paramLabel = "N",
      description = "Stop with an error when the reports name more than N policy domains"
          + " (default: " + DEFAULT_MAX_DOMAINS + "; each takes about 400 bytes per day of figures).")
  int maxDomains = DEFAULT_MAX_DOMAINS;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "A saved summary to add the reports to: read when it exists, then replaced"
          + " atomically with the summary of its reports and the new ones, so a daily job reads"
          + " each report once. A report already in it counts once. The output shows the whole"
          + " summary.")
  @Nullable Path state;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Report files, mail files and folders; - reads one report (or one message, or"
          + " an mbox) from standard input.")
  List<String> paths = new ArrayList<>();

  ReportSummarizeCommand() {}

  @Override
  public Integer call() throws IOException {
    if (since != null && until != null && until.isBefore(since)) {
      throw new ParameterException(spec.commandLine(), "--until " + until + " is before --since " + since);
    }
    if (maxDomains < 1) {
      throw new ParameterException(spec.commandLine(), "--max-domains " + maxDomains + " must be at least 1");
    }
    ReportFiles.Search search = ReportFiles.search(paths);
    List<ReportFiles.Entry> entries = search.entries();
    ProgressBar bar = ProgressBar.forFiles(err(), entries.size(), environment().stderrIsTerminal());
    @Nullable ReportSummary saved = state == null ? null : readState(state);
    ReportLoader.Loaded loaded = ReportLoader.load(entries, environment().stdin(), inPeriod(), bar,
        TlsRptReader.lenient()::read, SummaryLimits.DEFAULT.withMaxPolicyDomains(maxDomains),
        environment().clock().instant(), saved);
    if (loaded.domainLimitReached()) {
      err().println("mtasts: the reports name more than " + maxDomains + " policy domains"
          + " (--max-domains " + maxDomains + "); a summary takes about 400 bytes per domain and"
          + " day of figures, so pass a larger --max-domains if that memory is available, or"
          + " summarize fewer files at a time" + (state == null ? ""
              : "; the saved summary " + escape(state.toString()) + " is unchanged"));
      return ExitStatus.NEGATIVE;
    }
    if (state != null) {
      byte[] bytes = loaded.summary().toBytes();
      AtomicFile.write(state, out -> out.write(bytes));
      stateLine = "Saved summary " + escape(state.toString()) + ": "
          + Describe.plural(saved == null ? 0 : saved.reportCount(), "report") + " before, "
          + loaded.summary().reportCount() + " now (" + bytes.length + " bytes written).";
    }
    List<String> names = new ArrayList<>();
    for (String d : loaded.summary().domains()) {
      if (domain == null || d.equals(policyDomainArgument(domain))) {
        names.add(d);
      }
    }
    ReportSummary summary = loaded.summary();
    // Built one at a time while printing, in name order: 200,000 domains never sit in memory as
    // DomainSummary objects all at once (issue 13 item 9).
    List<DomainSummary> domains = new AbstractList<>() {
      @Override
      public DomainSummary get(int index) {
        return windowed(summary, names.get(index));
      }

      @Override
      public int size() {
        return names.size();
      }
    };
    List<ReportFiles.Skipped> skipped = new ArrayList<>(search.skipped());
    skipped.addAll(loaded.notReports());
    if (json) {
      writeJson(loaded, domains, skipped);
    } else {
      writeText(loaded, domains, entries.size(), skipped);
    }
    // Conflicts are reported like duplicates (both files named), not as unreadable input.
    return loaded.unreadable().isEmpty() && !domains.isEmpty() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  /** The line that tells what --state did, or {@code null} without --state. */
  private @Nullable String stateLine;

  /** Reads the saved summary of --state; none yet is an empty start. */
  private static @Nullable ReportSummary readState(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | OutOfMemoryError e) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot read the saved summary "
          + escape(file.toString()) + " (--state): " + Causes.describe(e));
    }
    try {
      return ReportSummary.fromBytes(bytes);
    } catch (SummaryFormatException e) {
      throw new CommandFailure(ExitStatus.USAGE, "the saved summary " + escape(file.toString())
          + " (--state) cannot be read, so it is left as it is: " + e.code().id() + " at "
          + e.location() + ": " + e.detail());
    }
  }

  /**
   * Keeps the reports whose period overlaps --since/--until (issue 12 item 5: a weekly report
   * from 11-09 to 11-19 counts for --since 2026-11-10, with the share of its days inside).
   */
  private Predicate<TlsRptReport> inPeriod() {
    LocalDate from = since;
    LocalDate to = until;
    return report -> (from == null || !report.dateRange().lastDay().isBefore(from))
        && (to == null || !report.dateRange().firstDay().isAfter(to));
  }

  /** Returns a domain's figures, restricted to the days of --since/--until when given. */
  private DomainSummary windowed(ReportSummary summary, String d) {
    DomainSummary all = summary.domain(d);
    if (since == null && until == null) {
      return all;
    }
    Optional<DayRange> span = all.span();
    if (span.isEmpty()) {
      return all;
    }
    LocalDate from = since != null ? since : span.get().first();
    LocalDate to = until != null ? until : span.get().last();
    return to.isBefore(from) ? all : summary.domain(d, from, to);
  }

  private void writeText(ReportLoader.Loaded loaded, List<DomainSummary> domains, int files,
      List<ReportFiles.Skipped> skipped) {
    PrintWriter out = out();
    StringBuilder head = new StringBuilder();
    head.append("Read ").append(Describe.plural(loaded.read(), "report")).append(" from ")
        .append(Describe.plural(files, "file")).append(": ")
        .append(loaded.unreadable().size()).append(" unreadable, ")
        .append(Describe.plural(loaded.summary().duplicateReports(), "duplicate"));
    if (loaded.summary().conflictingReports() > 0) {
      head.append(", ").append(loaded.summary().conflictingReports()).append(" conflicting");
    }
    if (loaded.summary().setAsideReports() > 0) {
      head.append(", ").append(loaded.summary().setAsideReports()).append(" set aside");
    }
    if (loaded.outsideFilter() > 0) {
      head.append(", ").append(loaded.outsideFilter()).append(" outside --since/--until");
    }
    if (loaded.warnings() > 0) {
      head.append(", ").append(Describe.plural(loaded.warnings(), "tolerated deviation"))
          .append(" from RFC 8460");
    }
    out.println(head.append('.'));
    if (stateLine != null) {
      out.println(stateLine);
    }
    if (domains.isEmpty()) {
      out.println();
      out.println(domain == null ? "No policy domain found in the reports."
          : "No report for policy domain " + escape(domain) + ".");
    }
    for (DomainSummary d : domains) {
      out.println();
      out.println(domainHeading(d));
      List<DayRange> gaps = d.uncoveredDays();
      if (!gaps.isEmpty()) {
        out.println("  no report for: " + ranges(gaps));
      }
      SessionCounts s = d.sessions();
      out.println("  sessions: " + s.successful() + " successful, " + s.failed() + " failed"
          + percent(d));
      long estimated = d.days().values().stream().filter(DaySummary::estimated).count();
      if (estimated > 0) {
        out.println("  estimated: " + Describe.plural(estimated, "day") + " with sessions of"
            + " reports covering several days, spread evenly over their days");
      }
      List<FailureGroup> groups = d.failureGroups();
      if (groups.isEmpty()) {
        out.println(s.failed() == 0 ? "  no failures" : "  failures: " + s.failed()
            + " failed sessions in the totals, none in the failure groups");
        continue;
      }
      out.println("  failures:");
      for (FailureGroup g : groups) {
        if (g.resultType().equals(ResultType.FAILURES_WITHOUT_DETAILS)) {
          out.println("    failures without details: " + Describe.plural(g.failedSessions(), "session")
              + ", " + Describe.triage(g.triage()));
          out.println("      the reports count them in total-failure-session-count but describe"
              + " them in no failure-details");
        } else {
          out.println("    " + escape(g.resultType().wireName()) + ": "
              + Describe.plural(g.failedSessions(), "session") + ", " + Describe.triage(g.triage()));
          out.println("      MX hosts: " + counts(g.receivingMxHosts()));
          out.println("      senders:  " + counts(g.sendingMtaIps()));
        }
        out.println("      days:     " + Describe.days(g.days()));
      }
    }
    if (loaded.summary().saturated()) {
      out.println();
      out.println("Note: some sums reached 9007199254740991 (2^53 - 1) and stopped there; those"
          + " figures are lower bounds.");
    }
    if (!loaded.conflicts().isEmpty()) {
      out.println();
      out.println("Conflicting report-ids (" + loaded.summary().conflictingReports() + "): the same"
          + " organization and report-id with different content; neither report is counted:");
      for (ReportLoader.Conflict c : loaded.conflicts()) {
        out.println("  " + escape(c.organization()) + " report-id " + escape(c.reportId()) + ": "
            + escape(c.firstFile()) + " and " + escape(c.secondFile()));
      }
    }
    if (listWarnings && !loaded.deviations().isEmpty()) {
      out.println();
      out.println("Tolerated deviations (" + loaded.deviations().size() + "):");
      for (ReportLoader.Deviation d : loaded.deviations()) {
        out.println("  " + escape(d.file()) + ": " + d.code() + " at " + escape(d.jsonPath())
            + ": " + escape(d.message()));
      }
    }
    if (!loaded.notes().isEmpty()) {
      out.println();
      out.println("Set aside or doubtful (" + loaded.notes().size() + "):");
      for (ReportLoader.Noted n : loaded.notes()) {
        out.println("  " + escape(n.file()) + ": " + n.warning().code().id() + " at "
            + escape(n.warning().jsonPath()) + ": " + escape(n.warning().message()));
      }
    }
    if (!loaded.unreadable().isEmpty()) {
      out.println();
      out.println("Unreadable (" + loaded.unreadable().size() + "):");
      for (ReportLoader.Unreadable u : loaded.unreadable()) {
        out.println("  " + escape(u.file()) + ": " + escape(u.reason()));
      }
    }
    printSkipped(out, skipped);
  }

  /** How many skipped files one reason's line names in text; {@code --json} lists them all. */
  static final int SKIPPED_SHOWN = 5;

  /** Lists the files a folder walk did not read, one line per reason. */
  static void printSkipped(PrintWriter out, List<ReportFiles.Skipped> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (ReportFiles.Skipped s : skipped) {
      byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(escape(s.file()));
    }
    out.println();
    out.println("Skipped (" + skipped.size() + "):");
    for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
      List<String> files = e.getValue();
      String shown = String.join(", ", files.subList(0, Math.min(files.size(), SKIPPED_SHOWN)));
      if (files.size() > SKIPPED_SHOWN) {
        shown += " and " + (files.size() - SKIPPED_SHOWN) + " more (--json lists every file)";
      }
      out.println("  " + escape(e.getKey()) + ": " + shown);
    }
  }

  private static String domainHeading(DomainSummary d) {
    SortedSet<LocalDate> covered = d.coveredDays();
    String name = d.policyDomain().isEmpty() ? "(no policy domain)" : escape(d.policyDomain());
    if (covered.isEmpty()) {
      return name;
    }
    return name + "  "
        + covered.first() + " to " + covered.last() + ", " + Describe.plural(covered.size(), "day")
        + " with reports";
  }

  /** Returns "2026-10-23 (1 day), 2026-10-25 to 2026-10-27 (3 days)". */
  static String ranges(List<DayRange> ranges) {
    List<String> parts = new ArrayList<>();
    for (DayRange r : ranges) {
      parts.add(r + " (" + Describe.plural(r.days(), "day") + ")");
    }
    return String.join(", ", parts);
  }

  private static String percent(DomainSummary d) {
    if (d.successRate().isEmpty()) {
      return "";
    }
    return String.format(Locale.ROOT, " (%.2f%% successful)", 100 * d.successRate().getAsDouble());
  }

  static String counts(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
    list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : list) {
      parts.add((e.getKey().isEmpty() ? "(not reported)" : escape(e.getKey())) + " (" + e.getValue() + ")");
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private void writeJson(ReportLoader.Loaded loaded, List<DomainSummary> domains,
      List<ReportFiles.Skipped> skipped) throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeNumberField("reports", loaded.read());
      g.writeNumberField("unreadable", loaded.unreadable().size());
      g.writeNumberField("duplicates", loaded.summary().duplicateReports());
      g.writeNumberField("conflicting", loaded.summary().conflictingReports());
      g.writeNumberField("setAside", loaded.summary().setAsideReports());
      g.writeBooleanField("saturated", loaded.summary().saturated());
      g.writeNumberField("outsideFilter", loaded.outsideFilter());
      g.writeNumberField("warnings", loaded.warnings());
      if (state != null) {
        g.writeStringField("stateFile", state.toString());
        g.writeNumberField("savedReports", loaded.summary().reportCount());
      }
      g.writeArrayFieldStart("unreadableFiles");
      for (ReportLoader.Unreadable u : loaded.unreadable()) {
        g.writeStartObject();
        g.writeStringField("file", u.file());
        g.writeStringField("reason", u.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("domains");
      for (DomainSummary d : domains) {
        writeDomain(g, d);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("conflicts");
      for (ReportLoader.Conflict c : loaded.conflicts()) {
        g.writeStartObject();
        g.writeStringField("organization", c.organization());
        g.writeStringField("reportId", c.reportId());
        g.writeStringField("firstFile", c.firstFile());
        g.writeStringField("secondFile", c.secondFile());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (listWarnings) {
        g.writeArrayFieldStart("deviations");
        for (ReportLoader.Deviation d : loaded.deviations()) {
          g.writeStartObject();
          g.writeStringField("file", d.file());
          g.writeStringField("jsonPath", d.jsonPath());
          g.writeStringField("code", d.code());
          g.writeStringField("message", d.message());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("summaryWarnings");
      for (ReportLoader.Noted n : loaded.notes()) {
        g.writeStartObject();
        g.writeStringField("file", n.file());
        g.writeStringField("code", n.warning().code().id());
        g.writeStringField("jsonPath", n.warning().jsonPath());
        g.writeStringField("message", n.warning().message());
        g.writeBooleanField("setAside", n.warning().code().setsAside());
        g.writeEndObject();
      }
      g.writeEndArray();
      writeSkipped(g, skipped);
    }
  }

  /** Writes {@code skipped} (the number) and {@code skippedFiles} (file and reason of each). */
  static void writeSkipped(JsonGenerator g, List<ReportFiles.Skipped> skipped) throws IOException {
    g.writeNumberField("skipped", skipped.size());
    g.writeArrayFieldStart("skippedFiles");
    for (ReportFiles.Skipped s : skipped) {
      g.writeStartObject();
      g.writeStringField("file", s.file());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeDomain(JsonGenerator g, DomainSummary d) throws IOException {
    // The one writer of a domain's JSON, shared with the Flink job's JSON lines.
    DomainSummaryJson.write(g, d);
  }
}
