package dev.mtasts.cli;

import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.TerminalText;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point of the {@code mtasts} command.
 *
 * <p>Exit status: 0 success (valid, ready), 1 the input is invalid or the verdict is negative (or
 * some reports could not be read), 2 a usage error or a file that cannot be opened. No stack trace
 * reaches the user unless {@code --debug} is given.
 *
 * <pre>{@code
 * int status = Main.newCommandLine(CliEnvironment.ofSystem()).execute("policy", "check", "mta-sts.txt");
 * }</pre>
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits the JVM with its status: the same as {@link Start#main}, the
   * runnable jar's entry point.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    Start.main(args);
  }

  /** Runs the command line through picocli's command tree and returns its exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = newCommandLine(CliEnvironment.ofSystem(), args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /**
   * Returns the command tree, ready to {@link CommandLine#execute(String...) execute}, with the
   * exit-status contract installed. Standard output and error default to the process's; replace
   * them with {@link CommandLine#setOut} and {@link CommandLine#setErr}.
   *
   * @param environment standard input, the terminal question and the clock
   * @return the command line of the root command {@code mtasts}
   */
  public static CommandLine newCommandLine(CliEnvironment environment) {
    return rootCommandLine(environment, MtastsCommand.SUBCOMMANDS.values());
  }

  /**
   * Returns the command tree for these arguments: when the first argument that is not an option
   * names a subcommand, the root holds that one only (the others are never loaded, which shortens
   * the start-up of a short command); otherwise (help, version, a mistyped name) every one, so
   * that the help lists them and a usage error can suggest the nearest. Options are inherited the
   * same either way.
   */
  static CommandLine newCommandLine(CliEnvironment environment, String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        Class<?> only = MtastsCommand.SUBCOMMANDS.get(arg);
        if (only == null) {
          break;
        }
        return rootCommandLine(environment, List.of(only));
      }
    }
    return newCommandLine(environment);
  }

  private static CommandLine rootCommandLine(CliEnvironment environment, Collection<Class<?>> subcommands) {
    CommandLine commandLine = new CommandLine(new MtastsCommand(environment));
    // Before the settings below: picocli applies them to the subcommands present at the call.
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    // "@file" arguments would be expanded by default; a record text or a file name may start with @.
    commandLine.setExpandAtFiles(false);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // No ANSI styles in help: standard output and error show escape characters visibly.
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    commandLine.setExitCodeExceptionMapper(e -> ExitStatus.NEGATIVE);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    // picocli's own conversion of dates names java.time classes and their exceptions.
    commandLine.registerConverter(LocalDate.class, Main::day);
    commandLine.registerConverter(Instant.class, new Converters.Moment());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    return commandLine;
  }

  /** Converts a {@code yyyy-MM-dd} option value, with a message in words when it is not one. */
  static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a UTC day in the form yyyy-MM-dd (such as 2026-11-01)");
    }
  }

  /** Usage errors: the message and a hint, exit status 2. */
  private static final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cl = ex.getCommandLine();
      PrintWriter err = cl.getErr();
      err.println("mtasts: " + TerminalText.escape(String.valueOf(ex.getMessage())));
      String name = cl.getCommandSpec().qualifiedName();
      err.println("Try '" + name + " --help' for more information.");
      err.flush();
      return ExitStatus.USAGE;
    }
  }

  /** Failures while a command runs: a message, the stack trace only with {@code --debug}. */
  private static final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
      boolean debug = ((MtastsCommand) cl.getCommandSpec().root().userObject()).debug();
      return Failures.report(ex, cl.getErr(), debug);
    }
  }
}
