package dev.mtasts.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    // The subcommands are added by Main (SUBCOMMANDS), all of them or only the one the arguments
    // name: picocli reads every option of every command it is given, which a short command pays
    // for at start-up.
    footer = {
      "",
      "Exit status: 0 success (valid, ready); 1 invalid input or negative verdict;"
          + " 2 usage error or a file that cannot be opened.",
      "Files can be given as - for standard input."
    })
final class MtastsCommand {
  /** The subcommands by name, in the order of the help. */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("policy", PolicyCommand.class);
    m.put("record", RecordCommand.class);
    m.put("dns", DnsCommand.class);
    m.put("fetch", FetchCommand.class);
    m.put("check", CheckCommand.class);
    m.put("report", ReportCommand.class);
    m.put("readiness", ReadinessCommand.class);
    m.put("plan", PlanCommand.class);
    m.put("history", HistoryCommand.class);
    return Collections.unmodifiableMap(m);
  }

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
