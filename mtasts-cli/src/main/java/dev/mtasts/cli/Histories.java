package dev.mtasts.cli;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.internal.Times;
import dev.mtasts.policy.MtaStsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The publication history a command works from: the kept file ({@code history.json} in the domain
 * folder, or {@code --history FILE}), or, when none is kept, one rebuilt from what the folder says
 * is published now, marked as not known.
 *
 * @param history the history
 * @param known whether it was read from a kept file
 * @param file the file it was read from, or would be kept in
 * @param notes what the user should know about it
 */
record Histories(PublicationHistory history, boolean known, Path file, List<String> notes) {
  Histories {
    notes = List.copyOf(notes);
  }

  /** Returns the history file of a folder: {@code --history FILE}, else {@code DIR/history.json}. */
  static Path file(DomainFolder folder, @Nullable Path explicit) {
    return explicit != null ? explicit : folder.dir().resolve(DomainFolder.HISTORY_FILE);
  }

  /**
   * Reads the kept history, refusing one recorded after {@code at}; without one, rebuilds it.
   *
   * @throws CommandFailure exit 2 when {@code --history} names a missing file or the history is
   *     later than the moment; a broken file ends with its typed error (exit 1)
   */
  static Histories resolve(DomainFolder folder, @Nullable Path explicit, Instant at) {
    Path file = file(folder, explicit);
    List<String> notes = new ArrayList<>();
    if (Files.exists(file)) {
      PublicationHistory h = read(file, folder.domain());
      Optional<Instant> last = h.lastEvent();
      if (last.isPresent() && last.get().isAfter(at)) {
        throw new CommandFailure(ExitStatus.USAGE, file + " records an event at "
            + Times.format(last.get()) + ", after the moment of this evaluation ("
            + Times.format(at) + "); evaluate at that moment or later (--at), or check the clock");
      }
      compare(folder, h, file, notes);
      return new Histories(h, true, file, notes);
    }
    if (explicit != null) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + file + ": no such file (mtasts"
          + " history init DIR starts one)");
    }
    notes.add("no publication history is kept (" + file + "): what is published was rebuilt from"
        + " the folder alone, and earlier policies are unknown; mtasts history init "
        + folder.dir() + " starts one");
    return new Histories(rebuild(folder, at), false, file, notes);
  }

  /** Reads a history file with its typed errors; never resets one it cannot read. */
  static PublicationHistory read(Path file, String domain) {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + file + ": "
          + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    return PublicationHistory.read(file, domain);
  }

  /**
   * What the folder says is published, served since the first day any report covers (or
   * {@code at}): the policy file under the id of {@code _mta-sts.txt}.
   */
  static PublicationHistory rebuild(DomainFolder folder, Instant at) {
    PublicationHistory h = PublicationHistory.empty(folder.domain());
    StsRecord sts = folder.sts();
    MtaStsPolicy policy = folder.policy();
    if (sts == null || policy == null) {
      return h;
    }
    Instant since = folder.reports().summary().domain(folder.domain()).coveredDays().stream()
        .findFirst()
        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(i -> !i.isAfter(at))
        .orElse(at);
    return h.served(sts.id(), policy, since);
  }

  private static void compare(DomainFolder folder, PublicationHistory h, Path file,
      List<String> notes) {
    Optional<ServedPolicy> current = h.current();
    StsRecord sts = folder.sts();
    MtaStsPolicy policy = folder.policy();
    if (current.isEmpty()) {
      if (sts != null) {
        notes.add(file + " records nothing as served now, but " + DomainFolder.STS_FILE
            + " publishes id " + sts.id().value() + "; after publishing, run mtasts history record "
            + folder.dir());
      }
      return;
    }
    ServedPolicy served = current.get();
    if (sts == null || !sts.id().equals(served.id()) || !served.policy().equals(policy)) {
      notes.add(file + " says id " + served.id().value() + " (mode "
          + served.policy().mode().wireName() + ") is served since " + Times.format(served.from())
          + ", but the folder says " + (sts == null ? "no id" : "id " + sts.id().value())
          + (policy == null ? " and no policy" : " with mode " + policy.mode().wireName())
          + "; the plan follows the history. After publishing what the folder holds, run mtasts"
          + " history record " + folder.dir());
    }
  }
}
