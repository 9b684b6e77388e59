package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.Causes;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.cli.internal.Locations;
import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.MtaStsResolver;
import dev.mtasts.dns.MxHost;
import dev.mtasts.dns.ParseMode;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.Warning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts dns}: looks up a domain's two TXT records and its MX hosts. */
@Command(
    name = "dns",
    description = {
      "Look up _mta-sts.DOMAIN, _smtp._tls.DOMAIN and the MX hosts of DOMAIN (following CNAMEs),"
          + " and show what is wrong with them.",
      "Exit status 0 when both records are valid and there are MX hosts, 1 otherwise (also on a"
          + " temporary DNS failure: try again later)."
    })
final class DnsCommand extends CommandBase implements Callable<Integer> {
  @Option(
      names = "--resolver",
      paramLabel = "HOST:PORT",
      description = "Ask this DNS server (default: the system's resolvers). Port 53 when omitted;"
          + " IPv6 as [::1]:53.")
  @Nullable String resolver;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Give up on an attempt after this long (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "2",
      description = "Attempts after a timeout, 0..10 (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--lenient",
      description = "Read the records leniently (what senders in the wild accept), with warnings.")
  boolean lenient;

  @Option(names = "--json", description = "Print one JSON object: ok, sts, tlsRpt, mx, problems.")
  boolean json;

  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The policy domain, e.g. example.com.")
  String domain = "";

  DnsCommand() {}

  @Override
  public Integer call() throws InterruptedException, IOException {
    MtaStsResolver dns = buildResolver();
    CompletionStage<LookupResult<StsRecord>> sts;
    CompletionStage<LookupResult<TlsRptRecord>> tlsRpt;
    CompletionStage<LookupResult<List<MxHost>>> mx;
    try {
      sts = dns.lookupSts(domain);
      tlsRpt = dns.lookupTlsRpt(domain);
      mx = dns.lookupMx(domain);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "DOMAIN \"" + domain + "\": " + e.getMessage());
    }
    LookupResult<StsRecord> stsResult = await(sts);
    LookupResult<TlsRptRecord> tlsRptResult = await(tlsRpt);
    LookupResult<List<MxHost>> mxResult = await(mx);
    List<String> problems = new ArrayList<>();
    // The text is written in any case, to collect the problems; --json prints it nowhere.
    PrintWriter out = json ? new PrintWriter(Writer.nullWriter()) : out();
    show(out, "TXT", stsResult, r -> r.toText() + "  (policy id " + r.id() + ")", problems,
        "senders see no MTA-STS policy");
    show(out, "TXT", tlsRptResult, TlsRptRecord::toText, problems,
        "senders send no TLS reports");
    show(out, "MX", mxResult, DnsCommand::mxList, problems, "mail goes to the domain's A/AAAA address");
    if (mxResult instanceof LookupResult.Found<List<MxHost>> found
        && found.value().stream().anyMatch(MxHost::isNullMx)) {
      problems.add("the domain publishes a null MX (RFC 7505): it accepts no mail, MTA-STS is moot");
    }
    if (json) {
      try (JsonOutput o = JsonOutput.open(out())) {
        JsonGenerator g = o.generator();
        g.writeStringField("domain", domain);
        g.writeBooleanField("ok", problems.isEmpty());
        writeLookup(g, "sts", stsResult, (gen, r) -> {
          gen.writeStringField("text", r.toText());
          gen.writeStringField("id", r.id().value());
        });
        writeLookup(g, "tlsRpt", tlsRptResult, (gen, r) -> {
          gen.writeStringField("text", r.toText());
          gen.writeArrayFieldStart("rua");
          for (URI uri : r.rua()) {
            gen.writeString(uri.toString());
          }
          gen.writeEndArray();
        });
        writeLookup(g, "mx", mxResult, (gen, hosts) -> {
          gen.writeArrayFieldStart("hosts");
          for (MxHost h : hosts) {
            gen.writeStartObject();
            gen.writeNumberField("preference", h.preference());
            gen.writeStringField("host", h.isNullMx() ? "." : h.host());
            gen.writeEndObject();
          }
          gen.writeEndArray();
        });
        ReasonOutput.strings(g, "problems", problems);
      }
      return problems.isEmpty() ? ExitStatus.OK : ExitStatus.NEGATIVE;
    }
    out.println();
    if (problems.isEmpty()) {
      out.println("OK: both records are valid. The policy itself is served at https://mta-sts."
          + escape(domain) + "/.well-known/mta-sts.txt (not fetched by this command).");
      return ExitStatus.OK;
    }
    out.println(Describe.plural(problems.size(), "problem") + ":");
    for (String p : problems) {
      out.println("  - " + escape(p));
    }
    return ExitStatus.NEGATIVE;
  }

  /** Writes the value-specific members of a found record. */
  @FunctionalInterface
  private interface ValueWriter<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private static <T> void writeLookup(JsonGenerator g, String field, LookupResult<T> result,
      ValueWriter<T> value) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("name", result.name());
    if (result instanceof LookupResult.Found<T> found) {
      g.writeStringField("status", "found");
      value.write(g, found.value());
      g.writeArrayFieldStart("warnings");
      for (Warning w : found.warnings()) {
        g.writeStartObject();
        g.writeNumberField("column", Locations.column(w.location()));
        g.writeStringField("code", w.code().id());
        g.writeStringField("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (result instanceof LookupResult.NoRecord<T> none) {
      g.writeStringField("status", "no-record");
      g.writeStringField("reason", none.reason().name());
    } else if (result instanceof LookupResult.SeveralRecords<T> several) {
      g.writeStringField("status", "several-records");
      ReasonOutput.strings(g, "texts", several.texts());
    } else if (result instanceof LookupResult.InvalidRecord<T> invalid) {
      g.writeStringField("status", "invalid");
      g.writeStringField("text", invalid.text());
      g.writeObjectFieldStart("error");
      g.writeNumberField("column", invalid.error().column());
      g.writeStringField("code", invalid.error().code().id());
      g.writeStringField("message", invalid.error().detail());
      g.writeEndObject();
    } else if (result instanceof LookupResult.TemporaryFailure<T> failure) {
      g.writeStringField("status", "temporary-failure");
      g.writeStringField("kind", failure.kind().name());
      g.writeStringField("message", failure.message());
    }
    g.writeEndObject();
  }

  private MtaStsResolver buildResolver() {
    if (timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
    }
    if (retries < 0 || retries > 10) {
      throw new ParameterException(spec.commandLine(), "--retries must be 0 to 10");
    }
    MtaStsResolver.Builder builder =
        MtaStsResolver.newBuilder()
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .retries(retries)
            .parseMode(lenient ? ParseMode.LENIENT : ParseMode.STRICT);
    if (resolver != null) {
      builder.server(resolverAddress(resolver));
    }
    return builder.build();
  }

  private InetSocketAddress resolverAddress(String text) {
    String host = text;
    int port = 53;
    int colon = text.lastIndexOf(':');
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw badResolver(text, "missing ]");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw badResolver(text, "expected :PORT after ]");
        }
        port = parsePort(text, rest.substring(1));
      }
    } else if (colon >= 0 && text.indexOf(':') == colon) {
      host = text.substring(0, colon);
      port = parsePort(text, text.substring(colon + 1));
    }
    if (host.isEmpty()) {
      throw badResolver(text, "no host");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw badResolver(text, "unknown host " + host);
    }
  }

  private int parsePort(String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw badResolver(text, "port " + port + " is outside 1..65535");
      }
      return p;
    } catch (NumberFormatException e) {
      throw badResolver(text, "port \"" + port + "\" is not a number");
    }
  }

  private ParameterException badResolver(String text, String why) {
    return new ParameterException(
        spec.commandLine(), "--resolver \"" + text + "\": " + why + " (expected HOST:PORT)");
  }

  private static <T> LookupResult<T> await(CompletionStage<LookupResult<T>> stage)
      throws InterruptedException {
    CompletableFuture<LookupResult<T>> future = stage.toCompletableFuture();
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CommandFailure(ExitStatus.NEGATIVE, "the DNS lookup failed: " + Causes.describe(cause), cause);
    }
  }

  private static String mxList(List<MxHost> hosts) {
    List<String> parts = new ArrayList<>();
    for (MxHost h : hosts) {
      parts.add(h.preference() + " " + (h.isNullMx() ? "." : h.host()));
    }
    return String.join(", ", parts);
  }

  private static <T> void show(
      PrintWriter out,
      String type,
      LookupResult<T> result,
      Function<T, String> describe,
      List<String> problems,
      String consequence) {
    // TXT text and names come from the DNS: every one escaped (RFC 8461 §3.1 allows any
    // printable text in extension values, and a hostile server sends anything).
    String head = escape(result.name()) + " " + type + ": ";
    if (result instanceof LookupResult.Found<T> found) {
      out.println(head + escape(describe.apply(found.value())));
      for (Warning w : found.warnings()) {
        out.println("  warning " + w.code().id() + " (column " + Locations.column(w.location()) + "): "
            + escape(w.message()));
      }
    } else if (result instanceof LookupResult.NoRecord<T> none) {
      String why =
          switch (none.reason()) {
            case NXDOMAIN -> "the name does not exist (NXDOMAIN)";
            case NODATA -> "no " + type + " record at the name (NODATA)";
            case NO_VERSION_TAG -> "TXT records exist, but none starts with the version tag";
          };
      out.println(head + "none: " + why);
      problems.add(result.name() + ": no record; " + consequence);
    } else if (result instanceof LookupResult.SeveralRecords<T> several) {
      out.println(head + Describe.plural(several.texts().size(), "competing record") + ":");
      for (String t : several.texts()) {
        out.println("  " + escape(t));
      }
      problems.add(result.name() + ": more than one record; RFC 8461 section 3.1 and RFC 8460"
          + " section 3 say this counts as none, so " + consequence + "; delete all but one");
    } else if (result instanceof LookupResult.InvalidRecord<T> invalid) {
      out.println(head + escape(invalid.text()));
      out.println("  error " + invalid.error().code().id() + " (column " + invalid.error().column() + "): "
          + escape(invalid.error().detail()));
      problems.add(result.name() + ": the record is invalid, so " + consequence);
    } else if (result instanceof LookupResult.TemporaryFailure<T> failure) {
      out.println(head + "temporary failure " + failure.kind() + ": " + escape(Causes.scrub(failure.message())));
      problems.add(result.name() + ": the DNS gave no answer (" + failure.kind() + "); try again later");
    }
  }
}
