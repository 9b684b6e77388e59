package dev.mtasts.cli;

import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ProgressBar;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the history commands share: the folder, its domain and the history file. */
final class HistoryFolderOptions {
  @Parameters(index = "0", paramLabel = "DIR", description = "The domain folder.")
  Path dir = Path.of(".");

  @Option(names = "--domain", paramLabel = "DOMAIN", description = "The policy domain (default: DIR's name).")
  @Nullable String domain;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "The history file (default: history.json in DIR).")
  @Nullable Path history;

  HistoryFolderOptions() {}

  DomainFolder read(Instant now) {
    // The history commands read what is published, not the reports: no progress bar.
    return DomainFolder.read(dir, domain, n -> ProgressBar.forFiles(
        new java.io.PrintWriter(java.io.Writer.nullWriter()), n, false), now);
  }

  Path file(DomainFolder folder) {
    return Histories.file(folder, history);
  }
}
