package dev.mtasts.cli;

import picocli.CommandLine.Command;

/** {@code mtasts history}: the publication history the CLI keeps in the domain folder. */
@Command(
    name = "history",
    description = {
      "Keep the publication history of a domain folder: what was served when, so plans know every"
          + " policy a sender may still have cached. It lives in DIR/history.json (or --history"
          + " FILE); every write is atomic, and a history that cannot be read is never rewritten.",
      "Start it with init; after doing the steps of a plan, update mta-sts.txt and _mta-sts.txt"
          + " in DIR to what is now published (or remove both after a deletion) and run record."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {HistoryInitCommand.class, HistoryRecordCommand.class, HistoryShowCommand.class})
final class HistoryCommand {
  HistoryCommand() {}
}
