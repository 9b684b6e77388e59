package dev.mtasts.cli;

import picocli.CommandLine.Command;

/** {@code mtasts report}: TLS-RPT reports (RFC 8460). */
@Command(
    name = "report",
    description = "Read TLS-RPT reports and report mails (RFC 8460), fetch them from IMAP; write"
        + " and deliver report mails.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ReportSummarizeCommand.class, ReportHtmlCommand.class, ReportMailCommand.class,
      ReportPostCommand.class, ReportFetchCommand.class})
final class ReportCommand {
  ReportCommand() {}
}
