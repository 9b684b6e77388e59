package dev.mtasts.cli;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.internal.Times;
import dev.mtasts.policy.MtaStsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtasts history init}: starts the history from what the folder says is published. */
@Command(
    name = "init",
    description = {
      "Start the publication history of DIR from what is published now: the policy in mta-sts.txt"
          + " served under the id in _mta-sts.txt since --since (default: now), or nothing when"
          + " neither file exists. Refuses to overwrite an existing history.",
      "Give --since the moment the policy really started being served: plans then know how long"
          + " mode testing has run, and a policy served before it stays unknown."
    })
final class HistoryInitCommand extends CommandBase implements Callable<Integer> {
  @Mixin HistoryFolderOptions folderOptions = new HistoryFolderOptions();

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      description = "When the published policy started being served (2026-11-24T12:00:00Z);"
          + " default: now.")
  @Nullable Instant since;

  HistoryInitCommand() {}

  @Override
  public Integer call() {
    Instant now = Times.ceilToSecond(environment().clock().instant());
    DomainFolder folder = folderOptions.read(now);
    Path file = folderOptions.file(folder);
    if (Files.exists(file) || Files.isSymbolicLink(file)) {
      throw new CommandFailure(ExitStatus.USAGE, file + " already exists; it is never reset."
          + " Record changes with mtasts history record, or move the file away to start again");
    }
    Instant from = since == null ? now : since;
    if (from.isAfter(now)) {
      throw new CommandFailure(ExitStatus.USAGE, "--since " + Times.format(from) + " is after now ("
          + Times.format(now) + ")");
    }
    PublicationHistory history = PublicationHistory.empty(folder.domain());
    StsRecord sts = folder.sts();
    MtaStsPolicy policy = folder.policy();
    if (sts != null && policy != null) {
      history = history.served(sts.id(), policy, from);
    } else if (sts != null) {
      throw new CommandFailure(ExitStatus.NEGATIVE, "the folder has " + DomainFolder.STS_FILE
          + " but no usable " + DomainFolder.POLICY_FILE + "; a published policy needs both"
          + " (RFC 8461 §3): fix the folder first");
    }
    history.write(file);
    if (sts != null && policy != null) {
      out().println("Started " + file + ": " + folder.domain() + " serves id " + sts.id().value()
          + " (mode " + policy.mode().wireName() + ", max_age " + policy.maxAge() + " s) since "
          + Times.format(from) + ".");
    } else {
      out().println("Started " + file + ": nothing is published for " + folder.domain()
          + (policy != null ? " (" + DomainFolder.POLICY_FILE + " without a _mta-sts record: no"
              + " sender looks for the policy yet)" : "") + ".");
    }
    if (since == null && history.current().isPresent()) {
      out().println("Note: served since now, as --since was not given; plans count the testing"
          + " period from this moment, and any policy served before stays unknown.");
    }
    return ExitStatus.OK;
  }
}
