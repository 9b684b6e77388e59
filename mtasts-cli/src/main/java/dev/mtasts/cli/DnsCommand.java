package dev.mtasts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Placeholder until the resolver API is installed. */
@Command(name = "dns", mixinStandardHelpOptions = true, description = "Look up _mta-sts.DOMAIN, _smtp._tls.DOMAIN and the MX hosts of DOMAIN.")
final class DnsCommand extends CommandBase implements Callable<Integer> {
  @Option(names = "--timeout", defaultValue = "5") int timeoutSeconds;
  @Parameters(index = "0", paramLabel = "DOMAIN") String domain = "";
  DnsCommand() {}
  @Override
  public Integer call() {
    throw new IllegalStateException("pending");
  }
}
