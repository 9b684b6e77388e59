package dev.mtasts.cli;

import dev.mtasts.cli.internal.TerminalText;
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
  private java.io.@org.jspecify.annotations.Nullable InputStream stdinStream;
  private boolean terminal;
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private java.util.Map<String, String> variables = java.util.Map.of();

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

  /** Standard input as a stream (an endless one, for the size limits). */
  Cli stdin(java.io.InputStream stream) {
    this.stdinStream = stream;
    return this;
  }

  Cli clock(Clock c) {
    this.clock = c;
    return this;
  }

  /** The environment variables the command sees (none unless set here). */
  Cli env(java.util.Map<String, String> vars) {
    this.variables = vars;
    return this;
  }

  Cli terminal(boolean isTerminal) {
    this.terminal = isTerminal;
    return this;
  }

  /** Runs the tree main() runs: only the subcommand the arguments name (Main.newCommandLine(env, args)). */
  Result run(String... args) {
    return run(true, args);
  }

  /** Runs the whole tree (Main.newCommandLine(env)), as a library user would. */
  Result runFullTree(String... args) {
    return run(false, args);
  }

  private Result run(boolean lazy, String... args) {
    CliEnvironment env =
        new CliEnvironment(
            stdinStream != null ? stdinStream : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            terminal,
            clock,
            variables);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = lazy ? Main.newCommandLine(env, args) : Main.newCommandLine(env);
    // The same guard as the real standard streams (Start.utf8Writer).
    commandLine.setOut(new PrintWriter(TerminalText.guard(out), true));
    commandLine.setErr(new PrintWriter(TerminalText.guard(err), true));
    int status = commandLine.execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  /** Runs the short form of {@link Start} (record check without picocli), with the same guarded streams. */
  static Result execShortForm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = RecordCheckCommand.runShortForm(args,
        new PrintWriter(TerminalText.guard(out), true), new PrintWriter(TerminalText.guard(err), true));
    return new Result(status, out.toString(), err.toString());
  }

  static Result exec(String... args) {
    return new Cli().run(args);
  }
}
