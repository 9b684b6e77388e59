package dev.mtasts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command {@code mtasts}: only subcommands, and the options they all share. */
@Command(
    name = "mtasts",
    // Subcommands inherit -h/--help, -V/--version and the version provider.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): check policies and records, look them"
        + " up, read reports, and plan the lifecycle of a domain.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      PolicyCommand.class,
      RecordCommand.class,
      DnsCommand.class,
      FetchCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      ReadinessCommand.class,
      PlanCommand.class,
      HistoryCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success (valid, ready); 1 invalid input or negative verdict;"
          + " 2 usage error or a file that cannot be opened.",
      "Files can be given as - for standard input."
    })
final class MtastsCommand {
  private final CliEnvironment environment;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  private boolean debug;

  MtastsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  CliEnvironment environment() {
    return environment;
  }

  boolean debug() {
    return debug;
  }
}
