package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.Locations;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.policy.LineEnding;
import dev.mtasts.policy.LintFinding;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.PolicyLint;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.policy.Warning;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts policy check}: validates a policy file, prints its canonical text and the lint findings. */
@Command(
    name = "check",
    description = {
      "Validate a policy file (strict RFC 8461 by default). Prints the canonical text on standard"
          + " output; errors, warnings and lint findings go to standard error as"
          + " FILE:LINE:COL: SEVERITY CODE: message.",
      "Exit status 0 when the policy is valid (even with lint findings), 1 when it is not."
    })
final class PolicyCheckCommand extends CommandBase implements Callable<Integer> {
  @Option(
      names = "--lenient",
      description = "Accept the common deviations (BOM, blank lines, CR line ends, key case...)"
          + " with a warning each.")
  boolean lenient;

  @Option(
      names = "--mx-hosts",
      paramLabel = "HOST",
      split = ",",
      description = "The domain's actual MX hosts, comma-separated: lint reports hosts no pattern"
          + " covers and patterns that cover no host.")
  List<String> mxHosts = new ArrayList<>();

  @Option(names = "--lf", description = "Print the canonical text with LF line ends instead of CRLF.")
  boolean lf;

  @Option(names = "--json", description = "Print one JSON object: valid, errors, warnings, findings, text.")
  boolean json;

  @Parameters(index = "0", paramLabel = "FILE", description = "The policy file, or - for standard input.")
  String file = "";

  PolicyCheckCommand() {}

  @Override
  public Integer call() throws IOException {
    byte[] body = Inputs.read(file, environment().stdin(), Inputs.POLICY_MAX_BYTES);
    String label = escape(Inputs.label(file));
    PolicyParser parser = lenient ? PolicyParser.lenient() : PolicyParser.strict();
    ParseResult<MtaStsPolicy> result;
    try {
      result = parser.parse(body);
    } catch (PolicyParseException e) {
      if (json) {
        writeJson(null, List.of(), List.of(), e);
      } else {
        err().println(label + ":" + e.line() + ":" + e.column() + ": error " + e.code().id() + ": " + escape(e.detail()));
      }
      return ExitStatus.NEGATIVE;
    }
    MtaStsPolicy policy = result.value();
    List<LintFinding> findings =
        mxHosts.isEmpty() ? PolicyLint.lint(policy) : PolicyLint.lint(policy, mxHosts);
    if (json) {
      writeJson(policy, result.warnings(), findings, null);
      return ExitStatus.OK;
    }
    String text = policy.toText(lf ? LineEnding.LF : LineEnding.CRLF);
    // Extension values may hold any UTF-8 but ASCII controls (RFC 8461 §3.2 sts-policy-vchar),
    // C1 controls and bidi controls included: the standard-output guard shows those escaped.
    out().print(text);
    out().flush();
    PrintWriter err = err();
    int unsafe = unsafeCharacters(text);
    if (unsafe > 0) {
      err.println(label + ": note: the canonical text holds " + Describe.plural(unsafe, "control character")
          + " (C1 or bidi), shown above as \\uXXXX so that the terminal does not act on them;"
          + " mtasts policy check --json gives the exact text");
    }
    for (Warning w : result.warnings()) {
      err.println(label + ":" + Locations.line(w.location()) + ":" + Locations.column(w.location()) + ": warning "
          + w.code().id() + ": " + escape(w.message()));
    }
    for (LintFinding f : findings) {
      err.println(label + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code().id() + ": "
          + escape(f.message()));
    }
    err.println(label + ": valid (" + Describe.policy(policy) + ")");
    return ExitStatus.OK;
  }

  /** Counts the characters other than line ends that a terminal would act on. */
  static int unsafeCharacters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\r' && c != '\n' && TerminalText.isUnsafe(c)) {
        n++;
      }
    }
    return n;
  }

  private void writeJson(
      @Nullable MtaStsPolicy policy,
      List<Warning> warnings,
      List<LintFinding> findings,
      @Nullable PolicyParseException error)
      throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("file", Inputs.label(file));
      g.writeBooleanField("valid", policy != null);
      g.writeArrayFieldStart("errors");
      if (error != null) {
        g.writeStartObject();
        g.writeNumberField("line", error.line());
        g.writeNumberField("column", error.column());
        g.writeStringField("code", error.code().id());
        g.writeStringField("message", error.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (Warning w : warnings) {
        g.writeStartObject();
        g.writeNumberField("line", Locations.line(w.location()));
        g.writeNumberField("column", Locations.column(w.location()));
        g.writeStringField("code", w.code().id());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (LintFinding f : findings) {
        g.writeStartObject();
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("code", f.code().id());
        g.writeStringField("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (policy != null) {
        g.writeObjectFieldStart("policy");
        g.writeStringField("mode", policy.mode().wireName());
        g.writeNumberField("maxAge", policy.maxAge());
        g.writeArrayFieldStart("mx");
        for (MxPattern p : policy.mx()) {
          g.writeString(p.pattern());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("text", policy.toText(lf ? LineEnding.LF : LineEnding.CRLF));
      }
    }
  }
}
