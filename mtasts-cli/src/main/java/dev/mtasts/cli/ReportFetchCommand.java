package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.ProgressBar;
import dev.mtasts.tlsrpt.mail.BrokenMail;
import dev.mtasts.tlsrpt.mail.FetchResult;
import dev.mtasts.tlsrpt.mail.ImapMailbox;
import dev.mtasts.tlsrpt.mail.ImapPassword;
import dev.mtasts.tlsrpt.mail.ImapSource;
import dev.mtasts.tlsrpt.mail.MailEntry;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.TlsTrust;
import dev.mtasts.tlsrpt.mail.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mtasts report fetch}: stores the reports of an IMAP mailbox in a folder, each under its
 * RFC 8460 file name, atomically and idempotently.
 */
@Command(
    name = "fetch",
    description = {
      "Fetch the TLS-RPT report mails of an IMAP mailbox over TLS (imaps://, or imap:// with"
          + " STARTTLS required) and store each report in DIR under its RFC 8460 section 5.1 file"
          + " name, atomically (a temporary file renamed into place); a report already there is"
          + " not written again, so a second run writes nothing new.",
      "The password comes from the file --password-file names or from the environment variable"
          + " MTASTS_IMAP_PASSWORD, never from the command line. Mails are read without being"
          + " marked as seen; --move-to or --flag marks the mails whose reports were stored so"
          + " that a re-run reads only new ones. Mails without a report and broken mails stay.",
      "Then: mtasts readiness DOMAIN-FOLDER, with DIR as its reports/ folder.",
      "Exit status: 0 all read; 1 some mails broken or the connection lost (a re-run"
          + " completes); 2 usage, wrong password, untrusted certificate, unreachable server or"
          + " missing mailbox."
    })
final class ReportFetchCommand extends CommandBase implements Callable<Integer> {
  /** The environment variable the password is read from when no file is given. */
  static final String PASSWORD_VARIABLE = "MTASTS_IMAP_PASSWORD";

  @Option(names = "--imap", required = true, paramLabel = "URI",
      description = "The mailbox: imaps://USER@HOST[:PORT]/MAILBOX (port 993) or"
          + " imap://USER@HOST[:PORT]/MAILBOX (STARTTLS, port 143); a user name with @ as %%40.")
  String imap = "";

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to store the reports in (created when missing), for example a"
          + " domain folder's reports/.")
  Path out = Path.of(".");

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the password from the first line of FILE (default: the environment"
          + " variable " + PASSWORD_VARIABLE + ").")
  @Nullable Path passwordFile;

  @Option(names = "--move-to", paramLabel = "MAILBOX",
      description = "Move each mail whose reports were stored to MAILBOX (created when missing).")
  @Nullable String moveTo;

  @Option(names = "--flag",
      description = "Flag each mail whose reports were stored with the keyword "
          + ImapSource.PROCESSED_KEYWORD + " and read only mails without it.")
  boolean flag;

  @Option(names = "--trust", paramLabel = "PEM",
      description = "Also trust the certificates in this PEM file (a self-signed server, a"
          + " company CA), beside the JDK's roots.")
  @Nullable Path trust;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "The longest wait for the server, to connect and for each answer (default"
          + " 60).")
  int timeoutSeconds;

  ReportFetchCommand() {}

  @Override
  public Integer call() {
    if (timeoutSeconds < 1 || timeoutSeconds > 600) {
      throw CommandFailure.usage("--timeout must be 1 to 600 seconds, found " + timeoutSeconds);
    }
    if (moveTo != null && flag) {
      throw CommandFailure.usage("--move-to and --flag exclude each other: processed mails are"
          + " either moved or flagged");
    }
    ImapSource source;
    try {
      ImapMailbox mailbox = ImapMailbox.parse(imap);
      ImapPassword password = passwordFile != null
          ? ImapPassword.fromFile(passwordFile)
          : ImapPassword.fromEnvironment(environment().variables(), PASSWORD_VARIABLE);
      ImapSource.Builder b = ImapSource.newBuilder(mailbox, password)
          .timeout(Duration.ofSeconds(timeoutSeconds));
      if (trust != null) {
        b.trust(TlsTrust.systemPlus(trust));
      }
      if (moveTo != null) {
        b.moveTo(moveTo);
      }
      if (flag) {
        b.flagProcessed();
      }
      source = b.build();
    } catch (TransportException e) {
      throw CommandFailure.usage(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(String.valueOf(e.getMessage()));
    }
    ProgressBar[] bar = new ProgressBar[1];
    FetchResult result;
    try {
      result = source.fetchInto(out, (done, total) -> {
        if (bar[0] == null) {
          bar[0] = new ProgressBar(err(), total, environment().stderrIsTerminal(),
              "fetching mails");
        } else {
          bar[0].step();
        }
      });
    } catch (TransportException e) {
      throw new CommandFailure(exitStatus(e), e.getMessage() + hint(e), e);
    } finally {
      if (bar[0] != null) {
        bar[0].finish();
      }
    }
    for (String name : result.saved()) {
      out().println("saved " + escape(name));
    }
    for (MailEntry b : result.broken()) {
      MailParseException e = ((BrokenMail) b.outcome()).error();
      err().println("mtasts: " + escape(b.location()) + ": " + e.code().id() + ": "
          + escape(e.getMessage()));
    }
    String marked = moveTo != null ? "; " + Describe.plural(result.marked(), "mail")
        + " moved to " + escape(moveTo)
        : flag ? "; " + Describe.plural(result.marked(), "mail") + " flagged" : "";
    out().println(escape(source.mailbox().uri()) + ": " + Describe.plural(result.mails(), "mail")
        + " read, " + Describe.plural(result.saved().size(), "report") + " saved in "
        + escape(out.toString()) + ", " + result.alreadyStored() + " already there, "
        + result.notReports() + " without a report, " + result.broken().size() + " broken"
        + marked);
    return result.broken().isEmpty() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  private static int exitStatus(TransportException e) {
    return switch (e.code()) {
      case CONNECTION_LOST, SERVER_ERROR, STORAGE_FAILED -> ExitStatus.NEGATIVE;
      default -> ExitStatus.USAGE;
    };
  }

  private static String hint(TransportException e) {
    return switch (e.code()) {
      case AUTHENTICATION_FAILED -> " (check the user name in --imap and the password in"
          + " --password-file or " + PASSWORD_VARIABLE + ")";
      case CERTIFICATE_NOT_TRUSTED -> " (for a self-signed server: --trust SERVER-CERT.pem)";
      default -> "";
    };
  }
}
