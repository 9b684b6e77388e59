package dev.mtasts.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** Runs the command tree in-process with captured streams, as the tests' single entry point. */
final class Cli {
  /** The instant the tests' clock stands still at. */
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private String stdin = "";
  private boolean terminal;

  /** The outcome of one run. */
  record Result(int status, String out, String err) {
    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Cli stdin(String text) {
    this.stdin = text;
    return this;
  }

  Cli terminal(boolean isTerminal) {
    this.terminal = isTerminal;
    return this;
  }

  Result run(String... args) {
    CliEnvironment env =
        new CliEnvironment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            terminal,
            Clock.fixed(NOW, ZoneOffset.UTC));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  static Result exec(String... args) {
    return new Cli().run(args);
  }
}
