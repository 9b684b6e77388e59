package dev.mtasts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Placeholder until the lifecycle module is installed. */
@Command(name = "plan", description = "Print the ordered steps.")
final class PlanCommand extends CommandBase implements Callable<Integer> {
  enum Goal { DEPLOY, ENFORCE, ROLLBACK, NONE, DELETE }
  @Parameters(index = "0", paramLabel = "TARGET") Goal goal = Goal.DEPLOY;
  @Parameters(index = "1", paramLabel = "DIR") Path dir = Path.of(".");
  PlanCommand() {}
  @Override
  public Integer call() {
    throw new IllegalStateException("pending");
  }
}
