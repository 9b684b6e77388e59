package dev.mtasts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Placeholder until the lifecycle module is installed. */
@Command(name = "readiness", description = "Decide whether a domain folder is ready to move from mode testing to enforce.")
final class ReadinessCommand extends CommandBase implements Callable<Integer> {
  @Option(names = "--window", defaultValue = "14") int windowDays;
  @Parameters(index = "0", paramLabel = "DIR") Path dir = Path.of(".");
  ReadinessCommand() {}
  @Override
  public Integer call() {
    throw new IllegalStateException("pending");
  }
}
