package dev.mtasts.cli;

import static dev.mtasts.cli.internal.TerminalText.escape;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mtasts.audit.Area;
import dev.mtasts.audit.AuditReport;
import dev.mtasts.audit.CertificateInfo;
import dev.mtasts.audit.DomainAudit;
import dev.mtasts.audit.Finding;
import dev.mtasts.audit.MxProbe;
import dev.mtasts.audit.Severity;
import dev.mtasts.cli.internal.CommandFailure;
import dev.mtasts.cli.internal.ExitStatus;
import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.cli.internal.JsonOutput;
import dev.mtasts.lifecycle.HistoryFormatException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mtasts check}: the live audit of a domain (mtasts-audit's {@link DomainAudit}). */
@Command(
    name = "check",
    description = {
      "Audit the live MTA-STS deployment of DOMAIN as a sending MTA meets it: the _mta-sts and"
          + " _smtp._tls TXT records, the policy at https://mta-sts.DOMAIN/.well-known/mta-sts.txt"
          + " (every RFC 8461 rule of the fetch), the MX hosts against the policy, and every MX host's"
          + " STARTTLS and certificate on port 25 (EHLO, STARTTLS, QUIT: no mail is sent), each MX host"
          + " found at its address from the same DNS server as the records (--resolver). With"
          + " --history, whether the policy changed while the id did not; with --reports, the"
          + " certificate-host-mismatch sessions reported against each MX host.",
      "Exit status 0 when nothing is wrong, 1 when any finding is an error or a warning, 2 for usage errors."
    })
final class CheckCommand extends CommandBase implements Callable<Integer> {
  @Mixin NetworkOptions network = new NetworkOptions();

  @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
      description = "Probe MX hosts on this port (default: ${DEFAULT-VALUE}); a --connect address brings its own.")
  int smtpPort = 25;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "The deadline of the policy fetch and of each MX probe: 30s, 2m, 1500ms or PT1M"
          + " (default: ${DEFAULT-VALUE}).")
  String timeout = "30s";

  @Option(names = "--history", paramLabel = "FILE",
      description = "The domain's publication history (history.json): the served policy must be the one"
          + " recorded for the TXT record's id.")
  @Nullable Path history;

  @Option(names = "--expect-policy", paramLabel = "FILE",
      description = "The policy file that should be served; a difference is an error.")
  @Nullable Path expectPolicy;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "A folder of TLS-RPT reports (.json, .json.gz) for the domain, or the domain folder"
          + " (its reports/ folder is used): joined with the MX findings.")
  @Nullable Path reports;

  @Option(names = "--json", description = "Print one JSON object: domain, ok, policyId, policySha256, mode,"
      + " counts, findings (id, area, severity, subject, message, fix, evidence), mx, verdicts.")
  boolean json;

  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The policy domain, e.g. example.com.")
  String domain = "";

  CheckCommand() {}

  @Override
  public Integer call() throws IOException {
    // java.net.http lets the fetcher send the policy host as Host when it dials a --connect address.
    if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
    String ascii;
    try {
      ascii = DomainAudit.normalizeDomain(domain);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "DOMAIN \"" + escape(domain) + "\": " + e.getMessage());
    }
    DomainAudit.Builder b = DomainAudit.newBuilder().timeout(network.duration("--timeout", timeout));
    try {
      b.smtpPort(smtpPort);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--smtp-port " + smtpPort + ": must be 1 to 65535");
    }
    InetSocketAddress dns = network.resolverAddress();
    if (dns != null) {
      b.dnsServer(dns);
    }
    for (Map.Entry<String, InetSocketAddress> c : network.connects(smtpPort).entrySet()) {
      try {
        b.connect(c.getKey(), c.getValue());
      } catch (IllegalArgumentException e) {
        throw network.badConnect(c.getKey(), String.valueOf(e.getMessage()));
      }
    }
    List<X509Certificate> roots = network.trustRoots();
    if (roots != null) {
      b.trustRoots(roots);
    }
    if (history != null) {
      try {
        b.history(Histories.read(history, ascii));
      } catch (HistoryFormatException e) {
        throw new CommandFailure(ExitStatus.USAGE, "--history " + history + ": " + e.getMessage());
      }
    }
    if (expectPolicy != null) {
      byte[] body = Inputs.readFile(expectPolicy, expectPolicy.toString(), Inputs.POLICY_MAX_BYTES);
      try {
        b.expectedPolicy(MtaStsPolicy.parse(body));
      } catch (PolicyParseException e) {
        throw new CommandFailure(ExitStatus.USAGE, "--expect-policy " + expectPolicy + ": line " + e.line() + ": "
            + e.detail());
      }
    }
    if (reports != null) {
      Path dir = Files.isDirectory(reports.resolve("reports")) ? reports.resolve("reports") : reports;
      if (!Files.isDirectory(dir)) {
        throw new CommandFailure(ExitStatus.USAGE, "--reports " + reports + ": not a folder");
      }
      b.reports(dir);
    }
    AuditReport report = b.clock(environment().clock()).build().audit(ascii);
    if (json) {
      writeJson(report);
    } else {
      writeText(report);
    }
    return report.ok() ? ExitStatus.OK : ExitStatus.NEGATIVE;
  }

  /** The areas in output order: the one with the worst finding first, then the audit's order. */
  private static List<Map.Entry<Area, List<Finding>>> groups(AuditReport report) {
    Map<Area, List<Finding>> byArea = new EnumMap<>(Area.class);
    for (Finding f : report.findings()) {
      byArea.computeIfAbsent(f.area(), a -> new ArrayList<>()).add(f);
    }
    List<Map.Entry<Area, List<Finding>>> out = new ArrayList<>(byArea.entrySet());
    // Findings within an area are sorted worst first already; the first one is the area's worst.
    out.sort(Map.Entry.<Area, List<Finding>>comparingByValue((x, y) -> x.get(0).severity().compareTo(y.get(0).severity()))
        .thenComparing(Map.Entry.comparingByKey()));
    return out;
  }

  private void writeText(AuditReport report) {
    PrintWriter out = out();
    Map<Severity, Integer> counts = counts(report);
    out.println("MTA-STS audit of " + escape(report.domain()) + " (" + report.auditedAt() + ")");
    for (Map.Entry<Area, List<Finding>> group : groups(report)) {
      out.println();
      out.println(group.getKey().title() + ":");
      for (Finding f : group.getValue()) {
        String tag = switch (f.severity()) {
          case ERROR -> "ERROR  ";
          case WARNING -> "WARNING";
          case INFO -> "ok     ";
        };
        out.println("  " + tag + " " + f.id().id() + "  " + escape(f.subject()));
        out.println("          " + escape(f.message()));
        if (f.severity().isProblem()) {
          if (!f.fix().isEmpty()) {
            out.println("          fix: " + escape(f.fix()));
          }
          for (Map.Entry<String, String> e : f.evidence().entrySet()) {
            out.println("          " + escape(e.getKey()) + ": " + escape(e.getValue()));
          }
        }
      }
    }
    out.println();
    out.println("Verdict:");
    for (String v : report.verdicts()) {
      out.println("  " + escape(v));
    }
    out.println();
    out.println((report.ok() ? "OK: " : "NOT OK: ") + Describe.plural(counts.getOrDefault(Severity.ERROR, 0), "error") + ", "
        + Describe.plural(counts.getOrDefault(Severity.WARNING, 0), "warning") + " (" + counts.getOrDefault(Severity.INFO, 0) + " for information)");
  }

  private static Map<Severity, Integer> counts(AuditReport report) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : report.findings()) {
      counts.merge(f.severity(), 1, Integer::sum);
    }
    return counts;
  }

  private void writeJson(AuditReport report) throws IOException {
    try (JsonOutput o = JsonOutput.open(out())) {
      JsonGenerator g = o.generator();
      g.writeStringField("domain", report.domain());
      g.writeStringField("auditedAt", report.auditedAt().toString());
      g.writeBooleanField("ok", report.ok());
      nullable(g, "policyId", report.policyId());
      nullable(g, "policySha256", report.policySha256());
      nullable(g, "mode", report.mode() == null ? null : report.mode().wireName());
      g.writeObjectFieldStart("counts");
      for (Map.Entry<Severity, Integer> e : counts(report).entrySet()) {
        g.writeNumberField(e.getKey().id(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        g.writeStartObject();
        g.writeStringField("id", f.id().id());
        g.writeStringField("area", f.area().id());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("subject", f.subject());
        g.writeStringField("message", f.message());
        g.writeStringField("fix", f.fix());
        g.writeObjectFieldStart("evidence");
        for (Map.Entry<String, String> e : f.evidence().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("mx");
      for (MxProbe p : report.mx()) {
        g.writeStartObject();
        g.writeStringField("host", p.host());
        g.writeNumberField("preference", p.preference());
        g.writeBooleanField("covered", p.covered());
        g.writeStringField("address", p.address());
        g.writeBooleanField("starttls", p.starttls());
        g.writeStringField("tls", p.tlsProtocol());
        g.writeStringField("cipher", p.cipherSuite());
        CertificateInfo c = p.certificate();
        if (c == null) {
          g.writeNullField("certificate");
        } else {
          g.writeObjectFieldStart("certificate");
          g.writeStringField("subject", c.subject());
          g.writeStringField("issuer", c.issuer());
          g.writeArrayFieldStart("dnsNames");
          for (String n : c.dnsNames()) {
            g.writeString(n);
          }
          g.writeEndArray();
          g.writeStringField("notBefore", c.notBefore().toString());
          g.writeStringField("notAfter", c.notAfter().toString());
          g.writeNumberField("daysLeft", c.daysLeft());
          g.writeNumberField("chainLength", c.chainLength());
          g.writeEndObject();
        }
        nullable(g, "problem", p.problem() == null ? null : p.problem().id());
        nullable(g, "refusedUnderEnforce", p.refusal().orElse(null));
        g.writeEndObject();
      }
      g.writeEndArray();
      ReasonOutput.strings(g, "verdicts", report.verdicts());
    }
  }

  private static void nullable(JsonGenerator g, String field, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }
}
