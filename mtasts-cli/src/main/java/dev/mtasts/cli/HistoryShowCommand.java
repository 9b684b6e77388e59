package dev.mtasts.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.DomainFolder;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.lifecycle.Deployment;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.lifecycle.internal.Times;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtasts history show}: what the history says was served, and until when it is cached. */
@Command(
    name = "show",
    description = "Print the publication history of DIR: each policy with its id, when it was"
        + " served, and until when senders may cache it; and the state now.")
final class HistoryShowCommand extends CommandBase implements Callable<Integer> {
  @Mixin HistoryFolderOptions folderOptions = new HistoryFolderOptions();

  @Option(names = "--json", description = "Print one JSON object: domain, state, served, cacheExpiry.")
  boolean json;

  HistoryShowCommand() {}

  @Override
  public Integer call() throws IOException {
    Instant now = Times.ceilToSecond(environment().clock().instant());
    DomainFolder folder = folderOptions.read(now);
    Path file = folderOptions.file(folder);
    if (!Files.exists(file)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + file + ": no such file; start"
          + " the history with: mtasts history init " + EvaluationOptions.quote(folderOptions.dir.toString()));
    }
    PublicationHistory history = Histories.read(file, folder.domain());
    Instant at = history.lastEvent().filter(last -> last.isAfter(now)).orElse(now);
    Deployment state = Deployment.of(history, at);
    Instant expiry = history.cacheExpiry(at);
    if (json) {
      try (JsonOutput o = JsonOutput.open(out())) {
        JsonGenerator g = o.generator();
        g.writeStringField("domain", history.domain());
        g.writeStringField("file", file.toString());
        g.writeStringField("at", at.toString());
        g.writeStringField("state", state.state().name());
        g.writeArrayFieldStart("served");
        for (ServedPolicy e : history.entries()) {
          g.writeStartObject();
          g.writeStringField("id", e.id().value());
          g.writeStringField("mode", e.policy().mode().wireName());
          g.writeNumberField("maxAge", e.policy().maxAge());
          g.writeStringField("from", e.from().toString());
          if (e.until() != null) {
            g.writeStringField("until", e.until().toString());
          } else {
            g.writeNullField("until");
          }
          g.writeStringField("cachedUntil", e.cachedUntil(at).toString());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("cacheExpiry", expiry.toString());
      }
      return ExitStatus.OK;
    }
    PrintWriter out = out();
    out.println(history.domain() + ": " + state.state() + " (" + file + ", as of "
        + Times.format(at) + ")");
    List<ServedPolicy> entries = history.entries();
    if (entries.isEmpty()) {
      out.println("  nothing was ever published");
    }
    for (int i = 0; i < entries.size(); i++) {
      ServedPolicy e = entries.get(i);
      out.println("  " + (i + 1) + ". id " + e.id().value() + ": mode " + e.policy().mode().wireName()
          + ", max_age " + e.policy().maxAge() + " s, served from " + Times.format(e.from())
          + (e.until() == null ? ", still served" : " to " + Times.format(e.until()))
          + "; cached at most until " + Times.format(e.cachedUntil(at))
          + (e.until() == null ? " if it stopped now" : ""));
    }
    if (!entries.isEmpty()) {
      out.println("Every policy a sender may hold has expired by " + Times.format(expiry)
          + (history.current().isPresent() ? " if the policy served now stopped now" : "") + ".");
    }
    return ExitStatus.OK;
  }
}
