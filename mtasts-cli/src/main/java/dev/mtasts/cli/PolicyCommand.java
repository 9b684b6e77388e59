package dev.mtasts.cli;

import picocli.CommandLine.Command;

/** {@code mtasts policy}: the policy file served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
@Command(
    name = "policy",
    description = "Check or write an MTA-STS policy file (RFC 8461 section 3.2).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PolicyCheckCommand.class, PolicyNewCommand.class})
final class PolicyCommand {
  PolicyCommand() {}
}
