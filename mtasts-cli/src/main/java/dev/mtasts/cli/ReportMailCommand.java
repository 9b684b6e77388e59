package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.ReportMailWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts report mail}: prints the RFC 8460 §5.3 report mail of a report file. */
@Command(
    name = "mail",
    description = {
      "Print the RFC 8460 section 5.3 report mail of a report (.json or .json.gz): multipart/report;"
          + " report-type=\"tlsrpt\", a text part, the gzip report attached under its RFC 8460 file"
          + " name, TLS-Report-Domain, TLS-Report-Submitter, the section 5.3 Subject,"
          + " Auto-Submitted: auto-generated and TLS-Required: No.",
      "Pipe it into sendmail: mtasts report mail R.json --from F --to T | sendmail -t"
    })
final class ReportMailCommand extends CommandBase implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REPORT", description = "The report file; - reads standard input.")
  String report = "";

  @Option(names = "--from", required = true, paramLabel = "ADDR", description = "The From address.")
  String from = "";

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ADDR",
      description = "The To address: the rua=mailto: address of the policy domain.")
  String to = "";

  ReportMailCommand() {}

  @Override
  public Integer call() {
    String label = Inputs.label(report);
    long limit = ReadLimits.DEFAULT.maxDocumentBytes();
    byte[] bytes = Inputs.read(report, environment().stdin(), (int) limit);
    TlsRptReport r;
    try {
      r = TlsRptReader.lenient().read(bytes).value();
    } catch (ReportParseException e) {
      throw new CommandFailure(ExitStatus.NEGATIVE, escape(label) + ": " + e.code().id() + " at "
          + e.location().path() + ": " + escape(e.detail()), e);
    }
    GeneratedReport generated = new GeneratedReport(r, fileName(r, label));
    byte[] mail;
    try {
      mail = ReportMailWriter.of(environment().clock()).write(generated, from, to);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(escape(String.valueOf(e.getMessage())));
    }
    out().print(new String(mail, StandardCharsets.US_ASCII));
    out().flush();
    return ExitStatus.OK;
  }

  /**
   * The file name to attach under: the input's own name when it is an RFC 8460 §5.1 name, else
   * one made from the contact-info domain, the first policy domain and the period.
   */
  private static ReportFileName fileName(TlsRptReport r, String label) {
    String base = Path.of(label).getFileName() == null ? label : String.valueOf(Path.of(label).getFileName());
    try {
      ReportFileName given = ReportFileName.parse(base);
      return new ReportFileName(given.sender(), given.policyDomain(), given.begin(), given.end(),
          given.uniqueId(), true);
    } catch (ReportParseException | IllegalArgumentException notRfc) {
      // Made from the body below.
    }
    String sender = domainOf(r.contactInfo());
    String domain = null;
    for (PolicyResult p : r.policies()) {
      String d = p.policyDomain();
      if (d != null && isAscii(d)) {
        domain = d;
        break;
      }
    }
    if (sender == null || domain == null) {
      throw new CommandFailure(ExitStatus.NEGATIVE, escape(label) + ": the report has no ASCII"
          + " contact-info domain or policy-domain to name its attachment by (RFC 8460 §5.1)");
    }
    try {
      return ReportFileName.of(sender, domain, r.dateRange(), null, true);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitStatus.NEGATIVE, escape(label) + ": " + escape(String.valueOf(e.getMessage())), e);
    }
  }

  private static @Nullable String domainOf(@Nullable String contactInfo) {
    if (contactInfo == null) {
      return null;
    }
    int at = contactInfo.lastIndexOf('@');
    String d = (at < 0 ? contactInfo : contactInfo.substring(at + 1)).trim().toLowerCase(Locale.ROOT);
    return isAscii(d) && !d.isEmpty() ? d : null;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || c == '.' || c == '_')) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
