package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.Locations;
import dev.mtasts.cli.internal.TxtText;
import dev.mtasts.dns.ParseMode;
import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts record check}: validates an {@code _mta-sts} or {@code _smtp._tls} TXT record value. */
@Command(
    name = "check",
    description = {
      "Validate a TXT record value: v=STSv1 (_mta-sts, RFC 8461 section 3.1) or v=TLSRPTv1"
          + " (_smtp._tls, RFC 8460 section 3), chosen by its version tag. Prints the canonical"
          + " value; errors and warnings go to standard error as record:1:COL: error CODE: message.",
      "The value may be given as dig prints it (\"v=STSv1; \" \"id=1;\"): quoted strings are joined.",
      "Exit status 0 when the record is valid, 1 when it is not."
    })
final class RecordCheckCommand extends CommandBase implements Callable<Integer> {
  private static final String LENIENT = "--lenient";
  private static final String JSON = "--json";

  @Option(
      names = LENIENT,
      description = "Accept what is seen in the wild (hyphens in ids, empty fields...)"
          + " with a warning each.")
  boolean lenient;

  @Option(names = JSON, description = "Print one JSON object: valid, type, errors, warnings, text.")
  boolean json;

  @Parameters(index = "0", paramLabel = "TEXT", description = "The record value, or - to read it from standard input.")
  String text = "";

  RecordCheckCommand() {}

  /**
   * Tells whether the arguments are {@code record check TEXT}, optionally with {@code --lenient}
   * and {@code --json} (each at most once, anywhere after {@code check}), TEXT not starting with
   * {@code -} (so neither standard input nor an option): the form {@link Start} runs without
   * picocli. picocli reads such a command line the same way (no {@code @file} expansion, no
   * abbreviations, no quote trimming); anything else goes through picocli.
   *
   * @param args the command-line arguments
   * @return whether {@link #runShortForm} can run them
   */
  static boolean isShortForm(String[] args) {
    if (args.length < 3 || args.length > 5 || !"record".equals(args[0]) || !"check".equals(args[1])) {
      return false;
    }
    int texts = 0;
    boolean lenient = false;
    boolean json = false;
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      if (LENIENT.equals(a) && !lenient) {
        lenient = true;
      } else if (JSON.equals(a) && !json) {
        json = true;
      } else if (a.startsWith("-")) {
        return false;
      } else {
        texts++;
      }
    }
    return texts == 1;
  }

  /**
   * Runs a command line that {@link #isShortForm} accepts, as picocli would run it.
   *
   * @param args the command-line arguments
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  static int runShortForm(String[] args, PrintWriter out, PrintWriter err) {
    RecordCheckCommand command = new RecordCheckCommand();
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      if (LENIENT.equals(a)) {
        command.lenient = true;
      } else if (JSON.equals(a)) {
        command.json = true;
      } else {
        command.text = a;
      }
    }
    command.directOut = out;
    command.directErr = err;
    try {
      return command.call();
    } catch (Exception e) {
      // As picocli's execution-exception handler (Main.FailureHandler); no --debug here.
      return Failures.report(e, err, false);
    }
  }

  /** The outcome of one check, for either output form. */
  private record Outcome(
      @Nullable String type,
      String label,
      String input,
      @Nullable String canonical,
      @Nullable String summary,
      List<Warning> warnings,
      @Nullable RecordParseException error) {}

  @Override
  public Integer call() throws IOException {
    String label = Inputs.STDIN.equals(text) ? "<stdin>" : "record";
    Outcome outcome;
    if (Inputs.STDIN.equals(text)) {
      byte[] bytes = Inputs.read(text, environment().stdin(), Inputs.RECORD_MAX_BYTES);
      outcome = bytes.length > Inputs.RECORD_MAX_BYTES
          ? tooLarge(label)
          : check(label, TxtText.unwrap(new String(bytes, StandardCharsets.UTF_8)));
    } else {
      outcome = check(label, TxtText.unwrap(text));
    }
    if (json) {
      writeJson(outcome);
    } else {
      writeText(outcome);
    }
    return outcome.error() == null ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  /** The input is over the limit: refused at 1:1 without reading the rest. */
  private static Outcome tooLarge(String label) {
    RecordParseException e = new RecordParseException(RecordErrorCode.INPUT_TOO_LARGE, 1,
        "the input is larger than " + Inputs.RECORD_MAX_BYTES / 1024 + " KiB; a TXT record value"
            + " holds at most 65535 bytes");
    return new Outcome(null, label, "", null, null, List.of(), e);
  }

  private Outcome check(String label, String record) {
    ParseMode mode = lenient ? ParseMode.LENIENT : ParseMode.STRICT;
    String head = record.stripLeading().toLowerCase(Locale.ROOT);
    try {
      if (head.startsWith("v=tlsrpt")) {
        ParseResult<TlsRptRecord> parsed = TlsRptRecord.read(record, mode);
        List<URI> rua = parsed.value().rua();
        return new Outcome("tlsrpt", label, record, parsed.value().toText(),
            "valid _smtp._tls record (" + Describe.plural(rua.size(), "report URI") + ": "
                + String.join(", ", rua.stream().map(URI::toString).toList()) + ")",
            parsed.warnings(), null);
      }
      if (head.startsWith("v=")) {
        ParseResult<StsRecord> parsed = StsRecord.read(record, mode);
        return new Outcome("sts", label, record, parsed.value().toText(),
            "valid _mta-sts record (id " + parsed.value().id() + ")", parsed.warnings(), null);
      }
      throw new RecordParseException(RecordErrorCode.MISSING_VERSION, 1,
          "a record starts with v=STSv1 (_mta-sts, RFC 8461) or v=TLSRPTv1 (_smtp._tls, RFC 8460)");
    } catch (RecordParseException e) {
      String type = head.startsWith("v=tlsrpt") ? "tlsrpt" : head.startsWith("v=sts") ? "sts" : null;
      return new Outcome(type, label, record, null, null, List.of(), e);
    }
  }

  private void writeText(Outcome o) {
    PrintWriter err = err();
    RecordParseException e = o.error();
    if (e != null) {
      err.println(o.label() + ":1:" + e.column() + ": error " + e.code().id() + ": " + escape(e.detail()));
      if (!o.input().isEmpty() || e.code() != RecordErrorCode.INPUT_TOO_LARGE) {
        // The record as given, escaped (a dig-style \027 is ESC), and the caret under the column
        // in the escaped text.
        int before = Math.max(0, Math.min(e.column(), o.input().length() + 1) - 1);
        err.println("  " + escape(o.input()));
        err.println("  " + " ".repeat(escape(o.input().substring(0, before)).length()) + "^");
      }
      return;
    }
    // Without an error, the outcome always has its canonical text and summary.
    out().println(escape(Objects.requireNonNull(o.canonical())));
    out().flush();
    for (Warning w : o.warnings()) {
      err.println(o.label() + ":1:" + Locations.column(w.location()) + ": warning " + w.code().id() + ": "
          + escape(w.message()));
    }
    err.println(o.label() + ": " + escape(Objects.requireNonNull(o.summary())));
  }

  private void writeJson(Outcome o) throws IOException {
    try (JsonOutput out = JsonOutput.open(out())) {
      JsonGenerator g = out.generator();
      g.writeBooleanField("valid", o.error() == null);
      if (o.type() == null) {
        g.writeNullField("type");
      } else {
        g.writeStringField("type", o.type());
      }
      g.writeArrayFieldStart("errors");
      RecordParseException e = o.error();
      if (e != null) {
        g.writeStartObject();
        g.writeNumberField("line", 1);
        g.writeNumberField("column", e.column());
        g.writeStringField("code", e.code().id());
        g.writeStringField("message", e.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (Warning w : o.warnings()) {
        g.writeStartObject();
        g.writeNumberField("line", 1);
        g.writeNumberField("column", Locations.column(w.location()));
        g.writeStringField("code", w.code().id());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      String canonical = o.canonical();
      if (canonical != null) {
        g.writeStringField("text", canonical);
      }
    }
  }
}
