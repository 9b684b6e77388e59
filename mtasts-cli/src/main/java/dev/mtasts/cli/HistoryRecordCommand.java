package dev.mtasts.cli;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.internal.Times;
import dev.mtasts.policy.MtaStsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mtasts history record}: records that the steps of a plan were done, from what the folder
 * now says is published. This is the one documented way to record a step (no {@code plan
 * --record}): the folder mirrors what is published, the history remembers what was.
 */
@Command(
    name = "record",
    description = {
      "Record in the history of DIR what the folder now says is published, after the steps of a"
          + " plan were done: mta-sts.txt served under the id of _mta-sts.txt from --at (default:"
          + " now), the previous policy stopping then; with neither file left, the deletion.",
      "Refuses a policy changed under an id already recorded (senders would not fetch it, RFC 8461"
          + " §3.1), a moment before the last recorded event or after now, and a history it cannot"
          + " read (never rewritten)."
    })
final class HistoryRecordCommand extends CommandBase implements Callable<Integer> {
  @Mixin HistoryFolderOptions folderOptions = new HistoryFolderOptions();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "When the change was made (2026-11-24T12:00:00Z); default: now.")
  @Nullable Instant at;

  HistoryRecordCommand() {}

  @Override
  public Integer call() {
    Instant now = Times.ceilToSecond(environment().clock().instant());
    DomainFolder folder = folderOptions.read(now);
    Path file = folderOptions.file(folder);
    if (!Files.exists(file)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + file + ": no such file; start"
          + " the history with: mtasts history init " + EvaluationOptions.quote(folderOptions.dir.toString()));
    }
    PublicationHistory history = Histories.read(file, folder.domain());
    Instant when = at == null ? now : Times.ceilToSecond(at);
    if (when.isAfter(now)) {
      throw new CommandFailure(ExitStatus.USAGE, "--at " + Times.format(when) + " is after now ("
          + Times.format(now) + "); record a change once it is made");
    }
    Optional<Instant> last = history.lastEvent();
    if (last.isPresent() && when.isBefore(last.get())) {
      throw new CommandFailure(ExitStatus.USAGE, Times.format(when) + " is before the last recorded"
          + " event (" + Times.format(last.get()) + "); the history only moves forward");
    }
    StsRecord sts = folder.sts();
    MtaStsPolicy policy = folder.policy();
    Optional<ServedPolicy> current = history.current();
    PublicationHistory next;
    String what;
    if (sts == null && policy == null) {
      if (current.isEmpty()) {
        out().println("Nothing to record: " + file + " already records nothing as served.");
        return ExitStatus.OK;
      }
      next = history.stopped(when);
      what = "policy " + current.get().id().value() + " stopped being served at "
          + Times.format(when) + "; senders may keep cached policies until "
          + Times.format(next.cacheExpiry().orElse(when));
    } else if (sts == null || policy == null) {
      throw new CommandFailure(ExitStatus.NEGATIVE, "the folder has "
          + (sts != null ? DomainFolder.STS_FILE + " but no usable " + DomainFolder.POLICY_FILE
              : DomainFolder.POLICY_FILE + " but no usable " + DomainFolder.STS_FILE)
          + "; record a publication with both, or a deletion with neither");
    } else {
      PolicyId id = sts.id();
      if (current.isPresent() && current.get().id().equals(id)) {
        if (current.get().policy().equals(policy)) {
          out().println("Nothing to record: " + file + " already records id " + id.value()
              + " with this policy as served since " + Times.format(current.get().from()) + ".");
          return ExitStatus.OK;
        }
        throw new CommandFailure(ExitStatus.NEGATIVE, DomainFolder.POLICY_FILE + " changed but "
            + DomainFolder.STS_FILE + " still has id " + id.value() + ": senders that cached the old"
            + " policy would never fetch the new one (RFC 8461 §3.1). Publish a new id (mtasts"
            + " record new-id) and put it in " + DomainFolder.STS_FILE);
      }
      if (history.ids().contains(id)) {
        throw new CommandFailure(ExitStatus.NEGATIVE, "id " + id.value() + " was published before;"
            + " a sender still holding that earlier policy would not fetch this one (RFC 8461"
            + " §3.1). Publish a new id (mtasts record new-id)");
      }
      next = history.served(id, policy, when);
      what = "id " + id.value() + " (mode " + policy.mode().wireName() + ", max_age " + policy.maxAge()
          + " s) is served since " + Times.format(when)
          + (current.isPresent() ? ", replacing id " + current.get().id().value() : "");
    }
    next.write(file);
    out().println("Recorded in " + file + ": " + what + ".");
    return ExitStatus.OK;
  }
}
