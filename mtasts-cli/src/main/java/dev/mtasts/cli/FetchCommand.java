package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.MtaStsResolver;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.sender.AddressKind;
import dev.mtasts.sender.FetchErrorCode;
import dev.mtasts.sender.FetchedPolicy;
import dev.mtasts.sender.PolicyFetchException;
import dev.mtasts.sender.PolicyFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts fetch}: fetches and validates a domain's live policy as a sender would. */
@Command(
    name = "fetch",
    description = {
      "Fetch and validate the live MTA-STS policy of DOMAIN as a sending MTA does: the _mta-sts TXT"
          + " record, then https://mta-sts.DOMAIN/.well-known/mta-sts.txt, printing every RFC 8461"
          + " rule checked.",
      "Exit status 0 when a valid policy was fetched, 1 when anything refused it, 2 for usage errors."
    })
final class FetchCommand extends CommandBase implements Callable<Integer> {
  @Mixin NetworkOptions network = new NetworkOptions();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
      description = "The overall deadline of the fetch: 30s, 2m, 1500ms or PT1M (default: ${DEFAULT-VALUE}).")
  String timeout = "60s";

  @Option(names = "--json", description = "Print one JSON object: ok, txt, url, rules, policy, error.")
  boolean json;

  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The policy domain, e.g. example.com.")
  String domain = "";

  FetchCommand() {}

  /** One checked rule: what, where in the RFC, and its outcome. */
  private record Rule(String rfc, String text, String status) {}

  /** The fetch steps in order; a failure code names the step it failed at. */
  private static final String[][] FETCH_RULES = {
    {"RFC 8461 §3.3", "the policy host resolves (and, unless --connect names it, to a public address)"},
    {"RFC 8461 §3.3", "a TCP connection within the deadline"},
    {"RFC 8461 §7.1, §7.2", "TLS 1.2 or later, SNI = the policy host"},
    {"RFC 8461 §3.3", "the certificate is unexpired, chains to a trusted root, and a subjectAltName"
        + " dNSName matches the policy host (RFC 6125, * only as the whole left-most label, CN not used)"},
    {"RFC 8461 §3.3", "HTTP status 200 (redirects are not followed)"},
    {"RFC 8461 §3.2", "Content-Type text/plain (charset utf-8 or us-ascii if given)"},
    {"RFC 8461 §3.3", "the body is at most 64 KiB"},
    {"RFC 8461 §3.2", "the body is a valid policy in UTF-8"},
  };

  private static int failedStep(FetchErrorCode code) {
    return switch (code) {
      case HOST_NOT_FOUND, ADDRESS_NOT_ALLOWED -> 0;
      case CONNECT_FAILED, CONNECT_TIMEOUT -> 1;
      case TLS_HANDSHAKE_FAILED -> 2;
      case CERTIFICATE_EXPIRED, CERTIFICATE_NOT_TRUSTED, CERTIFICATE_HOST_MISMATCH, CERTIFICATE_WITHOUT_DNS_NAME -> 3;
      case REDIRECT, HTTP_STATUS -> 4;
      case CONTENT_TYPE_MISSING, CONTENT_TYPE_NOT_TEXT_PLAIN, CHARSET_NOT_UTF8 -> 5;
      case BODY_TOO_LARGE -> 6;
      case POLICY_INVALID -> 7;
      default -> -1; // deadline, I/O error: the step is not known
    };
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    // java.net.http lets the fetcher send the policy host as Host when it dials a --connect address.
    if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
    Duration deadline = network.duration("--timeout", timeout);
    PolicyFetcher.Builder fb = PolicyFetcher.newBuilder().deadline(deadline)
        .connectTimeout(deadline.compareTo(Duration.ofSeconds(10)) < 0 ? deadline : Duration.ofSeconds(10));
    String ascii;
    try {
      ascii = PolicyFetcher.policyHost(domain).substring("mta-sts.".length());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "DOMAIN \"" + escape(domain) + "\": " + e.getMessage());
    }
    Map<String, InetSocketAddress> connects = network.connects(443);
    for (Map.Entry<String, InetSocketAddress> c : connects.entrySet()) {
      try {
        fb.connect(c.getKey(), c.getValue());
      } catch (IllegalArgumentException e) {
        throw network.badConnect(c.getKey(), String.valueOf(e.getMessage()));
      }
    }
    if (!connects.isEmpty()) {
      // The user named the address: loopback and private addresses are what they want to test.
      fb.allowAddressKinds(AddressKind.values());
    }
    List<X509Certificate> roots = network.trustRoots();
    if (roots != null) {
      fb.trustRoots(roots);
    }
    MtaStsResolver.Builder rb = MtaStsResolver.newBuilder();
    InetSocketAddress dnsServer = network.resolverAddress();
    if (dnsServer != null) {
      rb.server(dnsServer);
    }

    List<Rule> rules = new ArrayList<>();
    LookupResult<StsRecord> txt = rb.build().lookupStsBlocking(ascii);
    String id = null;
    String txtProblem = null;
    if (txt instanceof LookupResult.Found<StsRecord> found) {
      id = found.value().id().value();
      rules.add(new Rule("RFC 8461 §3.1", "exactly one valid v=STSv1 TXT record at " + txt.name() + " (id " + id + ")", "ok"));
    } else {
      if (txt instanceof LookupResult.NoRecord<StsRecord> n) {
        txtProblem = "no v=STSv1 TXT record at " + txt.name() + " (" + n.reason() + ")";
      } else if (txt instanceof LookupResult.SeveralRecords<StsRecord> s) {
        txtProblem = s.texts().size() + " v=STSv1 TXT records at " + txt.name() + "; RFC 8461 §3.1 counts that as none";
      } else if (txt instanceof LookupResult.InvalidRecord<StsRecord> i) {
        txtProblem = "the TXT record at " + txt.name() + " is invalid: " + i.error().getMessage();
      } else if (txt instanceof LookupResult.TemporaryFailure<StsRecord> t) {
        txtProblem = "the TXT lookup of " + txt.name() + " failed (" + t.kind() + "): " + t.message();
      } else {
        txtProblem = "the TXT lookup of " + txt.name() + " found nothing usable";
      }
      rules.add(new Rule("RFC 8461 §3.1", "exactly one valid v=STSv1 TXT record at " + txt.name(), "FAIL"));
    }
    String url = "https://mta-sts." + ascii + PolicyFetcher.WELL_KNOWN_PATH;
    FetchedPolicy fetched = null;
    PolicyFetchException error = null;
    if (id != null) {
      try {
        fetched = fb.failureBackoff(Duration.ZERO).build().fetch(ascii, id).toCompletableFuture().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof PolicyFetchException p) {
          error = p;
        } else {
          throw new IOException("the fetch failed: " + e.getCause(), e.getCause());
        }
      }
      int failed = error == null ? FETCH_RULES.length : failedStep(error.code());
      for (int i = 0; i < FETCH_RULES.length; i++) {
        String status = error == null || i < failed ? "ok" : i == failed ? "FAIL" : "not checked";
        if (error != null && failed < 0) {
          status = "not checked";
        }
        rules.add(new Rule(FETCH_RULES[i][0], FETCH_RULES[i][1], status));
      }
    }
    boolean ok = fetched != null;
    if (json) {
      writeJson(ascii, txt, id, txtProblem, url, rules, fetched, error);
    } else {
      writeText(ascii, txtProblem, url, rules, fetched, error);
    }
    return ok ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  private void writeText(String ascii, @Nullable String txtProblem, String url, List<Rule> rules,
      @Nullable FetchedPolicy fetched, @Nullable PolicyFetchException error) {
    PrintWriter out = out();
    out.println("MTA-STS policy of " + escape(ascii) + " as a sender fetches it:");
    for (Rule r : rules) {
      out.println("  [" + r.status() + "] " + r.rfc() + ": " + escape(r.text()));
    }
    out.println();
    if (txtProblem != null) {
      out.println("Refused: " + escape(txtProblem) + ". A sender stops here and sees no policy, so it"
          + " does not fetch " + escape(url) + ".");
      return;
    }
    if (error != null) {
      out.println("Refused (" + error.code().id() + ", reported as " + error.resultType().wireName() + "): "
          + escape(error.getMessage()));
      error.redirectLocation().ifPresent(l -> out.println("  The redirect pointed to " + escape(l)));
      out.println("  A sender with no cached policy delivers as if the domain had no MTA-STS (RFC 8461 §3.3).");
      return;
    }
    if (fetched == null) {
      // Without a TXT problem or a fetch error the fetch produced a policy; say so if not.
      out.println("Refused: the fetch ended without a policy or an error.");
      return;
    }
    out.println("OK: a valid policy was fetched from " + escape(url) + ":");
    out.println("  mode " + fetched.policy().mode().wireName() + ", max_age " + fetched.policy().maxAge()
        + " s, mx " + escape(String.join(", ", fetched.policy().mx().stream().map(MxPattern::pattern).toList())));
    for (String line : fetched.text().split("\r\n|\n", -1)) {
      if (!line.isEmpty()) {
        out.println("  | " + escape(line));
      }
    }
  }

  private void writeJson(String ascii, LookupResult<StsRecord> txt, @Nullable String id, @Nullable String txtProblem,
      String url, List<Rule> rules, @Nullable FetchedPolicy fetched, @Nullable PolicyFetchException error)
      throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("domain", ascii);
      g.writeBooleanField("ok", fetched != null);
      g.writeObjectFieldStart("txt");
      g.writeStringField("name", txt.name());
      g.writeStringField("status", id != null ? "found" : "refused");
      if (id != null) {
        g.writeStringField("id", id);
      } else {
        g.writeStringField("problem", txtProblem);
      }
      g.writeEndObject();
      g.writeStringField("url", url);
      g.writeArrayFieldStart("rules");
      for (Rule r : rules) {
        g.writeStartObject();
        g.writeStringField("rfc", r.rfc());
        g.writeStringField("rule", r.text());
        g.writeStringField("status", r.status().toLowerCase(Locale.ROOT).replace(' ', '-'));
        g.writeEndObject();
      }
      g.writeEndArray();
      if (fetched != null) {
        g.writeObjectFieldStart("policy");
        g.writeStringField("mode", fetched.policy().mode().wireName());
        g.writeNumberField("maxAge", fetched.policy().maxAge());
        g.writeArrayFieldStart("mx");
        for (MxPattern p : fetched.policy().mx()) {
          g.writeString(p.pattern());
        }
        g.writeEndArray();
        g.writeStringField("text", fetched.text());
        g.writeEndObject();
      }
      if (error != null) {
        g.writeObjectFieldStart("error");
        g.writeStringField("code", error.code().id());
        g.writeStringField("resultType", error.resultType().wireName());
        g.writeStringField("message", error.getMessage());
        if (error.redirectLocation().isPresent()) {
          g.writeStringField("redirectLocation", error.redirectLocation().get());
        }
        g.writeEndObject();
      }
    }
  }
}
