package dev.mtasts.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command shares: its streams and the environment of the root command. */
abstract class CommandBase {
  // picocli injects the spec before any method of the command runs; NullAway cannot see that.
  @SuppressWarnings("NullAway.Init")
  @Spec
  CommandSpec spec;

  CommandBase() {}

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Normalises a {@code --domain} argument as the summary normalises its policy-domain keys:
   * surrounding blanks dropped, lower case, one trailing root dot removed.
   */
  static String policyDomainArgument(String domain) {
    return dev.mtasts.policy.DomainName.comparisonKey(domain);
  }

  final CliEnvironment environment() {
    return ((MtastsCommand) spec.root().userObject()).environment();
  }
}
