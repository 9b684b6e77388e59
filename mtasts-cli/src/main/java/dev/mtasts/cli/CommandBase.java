package dev.mtasts.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command shares: its streams and the environment of the root command. */
abstract class CommandBase {
  // picocli injects the spec before any method of the command runs; NullAway cannot see that.
  @SuppressWarnings("NullAway.Init")
  @Spec
  CommandSpec spec;

  CommandBase() {}

  // Set instead of the spec when Main runs a command without picocli (its short path).
  @Nullable PrintWriter directOut;
  @Nullable PrintWriter directErr;

  final PrintWriter out() {
    PrintWriter w = directOut;
    return w != null ? w : spec.commandLine().getOut();
  }

  final PrintWriter err() {
    PrintWriter w = directErr;
    return w != null ? w : spec.commandLine().getErr();
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
