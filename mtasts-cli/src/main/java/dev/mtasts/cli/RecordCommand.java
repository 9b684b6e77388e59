package dev.mtasts.cli;

import picocli.CommandLine.Command;

/** {@code mtasts record}: the {@code _mta-sts} and {@code _smtp._tls} TXT records. */
@Command(
    name = "record",
    description = "Check an _mta-sts or _smtp._tls TXT record, or make a new policy id.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {RecordCheckCommand.class, RecordNewIdCommand.class})
final class RecordCommand {
  RecordCommand() {}
}
