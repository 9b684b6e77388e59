package dev.mtasts.cli;

import picocli.CommandLine.Command;

/** {@code mtasts report}: TLS-RPT reports (RFC 8460). */
@Command(
    name = "report",
    description = "Read TLS-RPT reports (RFC 8460).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ReportSummarizeCommand.class})
final class ReportCommand {
  ReportCommand() {}
}
