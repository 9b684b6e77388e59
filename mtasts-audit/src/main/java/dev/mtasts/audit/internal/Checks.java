package dev.mtasts.audit.internal;

import dev.mtasts.audit.AuditReport;
import dev.mtasts.audit.CertificateInfo;
import dev.mtasts.audit.Finding;
import dev.mtasts.audit.FindingId;
import dev.mtasts.audit.MxProbe;
import dev.mtasts.audit.Severity;
import dev.mtasts.dns.LookupResult;
import dev.mtasts.dns.MxHost;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.lifecycle.ServedPolicy;
import dev.mtasts.policy.LintFinding;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyLint;
import dev.mtasts.sender.FetchedPolicy;
import dev.mtasts.sender.MxCertificateCheck;
import dev.mtasts.sender.PolicyFetchException;
import dev.mtasts.sender.TlsOutcome;
import dev.mtasts.tlsrpt.ResultType;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the audit looked up, fetched and probed into findings; collects them and writes the
 * verdicts. One instance per audit; not thread-safe (the audit calls it from one thread).
 */
public final class Checks {
  /** A certificate expiring within this many days is a warning. */
  public static final int EXPIRY_WARNING_DAYS = 14;

  private final String domain;
  private final Instant now;
  private final List<Finding> findings = new ArrayList<>();
  private @Nullable String policyId;
  private @Nullable String policySha256;
  private boolean stsRecordUsable;

  /**
   * Starts the checks of one audit.
   *
   * @param domain the domain, A-labels
   * @param now the audit's time
   */
  public Checks(String domain, Instant now) {
    this.domain = domain;
    this.now = now;
  }

  /** The https rua check's outcome: the chain and its judgement, or the connection failure. */
  public record RuaOutcome(URI uri, String host, List<X509Certificate> chain, @Nullable TlsOutcome outcome,
      @Nullable Exception failure) {}

  private void add(FindingId id, Severity severity, String subject, String message, String fix, String... evidence) {
    Map<String, String> e = new LinkedHashMap<>();
    for (int i = 0; i + 1 < evidence.length; i += 2) {
      e.put(evidence[i], evidence[i + 1]);
    }
    findings.add(new Finding(id, severity, subject, message, fix, e));
  }

  /**
   * Checks the {@code _mta-sts} record (RFC 8461 §3.1) and shows its CNAME chain.
   *
   * @param sts the lookup
   * @param aliases the CNAME chain of the record's name
   */
  public void stsRecord(LookupResult<StsRecord> sts, LookupResult<List<String>> aliases) {
    String name = sts.name();
    if (aliases instanceof LookupResult.Found<List<String>> chain) {
      add(FindingId.STS_RECORD_CNAME, Severity.INFO, name, "the name is an alias: " + name + " -> "
          + String.join(" -> ", chain.value()) + "; senders follow it and read the record at the end", "",
          "chain", String.join(" -> ", chain.value()));
    }
    if (sts instanceof LookupResult.Found<StsRecord> found) {
      stsRecordUsable = true;
      policyId = found.value().id().value();
      add(FindingId.STS_RECORD, Severity.INFO, name, "one valid record, id " + policyId, "",
          "record", found.value().toText(), "id", policyId);
    } else if (sts instanceof LookupResult.NoRecord<StsRecord> none) {
      add(FindingId.STS_RECORD_MISSING, Severity.ERROR, name, "no v=STSv1 TXT record ("
          + none.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') + "): senders see no policy and"
          + " never fetch it (RFC 8461 §3.1)", "publish \"v=STSv1; id=<new id>\" at " + name
          + " (mtasts record new-id prints one)", "reason", none.reason().name());
    } else if (sts instanceof LookupResult.SeveralRecords<StsRecord> several) {
      add(FindingId.STS_RECORD_SEVERAL, Severity.ERROR, name, several.texts().size()
          + " v=STSv1 TXT records; RFC 8461 §3.1 counts that as none, so senders see no policy",
          "delete all but one", "records", String.join(" | ", several.texts()));
    } else if (sts instanceof LookupResult.InvalidRecord<StsRecord> invalid) {
      add(FindingId.STS_RECORD_INVALID, Severity.ERROR, name, "the record is invalid: " + invalid.error().getMessage()
          + "; senders ignore it and see no policy (RFC 8461 §3.1)", "publish \"v=STSv1; id=<new id>\"",
          "record", invalid.text(), "code", invalid.error().code().id(),
          "column", Integer.toString(invalid.error().column()));
    } else if (sts instanceof LookupResult.TemporaryFailure<StsRecord> failure) {
      add(FindingId.STS_RECORD_LOOKUP_FAILED, Severity.ERROR, name, "the DNS gave no answer ("
          + failure.kind() + "): " + failure.message(), "check the domain's name servers; try again later",
          "kind", failure.kind().name());
    }
  }

  /**
   * Checks the {@code _smtp._tls} record (RFC 8460 §3) and the syntax of its mailto destinations.
   *
   * @param tlsRpt the lookup
   */
  public void tlsRptRecord(LookupResult<TlsRptRecord> tlsRpt) {
    String name = tlsRpt.name();
    if (tlsRpt instanceof LookupResult.Found<TlsRptRecord> found) {
      List<String> rua = new ArrayList<>();
      for (URI u : found.value().rua()) {
        rua.add(u.toString());
      }
      add(FindingId.TLSRPT_RECORD, Severity.INFO, name, "one valid record, reports go to " + String.join(", ", rua), "",
          "record", found.value().toText());
      for (URI u : found.value().rua()) {
        if ("mailto".equalsIgnoreCase(u.getScheme())) {
          String problem = mailtoProblem(u);
          if (problem != null) {
            add(FindingId.TLSRPT_RUA_MAILTO_INVALID, Severity.ERROR, u.toString(), problem
                + "; reporters cannot send to it", "give a mail address: rua=mailto:tlsrpt@" + domain, "rua", u.toString());
          }
        }
      }
    } else if (tlsRpt instanceof LookupResult.NoRecord<TlsRptRecord> none) {
      add(FindingId.TLSRPT_RECORD_MISSING, Severity.WARNING, name, "no v=TLSRPTv1 TXT record: nobody reports"
          + " delivery failures to the domain, so there is no evidence before enforce (RFC 8460 §3)",
          "publish \"v=TLSRPTv1; rua=mailto:tlsrpt@" + domain + "\" at " + name, "reason", none.reason().name());
    } else if (tlsRpt instanceof LookupResult.SeveralRecords<TlsRptRecord> several) {
      add(FindingId.TLSRPT_RECORD_SEVERAL, Severity.ERROR, name, several.texts().size()
          + " v=TLSRPTv1 TXT records; RFC 8460 §3 counts that as none, so nobody sends reports",
          "delete all but one", "records", String.join(" | ", several.texts()));
    } else if (tlsRpt instanceof LookupResult.InvalidRecord<TlsRptRecord> invalid) {
      add(FindingId.TLSRPT_RECORD_INVALID, Severity.ERROR, name, "the record is invalid: "
          + invalid.error().getMessage() + "; reporters ignore it", "publish \"v=TLSRPTv1; rua=mailto:tlsrpt@"
          + domain + "\"", "record", invalid.text(), "code", invalid.error().code().id());
    } else if (tlsRpt instanceof LookupResult.TemporaryFailure<TlsRptRecord> failure) {
      add(FindingId.TLSRPT_RECORD_LOOKUP_FAILED, Severity.WARNING, name, "the DNS gave no answer ("
          + failure.kind() + "): " + failure.message(), "check the domain's name servers; try again later",
          "kind", failure.kind().name());
    }
  }

  /**
   * Returns the https destinations of the record, to check their certificates.
   *
   * @param tlsRpt the lookup
   * @return the https URIs
   */
  public List<URI> httpsRua(LookupResult<TlsRptRecord> tlsRpt) {
    List<URI> out = new ArrayList<>();
    if (tlsRpt instanceof LookupResult.Found<TlsRptRecord> found) {
      for (URI u : found.value().rua()) {
        if ("https".equalsIgnoreCase(u.getScheme())) {
          out.add(u);
        }
      }
    }
    return out;
  }

  /**
   * Records an https destination's certificate check: reporters POST there (RFC 8460 §5.4), so its
   * certificate must be valid for its host; no request was sent.
   *
   * @param r the outcome
   */
  public void rua(RuaOutcome r) {
    String subject = r.uri().toString();
    if (r.failure() != null || r.outcome() == null) {
      Exception e = r.failure();
      add(FindingId.TLSRPT_RUA_HTTPS_UNREACHABLE, Severity.ERROR, subject, "no TLS connection to " + r.host()
          + ": " + (e == null ? "no detail" : Texts.quote(String.valueOf(e.getMessage()))) + "; reporters cannot post"
          + " reports there", "serve HTTPS at " + r.host() + " or use a mailto: destination", "host", r.host());
      return;
    }
    if (!r.outcome().isValidated()) {
      add(FindingId.TLSRPT_RUA_HTTPS_CERTIFICATE_INVALID, Severity.ERROR, subject, r.outcome().detail()
          .replace("MX host", "rua host").replace("RFC 8461 §4.2", "RFC 8460 §5.4")
          + "; reporters refuse to post reports there", "install a certificate valid for " + r.host(),
          certificateEvidence(r.chain(), "result-type", String.valueOf(r.outcome().failure())));
    }
  }

  /** RFC 8460 §3 and RFC 6068: each address (an encoded ',' separates them) is local-part@domain with a mail domain. */
  private @Nullable String mailtoProblem(URI u) {
    String ssp = u.getSchemeSpecificPart();
    if (ssp == null || ssp.isEmpty()) {
      return "the mailto URI has no address";
    }
    int q = ssp.indexOf('?');
    for (String address : (q < 0 ? ssp : ssp.substring(0, q)).split(",", -1)) {
      int at = address.lastIndexOf('@');
      if (at <= 0 || at == address.length() - 1) {
        return "\"" + Texts.quote(address) + "\" is not a mail address (local-part@domain, RFC 6068)";
      }
      String host = address.substring(at + 1);
      try {
        MxPattern p = MxPattern.of(host.toLowerCase(Locale.ROOT));
        if (p.wildcard() || p.pattern().indexOf('.') < 0) {
          return "the domain \"" + Texts.quote(host) + "\" of " + Texts.quote(address) + " is not a mail domain"
              + " (a single label or a wildcard)";
        }
      } catch (IllegalArgumentException e) {
        return "the domain \"" + Texts.quote(host) + "\" of " + Texts.quote(address) + " is not a domain name";
      }
    }
    return null;
  }

  /**
   * Checks the served policy: the fetch as a sender does it, the policy host's certificate, the
   * policy's lint.
   *
   * @param policyHost {@code mta-sts.<domain>}
   * @param error the fetch's failure, or null
   * @param policy the fetched policy, or null
   * @param peek the policy host's TLS session (a {@link TlsClient.Session}) or its failure
   */
  public void policy(String policyHost, @Nullable PolicyFetchException error, @Nullable FetchedPolicy policy, Object peek) {
    if (peek instanceof TlsClient.Session s && !s.chain().isEmpty()) {
      CertificateInfo info = TlsClient.describe(s.chain(), now);
      add(FindingId.POLICY_CERTIFICATE, Severity.INFO, policyHost, "certificate for " + String.join(", ", info.dnsNames())
          + ", issued by " + info.issuer() + ", expires " + info.notAfter() + " (" + info.daysLeft() + " days left)"
          + ", " + s.protocol(), "", certificateEvidence(s.chain(), "tls", s.protocol()));
      if (info.daysLeft() >= 0 && info.daysLeft() < EXPIRY_WARNING_DAYS && info.notBefore().isBefore(now)) {
        add(FindingId.POLICY_CERTIFICATE_EXPIRES_SOON, Severity.WARNING, policyHost, "the certificate expires "
            + info.notAfter() + ", in " + info.daysLeft() + " days; then senders can no longer fetch the policy"
            + " (RFC 8461 §3.3)", "renew the certificate of " + policyHost + " (automate it)",
            "not-after", info.notAfter().toString(), "days-left", Long.toString(info.daysLeft()));
      }
    }
    if (error != null) {
      FindingId id = switch (error.code()) {
        case HOST_NOT_FOUND -> FindingId.POLICY_HOST_NOT_FOUND;
        case TLS_HANDSHAKE_FAILED -> FindingId.POLICY_TLS_FAILED;
        case CERTIFICATE_EXPIRED -> FindingId.POLICY_CERTIFICATE_EXPIRED;
        case CERTIFICATE_NOT_TRUSTED -> FindingId.POLICY_CERTIFICATE_NOT_TRUSTED;
        case CERTIFICATE_HOST_MISMATCH, CERTIFICATE_WITHOUT_DNS_NAME -> FindingId.POLICY_CERTIFICATE_HOST_MISMATCH;
        case REDIRECT -> FindingId.POLICY_REDIRECT;
        case HTTP_STATUS -> FindingId.POLICY_HTTP_STATUS;
        case CONTENT_TYPE_MISSING, CONTENT_TYPE_NOT_TEXT_PLAIN, CHARSET_NOT_UTF8 -> FindingId.POLICY_CONTENT_TYPE;
        case BODY_TOO_LARGE -> FindingId.POLICY_TOO_LARGE;
        case POLICY_INVALID -> FindingId.POLICY_INVALID;
        default -> FindingId.POLICY_HOST_UNREACHABLE;
      };
      List<String> ev = new ArrayList<>(List.of("fetch-error", error.code().id(), "result-type", error.resultType().wireName()));
      error.status().ifPresent(st -> ev.addAll(List.of("http-status", Integer.toString(st))));
      error.redirectLocation().ifPresent(l -> ev.addAll(List.of("location", l)));
      if (peek instanceof TlsClient.Session s && !s.chain().isEmpty() && id.name().startsWith("POLICY_CERTIFICATE")) {
        ev.addAll(List.of("dns-names", String.join(", ", TlsClient.dnsNames(s.chain().get(0)))));
      }
      add(id, Severity.ERROR, error.url(), error.reason() + "; senders without a cached policy deliver as if the"
          + " domain had no MTA-STS, senders with one keep using it until it expires", fetchFix(id, policyHost),
          ev.toArray(new String[0]));
      return;
    }
    if (policy == null) {
      return;
    }
    policySha256 = sha256(policy.text());
    MtaStsPolicy p = policy.policy();
    add(FindingId.POLICY_SERVED, Severity.INFO, policy.url(), "mode " + p.mode().wireName() + ", max_age " + p.maxAge()
        + ", mx " + patterns(p) + (policyId == null ? "" : "; TXT id " + policyId) + ", SHA-256 " + policySha256, "",
        "mode", p.mode().wireName(), "max-age", Long.toString(p.maxAge()), "mx", patterns(p),
        "id", Objects.requireNonNullElse(policyId, ""), "sha256", policySha256);
    for (LintFinding l : PolicyLint.lint(p)) {
      Severity s = switch (l.severity()) {
        case ERROR -> Severity.ERROR;
        case WARNING -> Severity.WARNING;
        default -> Severity.INFO;
      };
      add(FindingId.POLICY_LINT, s, policy.url(), l.message(), lintFix(l), "lint", l.code().id());
    }
  }

  private static String lintFix(LintFinding l) {
    return switch (l.code()) {
      case MAX_AGE_UNDER_ONE_DAY, MAX_AGE_UNDER_ONE_WEEK -> "raise max_age to 604800 or more, then bump the id";
      case DUPLICATE_MX, SHADOWED_MX -> "remove the extra mx line, then bump the id";
      default -> "edit the policy as the message says, then bump the id";
    };
  }

  private static String fetchFix(FindingId id, String policyHost) {
    return switch (id) {
      case POLICY_HOST_NOT_FOUND -> "publish an A or AAAA record for " + policyHost;
      case POLICY_HOST_UNREACHABLE -> "serve HTTPS on port 443 of " + policyHost;
      case POLICY_TLS_FAILED -> "enable TLS 1.2 or 1.3 on " + policyHost;
      case POLICY_CERTIFICATE_EXPIRED -> "renew the certificate of " + policyHost;
      case POLICY_CERTIFICATE_NOT_TRUSTED -> "use a certificate from a public CA and serve the intermediates";
      case POLICY_CERTIFICATE_HOST_MISMATCH -> "get a certificate with " + policyHost + " in its subjectAltName";
      case POLICY_REDIRECT -> "serve the policy itself at " + dev.mtasts.sender.PolicyFetcher.WELL_KNOWN_PATH
          + " with status 200 (no redirect, not even to https)";
      case POLICY_HTTP_STATUS -> "serve the policy file at " + dev.mtasts.sender.PolicyFetcher.WELL_KNOWN_PATH;
      case POLICY_CONTENT_TYPE -> "serve it as Content-Type: text/plain (charset utf-8 if any)";
      case POLICY_TOO_LARGE -> "serve only the policy (a few hundred bytes)";
      case POLICY_INVALID -> "fix the line the message names (mtasts policy check FILE)";
      default -> "";
    };
  }

  /**
   * Compares the served policy with the history's record for the TXT id and with an expected one.
   *
   * @param policy the fetched policy, or null
   * @param history the history, or null
   * @param expected the expected policy, or null
   */
  public void policyId(@Nullable FetchedPolicy policy, @Nullable PublicationHistory history, @Nullable MtaStsPolicy expected) {
    if (policy == null) {
      return;
    }
    String subject = "_mta-sts." + domain;
    if (history != null && policyId != null) {
      ServedPolicy recorded = null;
      for (ServedPolicy e : history.entries()) {
        if (e.id().value().equals(policyId)) {
          recorded = e;
        }
      }
      if (recorded == null) {
        add(FindingId.POLICY_ID_NOT_IN_HISTORY, Severity.WARNING, subject, "the TXT id " + policyId
            + " is not in the publication history (ids there: " + history.ids().stream().map(i -> i.value()).sorted().toList()
            + "); the history cannot tell whether the policy changed", "record what is served: mtasts history record",
            "id", policyId, "sha256", Objects.requireNonNullElse(policySha256, ""));
      } else {
        List<String> diff = differences(recorded.policy(), policy.policy());
        if (diff.isEmpty()) {
          add(FindingId.POLICY_ID_MATCHES_HISTORY, Severity.INFO, subject, "the served policy is the one recorded for id "
              + policyId + " (served since " + recorded.from() + ")", "", "id", policyId);
        } else {
          add(FindingId.POLICY_ID_NOT_BUMPED, Severity.ERROR, subject, "the policy changed but the id did not; senders"
              + " keep the old one — bump the id (id " + policyId + " was recorded with " + describe(recorded.policy())
              + ", now served: " + describe(policy.policy()) + ")",
              "publish a new id in the _mta-sts TXT record (mtasts record new-id), then record it in the history",
              "id", policyId, "changed", String.join("; ", diff), "recorded-since", recorded.from().toString(),
              "sha256", Objects.requireNonNullElse(policySha256, ""));
        }
      }
    }
    if (expected != null) {
      List<String> diff = differences(expected, policy.policy());
      if (!diff.isEmpty()) {
        add(FindingId.POLICY_DIFFERS_FROM_EXPECTED, Severity.ERROR, policy.url(), "the served policy is not the expected one: "
            + String.join("; ", diff), "deploy the expected file to " + policy.url() + " and bump the id",
            "changed", String.join("; ", diff), "served-sha256", Objects.requireNonNullElse(policySha256, ""),
            "expected-sha256", sha256(expected.toText()));
      }
    }
  }

  /**
   * Returns how two policies differ, field by field (mx patterns as a set).
   *
   * @param before the earlier policy
   * @param after the later one
   * @return one entry per changed field; empty when they mean the same
   */
  public static List<String> differences(MtaStsPolicy before, MtaStsPolicy after) {
    List<String> out = new ArrayList<>();
    if (before.mode() != after.mode()) {
      out.add("mode " + before.mode().wireName() + " -> " + after.mode().wireName());
    }
    if (before.maxAge() != after.maxAge()) {
      out.add("max_age " + before.maxAge() + " -> " + after.maxAge());
    }
    Set<String> b = new LinkedHashSet<>();
    before.mx().forEach(m -> b.add(m.pattern()));
    Set<String> a = new LinkedHashSet<>();
    after.mx().forEach(m -> a.add(m.pattern()));
    for (String m : a) {
      if (!b.contains(m)) {
        out.add("mx " + m + " added");
      }
    }
    for (String m : b) {
      if (!a.contains(m)) {
        out.add("mx " + m + " removed");
      }
    }
    if (!Set.copyOf(before.extensions()).equals(Set.copyOf(after.extensions()))) {
      out.add("extensions changed");
    }
    return out;
  }

  private static String describe(MtaStsPolicy p) {
    return "mode " + p.mode().wireName() + ", max_age " + p.maxAge() + ", mx " + patterns(p);
  }

  private static String patterns(MtaStsPolicy p) {
    List<String> mx = new ArrayList<>();
    for (MxPattern m : p.mx()) {
      mx.add(m.pattern());
    }
    return mx.isEmpty() ? "(none)" : String.join(", ", mx);
  }

  /**
   * Checks the MX hosts against the policy (RFC 8461 §4.1, §10.4) and returns those to probe.
   *
   * @param mx the MX lookup
   * @param policy the fetched policy, or null
   * @param max the most hosts to probe
   * @return the hosts to probe, in preference order
   */
  public List<MxHost> mxHosts(LookupResult<List<MxHost>> mx, @Nullable FetchedPolicy policy, int max) {
    String name = mx.name();
    if (mx instanceof LookupResult.NoRecord<List<MxHost>>) {
      add(FindingId.MX_MISSING, Severity.ERROR, name, "no MX record: senders deliver to the domain's own address"
          + " (RFC 5321 §5.1) and MTA-STS has no MX host to validate", "publish MX records for " + name);
      return List.of();
    }
    if (!(mx instanceof LookupResult.Found<List<MxHost>> found)) {
      String why = mx instanceof LookupResult.TemporaryFailure<List<MxHost>> t ? t.kind() + ": " + t.message() : "no usable answer";
      add(FindingId.MX_LOOKUP_FAILED, Severity.ERROR, name, "the MX lookup failed (" + why + ")",
          "check the domain's name servers; try again later");
      return List.of();
    }
    List<MxHost> hosts = new ArrayList<>();
    for (MxHost h : found.value()) {
      if (h.isNullMx()) {
        add(FindingId.MX_NULL, Severity.WARNING, name, "a null MX (RFC 7505): the domain accepts no mail, so"
            + " MTA-STS protects nothing", "remove the MTA-STS records, or publish real MX hosts");
      } else {
        hosts.add(h);
      }
    }
    if (hosts.size() > max) {
      add(FindingId.MX_TOO_MANY, Severity.WARNING, name, hosts.size() + " MX hosts; only the first " + max
          + " (by preference) are probed", "audit the others with --connect, or use fewer MX hosts");
      hosts = new ArrayList<>(hosts.subList(0, max));
    }
    if (policy == null) {
      return hosts;
    }
    MtaStsPolicy p = policy.policy();
    if (p.mode() != Mode.NONE) {
      for (MxHost h : hosts) {
        if (!p.matches(h.host())) {
          Severity s = p.mode() == Mode.ENFORCE ? Severity.ERROR : Severity.WARNING;
          add(FindingId.MX_HOST_NOT_COVERED, s, h.host(), "no mx pattern of the policy (" + patterns(p) + ") covers"
              + " this MX host" + (p.mode() == Mode.ENFORCE ? "; senders enforcing the policy do not deliver to it"
                  : "; under enforce senders would not deliver to it") + " (RFC 8461 §4.1)",
              "add \"mx: " + h.host() + "\" to the policy and bump the id", "mx", patterns(p), "preference",
              Integer.toString(h.preference()));
        }
      }
      for (MxPattern pattern : p.mx()) {
        List<String> covered = new ArrayList<>();
        for (MxHost h : hosts) {
          if (pattern.matches(h.host())) {
            covered.add(h.host());
          }
        }
        if (covered.isEmpty()) {
          add(FindingId.MX_PATTERN_STALE, Severity.WARNING, "mx: " + pattern.pattern(), "covers none of the MX hosts ("
              + mxNames(hosts) + "); a stale pattern lets a host nobody runs any more receive the mail", "remove \"mx: "
              + pattern.pattern() + "\" from the policy and bump the id", "mx-hosts", mxNames(hosts));
        } else if (pattern.wildcard()) {
          add(FindingId.MX_PATTERN_BROADER_THAN_NEEDED, Severity.INFO, "mx: " + pattern.pattern(), "the wildcard accepts"
              + " any host one label below " + pattern.pattern().substring(2) + " with a valid certificate, but only "
              + String.join(", ", covered) + " " + (covered.size() == 1 ? "is an MX host" : "are MX hosts")
              + " (RFC 8461 §10.4)", "list the MX hosts instead: " + String.join(", ", covered.stream().map(c -> "mx: " + c).toList()),
              "covers", String.join(", ", covered));
        }
      }
    }
    return hosts;
  }

  private static String mxNames(List<MxHost> hosts) {
    List<String> names = new ArrayList<>();
    for (MxHost h : hosts) {
      names.add(h.host());
    }
    return String.join(", ", names);
  }

  /**
   * Records one MX host's STARTTLS probe (RFC 8461 §4, §4.2).
   *
   * @param host the MX host
   * @param policy the fetched policy, or null
   * @param o the probe's outcome
   * @param resolved the host's addresses from the DNS, empty when a connect address was dialled
   * @param check the certificate check
   * @return the host's summary
   */
  public MxProbe smtp(MxHost host, @Nullable FetchedPolicy policy, SmtpProbe.Outcome o, List<InetAddress> resolved,
      MxCertificateCheck check) {
    String h = host.host();
    boolean covered = policy != null && policy.policy().matches(h);
    if (o.problem() != null) {
      add(o.problem(), Severity.ERROR, h, o.detail(), smtpFix(o.problem(), h), smtpEvidence(o, resolved));
      return new MxProbe(h, host.preference(), covered, o.address(), o.starttls(), "", "", null, o.problem(), o.detail());
    }
    CertificateInfo info = o.chain().isEmpty() ? null : TlsClient.describe(o.chain(), now);
    TlsOutcome tls = o.chain().isEmpty()
        ? new TlsOutcome(TlsOutcome.Status.CERTIFICATE_INVALID, ResultType.CERTIFICATE_NOT_TRUSTED, "no certificate")
        : check.check(o.chain(), h);
    List<String> ev = new ArrayList<>(List.of("address", o.address()));
    if (!resolved.isEmpty()) {
      ev.addAll(List.of("resolved", addresses(resolved)));
    }
    ev.addAll(List.of("tls", o.protocol(), "cipher", o.cipherSuite()));
    ev.addAll(List.of(certificateEvidence(o.chain())));
    if (info != null) {
      add(FindingId.SMTP_TLS, Severity.INFO, h, "STARTTLS, " + o.protocol() + ", " + o.cipherSuite() + "; certificate for "
          + (info.dnsNames().isEmpty() ? "no DNS name" : String.join(", ", info.dnsNames())) + ", expires " + info.notAfter()
          + " (" + info.daysLeft() + " days left)", "", ev.toArray(new String[0]));
    }
    FindingId problem = null;
    String detail = "";
    if (!tls.isValidated()) {
      ResultType type = Objects.requireNonNull(tls.failure());
      if (type.equals(ResultType.CERTIFICATE_HOST_MISMATCH)) {
        problem = FindingId.MX_CERTIFICATE_HOST_MISMATCH;
        List<String> names = info == null ? List.of() : info.dnsNames();
        detail = "the certificate does not cover the MX host name " + h + "; it covers only "
            + (names.isEmpty() ? "no DNS name (its CN is not used)" : String.join(", ", names))
            + " (RFC 8461 §4.2: a subjectAltName equal to the name, or * for exactly one label)";
      } else if (type.equals(ResultType.CERTIFICATE_EXPIRED)) {
        problem = FindingId.MX_CERTIFICATE_EXPIRED;
        detail = "the certificate " + (info != null && info.notAfter().isBefore(now) ? "expired " + info.notAfter()
            : "is not valid yet") + " (RFC 8461 §4.2)";
      } else {
        problem = FindingId.MX_CERTIFICATE_NOT_TRUSTED;
        detail = tls.detail().replace("MX host " + h + ": ", "");
      }
      List<String> pev = new ArrayList<>(ev);
      pev.addAll(List.of("result-type", type.wireName()));
      add(problem, Severity.ERROR, h, detail + "; senders enforcing a policy do not deliver to this host",
          smtpFix(problem, h), pev.toArray(new String[0]));
    } else if (info != null && info.daysLeft() < EXPIRY_WARNING_DAYS) {
      add(FindingId.MX_CERTIFICATE_EXPIRES_SOON, Severity.WARNING, h, "the certificate expires " + info.notAfter()
          + ", in " + info.daysLeft() + " days; then enforcing senders stop delivering to this host",
          "renew the certificate of " + h + " (automate it)", "not-after", info.notAfter().toString(),
          "days-left", Long.toString(info.daysLeft()));
    }
    return new MxProbe(h, host.preference(), covered, o.address(), true, o.protocol(), o.cipherSuite(), info, problem, detail);
  }

  private static String addresses(List<InetAddress> resolved) {
    List<String> out = new ArrayList<>();
    for (InetAddress a : resolved) {
      out.add(a.getHostAddress());
    }
    return String.join(", ", out);
  }

  private static String[] smtpEvidence(SmtpProbe.Outcome o, List<InetAddress> resolved) {
    List<String> ev = new ArrayList<>();
    if (!o.address().isEmpty()) {
      ev.addAll(List.of("address", o.address()));
    }
    if (!resolved.isEmpty()) {
      ev.addAll(List.of("resolved", addresses(resolved)));
    }
    if (!o.greeting().isEmpty()) {
      ev.addAll(List.of("greeting", o.greeting()));
    }
    if (!o.extensions().isEmpty()) {
      ev.addAll(List.of("ehlo", String.join(" ", o.extensions())));
    }
    return ev.toArray(new String[0]);
  }

  private static String smtpFix(FindingId id, String host) {
    return switch (id) {
      case SMTP_UNREACHABLE, SMTP_NO_GREETING -> "make " + host + " answer SMTP on port 25, or remove its MX record";
      case SMTP_GREETING_REJECTED, SMTP_EHLO_REJECTED, SMTP_PROTOCOL_ERROR -> "fix the SMTP service of " + host;
      case SMTP_STARTTLS_NOT_OFFERED, SMTP_STARTTLS_REFUSED -> "enable STARTTLS on " + host
          + " (Postfix: smtpd_tls_security_level = may, with a certificate)";
      case SMTP_TLS_HANDSHAKE_FAILED, SMTP_TLS_VERSION_TOO_OLD -> "enable TLS 1.2 and 1.3 on " + host
          + " (Postfix: smtpd_tls_protocols = >=TLSv1.2)";
      case MX_HOST_NO_ADDRESS -> "publish an A or AAAA record for " + host + ", or remove its MX record";
      case MX_ADDRESS_LOOKUP_FAILED -> "check the name servers of " + host + "; try again later";
      case MX_CERTIFICATE_HOST_MISMATCH -> "get a certificate with " + host + " in its subjectAltName, or point the MX"
          + " record to a name the certificate covers";
      case MX_CERTIFICATE_EXPIRED -> "renew the certificate of " + host;
      case MX_CERTIFICATE_NOT_TRUSTED -> "use a certificate from a public CA and send the intermediates";
      default -> "";
    };
  }

  private String[] certificateEvidence(List<X509Certificate> chain, String... first) {
    List<String> ev = new ArrayList<>(List.of(first));
    if (!chain.isEmpty()) {
      CertificateInfo info = TlsClient.describe(chain, now);
      ev.addAll(List.of("subject", info.subject(), "issuer", info.issuer(), "dns-names", String.join(", ", info.dnsNames()),
          "not-after", info.notAfter().toString(), "days-left", Long.toString(info.daysLeft()),
          "chain-length", Integer.toString(info.chainLength())));
    }
    return ev.toArray(new String[0]);
  }

  /**
   * Joins the MX findings with the TLS-RPT reports in a folder.
   *
   * @param folder the folder of reports
   * @param mx the probed MX hosts
   */
  public void reports(Path folder, List<MxProbe> mx) {
    ReportEvidence.Result r = ReportEvidence.read(folder, domain);
    String subject = folder.toString();
    if (!r.unreadable().isEmpty()) {
      add(FindingId.REPORTS_UNREADABLE, Severity.WARNING, subject, r.unreadable().size() + " file(s) could not be read as"
          + " TLS-RPT reports: " + String.join("; ", r.unreadable().subList(0, Math.min(3, r.unreadable().size()))),
          "remove or fix them (mtasts report summarize --warnings shows each)");
    }
    add(FindingId.REPORTS_READ, Severity.INFO, subject, r.reports() + " report(s) for " + domain + " read, "
        + r.mismatchByHost().values().stream().mapToLong(Long::longValue).sum()
        + " certificate-host-mismatch session(s)", "", "reports", Integer.toString(r.reports()));
    for (Map.Entry<String, Long> e : r.mismatchByHost().entrySet()) {
      String host = e.getKey();
      MxProbe probe = null;
      for (MxProbe p : mx) {
        if (p.host().equals(host)) {
          probe = p;
        }
      }
      String sessions = e.getValue() + " certificate-host-mismatch session(s) reported against " + host
          + " (" + r.firstDay() + " to " + r.lastDay() + ")";
      if (probe != null && probe.problem() == FindingId.MX_CERTIFICATE_HOST_MISMATCH) {
        add(FindingId.REPORTED_CERTIFICATE_HOST_MISMATCH, Severity.ERROR, host, sessions + "; its certificate still does"
            + " not cover it: " + probe.detail(), smtpFix(FindingId.MX_CERTIFICATE_HOST_MISMATCH, host),
            "sessions", Long.toString(e.getValue()), "first-day", r.firstDay(), "last-day", r.lastDay());
      } else if (probe != null && probe.problem() == null) {
        add(FindingId.REPORTED_CERTIFICATE_HOST_MISMATCH, Severity.INFO, host, sessions + "; its certificate covers it"
            + " now, so the cause has been fixed or lies with the senders", "", "sessions", Long.toString(e.getValue()));
      } else {
        add(FindingId.REPORTED_CERTIFICATE_HOST_MISMATCH, Severity.WARNING, host, sessions + (probe == null
            ? "; it is not one of the current MX hosts" : "; the probe could not check its certificate"),
            probe == null ? "" : smtpFix(Objects.requireNonNull(probe.problem()), host), "sessions", Long.toString(e.getValue()));
      }
    }
  }

  /**
   * Returns the report: findings, MX hosts and the verdict lines.
   *
   * @param started when the audit started
   * @param policy the fetched policy, or null
   * @param mx the MX hosts
   * @return the report
   */
  public AuditReport report(Instant started, @Nullable FetchedPolicy policy, List<MxProbe> mx) {
    Mode mode = policy == null ? null : policy.policy().mode();
    return new AuditReport(domain, started, policyId, policySha256, mode, findings, mx, Verdicts.of(stsRecordUsable, policy, mx));
  }

  /**
   * Returns the SHA-256 of a policy body as served (UTF-8), lower-case hex.
   *
   * @param text the body
   * @return the digest
   */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
