package dev.mtasts.cli;

import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.PolicyIdGenerator;
import dev.mtasts.dns.RecordParseException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mtasts record new-id}: prints a fresh policy id. */
@Command(
    name = "new-id",
    description = {
      "Print a fresh policy id for the _mta-sts record: the UTC time yyyyMMddHHmmss, guaranteed"
          + " different from the current id and sorting after it when that is a timestamp too.",
      "Publish the new policy file first, then the record with the new id (RFC 8461 section 8.1)."
    })
final class RecordNewIdCommand extends CommandBase implements Callable<Integer> {
  @Option(names = "--current", paramLabel = "ID", description = "The id published now.")
  @Nullable String current;

  @Option(names = "--random", description = "A random id (20 letters and digits) instead of a timestamp.")
  boolean random;

  RecordNewIdCommand() {}

  @Override
  public Integer call() {
    PolicyId currentId = null;
    if (current != null) {
      try {
        currentId = PolicyId.of(current);
      } catch (RecordParseException e) {
        throw new ParameterException(spec.commandLine(), "--current \"" + current + "\": " + e.detail());
      }
    }
    PolicyIdGenerator generator =
        random ? PolicyIdGenerator.random(new SecureRandom()) : PolicyIdGenerator.timestamp(environment().clock());
    out().println(generator.next(currentId).value());
    return ExitStatus.OK;
  }
}
