package dev.mtasts.cli;

import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.policy.LineEnding;
import dev.mtasts.policy.LintFinding;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyLint;
import dev.mtasts.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mtasts policy new}: prints a canonical policy file. */
@Command(
    name = "new",
    description = {
      "Print a canonical policy file (CRLF line ends) for the given mode, MX patterns and max_age.",
      "Lint findings go to standard error. Bad values are usage errors (exit status 2)."
    })
final class PolicyNewCommand extends CommandBase implements Callable<Integer> {
  /** One week, the commonly recommended minimum for testing and enforce. */
  private static final long DEFAULT_MAX_AGE = 604_800L;

  /** One day, the value RFC 8461 §8.3 suggests when turning MTA-STS off with mode none. */
  private static final long NONE_MAX_AGE = 86_400L;

  @Option(
      names = "--mode",
      required = true,
      paramLabel = "MODE",
      description = "testing, enforce or none.")
  String mode = "";

  @Option(
      names = "--mx",
      paramLabel = "PATTERN",
      split = ",",
      description = "An MX host or *.wildcard pattern; repeat it or separate with commas."
          + " At least one unless the mode is none.")
  List<String> mx = new ArrayList<>();

  @Option(
      names = "--max-age",
      paramLabel = "SECONDS",
      description = "How long senders may cache the policy, 0..31557600"
          + " (default: 604800, one week; 86400 for mode none).")
  @Nullable Long maxAge;

  @Option(names = "--lf", description = "Write LF line ends instead of CRLF.")
  boolean lf;

  PolicyNewCommand() {}

  @Override
  public Integer call() {
    Mode m =
        Mode.fromWireName(mode.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> usage("--mode \"" + mode + "\" is not one of testing, enforce, none"));
    long seconds = maxAge != null ? maxAge : m == Mode.NONE ? NONE_MAX_AGE : DEFAULT_MAX_AGE;
    if (seconds < 0 || seconds > MtaStsPolicy.MAX_MAX_AGE) {
      throw usage("--max-age " + seconds + " is outside 0.." + MtaStsPolicy.MAX_MAX_AGE
          + " (RFC 8461 section 3.2)");
    }
    List<MxPattern> patterns = new ArrayList<>();
    for (String p : mx) {
      try {
        patterns.add(MxPattern.parse(p.trim()));
      } catch (PolicyParseException e) {
        throw usage("--mx \"" + p + "\": " + e.detail());
      }
    }
    if (m.requiresMx() && patterns.isEmpty()) {
      throw usage("mode " + m.wireName() + " needs at least one --mx pattern (RFC 8461 section 3.2)");
    }
    MtaStsPolicy policy = MtaStsPolicy.of(m, seconds, patterns);
    out().print(policy.toText(lf ? LineEnding.LF : LineEnding.CRLF));
    out().flush();
    for (LintFinding f : PolicyLint.lint(policy)) {
      err().println(f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code().id() + ": " + f.message());
    }
    return ExitStatus.OK;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
