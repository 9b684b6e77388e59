package dev.mtasts.cli;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.HtmlOutput;
import dev.mtasts.lifecycle.Readiness;
import dev.mtasts.report.html.HtmlReport;
import dev.mtasts.report.html.ReportingOrganizations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The HTML page of {@code mtasts readiness DIR --html FILE}: the verdict above the charts. */
final class ReadinessPage {
  private ReadinessPage() {}

  /**
   * Writes the page of a domain folder and its verdict; the axis is the readiness window, so days
   * of the window without a report show as gaps.
   *
   * @param folder the folder read
   * @param readiness the verdict
   * @param organizations who reported
   * @param notes what is missing or wrong in the folder
   * @param file where to write
   * @param environment the clock
   */
  static void write(DomainFolder folder, Readiness readiness,
      ReportingOrganizations organizations, List<String> notes, Path file,
      CliEnvironment environment) {
    if (file.toString().equals("-")) {
      throw CommandFailure.usage("--html needs a file name: standard output carries the verdict");
    }
    HtmlReport page = HtmlReport.newBuilder(folder.reports().summary())
        .title("MTA-STS readiness: " + folder.domain())
        .generatedAt(environment.clock().instant())
        .generator(new VersionProvider().getVersion()[0])
        .readiness(folder.domain(), readiness)
        .domains(List.of(folder.domain()))
        .days(readiness.windowStart(), readiness.windowEnd())
        .organizations(organizations)
        .unreadable(HtmlOutput.unreadable(folder.reports()))
        .notes(notes)
        .build();
    // A file, never standard output: that carries the verdict text or JSON.
    HtmlOutput.write(page, file.toString(), new PrintWriter(PrintWriter.nullWriter()));
  }
}
