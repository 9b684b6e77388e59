package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.PostResult;
import dev.mtasts.tlsrpt.mail.ReportPoster;
import dev.mtasts.tlsrpt.mail.TlsTrust;
import dev.mtasts.tlsrpt.mail.TransportException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts report post}: delivers a report by HTTPS POST (RFC 8460 §5.4). */
@Command(
    name = "post",
    description = {
      "Deliver a report (.json or .json.gz) by HTTPS POST (RFC 8460 section 5.4) as"
          + " application/tlsrpt+gzip; only a 2xx answer counts as delivered.",
      "With --retry-for, a failure is retried with exponential back-off (1 minute, doubling, at"
          + " most 2 hours apart) for that long, 24 hours at most (section 5.5)."
    })
final class ReportPostCommand extends CommandBase implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REPORT", description = "The report file; - reads standard input.")
  String report = "";

  @Parameters(index = "1", paramLabel = "URL", description = "The https: URL of the rua.")
  String url = "";

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "The longest one request may take (default 30).")
  int timeoutSeconds;

  @Option(names = "--trust", paramLabel = "PEM",
      description = "Also trust the certificates in this PEM file (a self-signed receiver, a"
          + " company CA), beside the JDK's roots.")
  @Nullable Path trust;

  @Option(names = "--retry-for", paramLabel = "HOURS", defaultValue = "0",
      description = "Retry failures for this many hours, 0 to 24 (default 0: one attempt).")
  int retryHours;

  ReportPostCommand() {}

  @Override
  public Integer call() {
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw CommandFailure.usage("--timeout must be 1 to 3600 seconds, found " + timeoutSeconds);
    }
    if (retryHours < 0 || retryHours > 24) {
      throw CommandFailure.usage("--retry-for must be 0 to 24 hours (RFC 8460 §5.5), found " + retryHours);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw CommandFailure.usage("URL " + escape(url) + " is not a URL: " + escape(e.getReason()));
    }
    TlsTrust roots;
    try {
      roots = trust == null ? TlsTrust.system() : TlsTrust.systemPlus(trust);
    } catch (TransportException e) {
      throw CommandFailure.usage("--trust " + e.getMessage());
    }
    String label = Inputs.label(report);
    byte[] bytes = Inputs.read(report, environment().stdin(), (int) ReadLimits.DEFAULT.maxDocumentBytes());
    TlsRptReport r;
    try {
      r = TlsRptReader.lenient().read(bytes).value();
    } catch (ReportParseException e) {
      throw new CommandFailure(ExitStatus.NEGATIVE, escape(label) + ": " + e.code().id() + " at "
          + e.location().path() + ": " + escape(e.detail()), e);
    }
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    ReportPoster poster = ReportPoster.of(
        HttpClient.newBuilder().connectTimeout(timeout).sslContext(roots.sslContext()).build(),
        environment().clock(),
        d -> Thread.sleep(d.toMillis()), timeout, Duration.ofHours(retryHours));
    PostResult result;
    try {
      result = poster.post(r, uri);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(escape(String.valueOf(e.getMessage())));
    }
    if (result.delivered()) {
      out().println("delivered to " + escape(url) + ": HTTP " + result.status() + " after "
          + Describe.plural(result.attempts(), "attempt"));
      return ExitStatus.OK;
    }
    err().println("mtasts: not delivered to " + escape(url) + " after "
        + Describe.plural(result.attempts(), "attempt") + ": " + escape(String.valueOf(result.failure())));
    return ExitStatus.NEGATIVE;
  }
}
