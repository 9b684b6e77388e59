package dev.mtasts.cli.internal;

import dev.mtasts.dns.ParseMode;
import dev.mtasts.dns.RecordSelection;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.DomainNameException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyErrorCode;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.KnownSenders;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A domain folder as {@code readiness} and {@code plan} read it: {@code mta-sts.txt} (the policy
 * file), {@code _mta-sts.txt} and {@code _smtp._tls.txt} (the TXT values, one record a line, as
 * published in DNS), {@code mx.txt} (the MX hosts, one a line, optionally after a preference),
 * {@code senders.txt} (the senders the owner knows: IP ranges in CIDR and organization names, one
 * a line), {@code history.json} (the publication history the CLI keeps) and {@code reports/}
 * (TLS-RPT reports, searched recursively).
 *
 * @param dir the folder
 * @param domain the policy domain: the folder's name, lower case
 * @param policy the policy file, or {@code null} when there is none
 * @param sts the {@code _mta-sts} record, or {@code null} when none is usable
 * @param tlsRpt the {@code _smtp._tls} record, or {@code null} when none is usable
 * @param mxHosts the MX hosts in file order
 * @param senderNetworks the IP ranges of {@code senders.txt}
 * @param senderNames the organization names of {@code senders.txt}
 * @param reports what reading {@code reports/} found
 * @param notes what is missing or wrong in the folder, for the user, in file order
 */
public record DomainFolder(
    Path dir,
    String domain,
    @Nullable MtaStsPolicy policy,
    @Nullable StsRecord sts,
    @Nullable TlsRptRecord tlsRpt,
    List<String> mxHosts,
    List<String> senderNetworks,
    List<String> senderNames,
    ReportLoader.Loaded reports,
    List<String> notes) {
  private static final Pattern LINE_END = Pattern.compile("\r?\n|\r");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The policy file's name in the folder. */
  public static final String POLICY_FILE = "mta-sts.txt";

  /** The {@code _mta-sts} TXT value's file name. */
  public static final String STS_FILE = "_mta-sts.txt";

  /** The {@code _smtp._tls} TXT value's file name. */
  public static final String TLSRPT_FILE = "_smtp._tls.txt";

  /** The MX hosts' file name. */
  public static final String MX_FILE = "mx.txt";

  /** The known senders' file name. */
  public static final String SENDERS_FILE = "senders.txt";

  /** The publication history's file name. */
  public static final String HISTORY_FILE = "history.json";

  /**
   * A report whose period ends more than this after now is dated in the future: set aside, it
   * never counts and never moves a window (a wrong clock or a forged date).
   */
  public static final Duration CLOCK_SKEW = Duration.ofHours(1);

  /** The reports' folder name. */
  public static final String REPORTS_DIR = "reports";

  /**
   * Copies the lists.
   *
   * @param dir the folder
   * @param domain the policy domain
   * @param policy the policy, or {@code null}
   * @param sts the STS record, or {@code null}
   * @param tlsRpt the TLS-RPT record, or {@code null}
   * @param mxHosts the MX hosts
   * @param senderNetworks the known IP ranges
   * @param senderNames the known organization names
   * @param reports the reports
   * @param notes the notes
   */
  public DomainFolder {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(domain, "domain");
    mxHosts = List.copyOf(mxHosts);
    senderNetworks = List.copyOf(senderNetworks);
    senderNames = List.copyOf(senderNames);
    notes = List.copyOf(notes);
  }

  /**
   * Reads a domain folder.
   *
   * @param dir the folder
   * @param domainOverride the policy domain when it is not the folder's name, or {@code null}
   * @param progress the progress bar factory for the reports
   * @param now the real time: reports dated after it (beyond {@link #CLOCK_SKEW}) are set aside
   * @return the folder's contents
   * @throws CommandFailure with exit status 2 when the folder or a file in it cannot be opened, 1
   *     when the policy file is invalid (the message is {@code FILE:LINE:COL: error CODE: reason})
   */
  public static DomainFolder read(
      Path dir,
      @Nullable String domainOverride,
      Function<Integer, ProgressBar> progress,
      Instant now) {
    return read(dir, domainOverride, progress, now, report -> { });
  }

  /**
   * Reads a domain folder and hands every report counted from {@code reports/} to {@code
   * onReport} as well (for figures the summary does not keep, such as the reporting
   * organizations).
   *
   * @param dir the folder
   * @param domainOverride the policy domain when it is not the folder's name, or {@code null}
   * @param progress the progress bar factory for the reports
   * @param now the real time: reports dated after it (beyond {@link #CLOCK_SKEW}) are set aside
   * @param onReport called with each report counted, duplicates included
   * @return the folder's contents
   * @throws CommandFailure as {@link #read(Path, String, Function, Instant)}
   */
  public static DomainFolder read(
      Path dir,
      @Nullable String domainOverride,
      Function<Integer, ProgressBar> progress,
      Instant now,
      Consumer<TlsRptReport> onReport) {
    if (!Files.isDirectory(dir)) {
      throw new CommandFailure(ExitStatus.USAGE, "cannot open " + dir + ": "
          + (Files.exists(dir) ? "not a folder" : "no such folder"));
    }
    String domain = domainOverride != null ? domainOverride : folderDomain(dir);
    domain = domain.toLowerCase(Locale.ROOT);
    List<String> notes = new ArrayList<>();

    MtaStsPolicy policy = readPolicy(dir.resolve(POLICY_FILE));
    if (policy == null) {
      notes.add(POLICY_FILE + " is missing: no policy file");
    }

    StsRecord sts = null;
    List<List<byte[]>> stsTxt = readTxt(dir.resolve(STS_FILE));
    if (stsTxt == null) {
      notes.add(STS_FILE + " is missing: no _mta-sts record is published");
    } else {
      sts = select(RecordSelection.selectSts(stsTxt, ParseMode.STRICT), STS_FILE, "_mta-sts", notes);
    }

    TlsRptRecord tlsRpt = null;
    List<List<byte[]>> tlsTxt = readTxt(dir.resolve(TLSRPT_FILE));
    if (tlsTxt == null) {
      notes.add(TLSRPT_FILE + " is missing: no _smtp._tls record is published, so no reports arrive");
    } else {
      tlsRpt = select(RecordSelection.selectTlsRpt(tlsTxt, ParseMode.STRICT), TLSRPT_FILE, "_smtp._tls", notes);
    }

    List<String> mx = readMx(dir.resolve(MX_FILE), notes);
    List<String> networks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    readSenders(dir.resolve(SENDERS_FILE), networks, names);

    Path reportsDir = dir.resolve(REPORTS_DIR);
    List<ReportFiles.Entry> entries;
    if (Files.isDirectory(reportsDir)) {
      ReportFiles.Search search = ReportFiles.search(List.of(reportsDir.toString()));
      entries = search.entries();
      for (ReportFiles.Skipped skipped : search.skipped()) {
        notes.add("skipped " + skipped.file() + ": " + skipped.reason());
      }
    } else {
      entries = List.of();
      notes.add(REPORTS_DIR + "/ is missing: no TLS-RPT reports");
    }
    Instant latest = now.plus(CLOCK_SKEW);
    List<TlsRptReport> future = new ArrayList<>();
    ReportLoader.Loaded loaded = ReportLoader.load(entries, InputStream.nullInputStream(), report -> {
      if (report.dateRange().end().isAfter(latest)) {
        future.add(report);
        return false;
      }
      onReport.accept(report);
      return true;
    }, progress.apply(entries.size()));
    for (ReportLoader.Unreadable u : loaded.unreadable()) {
      notes.add("unreadable report " + u.file() + ": " + u.reason());
    }
    for (ReportFiles.Skipped skipped : loaded.notReports()) {
      notes.add("skipped " + skipped.file() + ": " + skipped.reason());
    }
    if (!future.isEmpty()) {
      TlsRptReport first = future.get(0);
      notes.add("set aside " + future.size() + " report" + (future.size() == 1 ? "" : "s")
          + " dated after now (more than " + CLOCK_SKEW.toMinutes() + " minutes of clock skew),"
          + " such as report-id " + first.reportId() + " from " + first.organizationName()
          + " for " + first.dateRange().firstDay() + " to " + first.dateRange().lastDay()
          + ": they never count and never move the window; check the sender's clock");
    }
    Set<String> named = loaded.summary().domains();
    if (!named.isEmpty() && !named.contains(domain)) {
      List<String> others = new ArrayList<>(new TreeSet<>(named));
      others.remove("");
      if (!others.isEmpty()) {
        notes.add("no report is for " + domain + "; they are for " + String.join(", ", others)
            + ": did you mean --domain " + others.get(0) + "?");
      }
    }
    return new DomainFolder(dir, domain, policy, sts, tlsRpt, mx, networks, names, loaded, notes);
  }

  /**
   * Returns the last UTC day covered by a report, or {@code null} when there is no report.
   *
   * @return the newest report day
   */
  public @Nullable LocalDate newestReportDay() {
    return reports.newestDay();
  }

  private static String folderDomain(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw CommandFailure.usage("cannot tell the domain from " + dir + "; give --domain");
    }
    return name.toString();
  }

  private static @Nullable MtaStsPolicy readPolicy(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    Inputs.requireRegularFile(file);
    byte[] bytes = Inputs.readFile(file, file.toString(), Inputs.POLICY_MAX_BYTES);
    try {
      return PolicyParser.strict().parse(bytes).value();
    } catch (PolicyParseException e) {
      throw new CommandFailure(ExitStatus.NEGATIVE,
          file + ":" + e.line() + ":" + e.column() + ": error " + e.code().id() + ": " + e.detail(), e);
    }
  }

  /** Returns the TXT records of the file (one a line, dig-style quoting allowed), or null when it is absent. */
  private static @Nullable List<List<byte[]>> readTxt(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    String text = new String(Inputs.readFolderFile(file), StandardCharsets.UTF_8);
    List<List<byte[]>> records = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      records.add(List.of(TxtText.unwrap(line).getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  private static <T> @Nullable T select(
      RecordSelection<T> selection, String file, String name, List<String> notes) {
    if (selection instanceof RecordSelection.Selected<T> selected) {
      for (Warning w : selected.warnings()) {
        notes.add(file + ": column " + Locations.column(w.location()) + ": " + w.code().id() + ": " + w.message());
      }
      return selected.record();
    }
    if (selection instanceof RecordSelection.NoRecord<T>) {
      notes.add(file + ": no line starts with the version tag, so no " + name + " record counts");
    } else if (selection instanceof RecordSelection.SeveralRecords<T> several) {
      notes.add(file + ": " + several.texts().size() + " competing " + name
          + " records count as none (RFC 8461 section 3.1, RFC 8460 section 3); keep one");
    } else if (selection instanceof RecordSelection.InvalidRecord<T> invalid) {
      notes.add(file + ":1:" + invalid.error().column() + ": error " + invalid.error().code().id() + ": "
          + invalid.error().detail() + "; an invalid " + name + " record counts as none");
    }
    return null;
  }

  /** Reads senders.txt: one IP range (CIDR) or organization name a line; # starts a comment. */
  private static void readSenders(Path file, List<String> networks, List<String> names) {
    if (!Files.exists(file)) {
      return;
    }
    String text = new String(Inputs.readFile(file, file.toString(), Inputs.FOLDER_FILE_MAX_BYTES),
        StandardCharsets.UTF_8);
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (networks.size() + names.size() >= KnownSenders.MAX_ENTRIES) {
        throw new CommandFailure(ExitStatus.NEGATIVE, file + ":" + (i + 1) + ":1: error"
            + " too-many-senders: more than " + KnownSenders.MAX_ENTRIES + " known senders");
      }
      if (KnownSenders.looksLikeNetwork(line)) {
        String problem = KnownSenders.cidrProblem(line);
        if (problem != null) {
          int column = lines[i].indexOf(line) + 1;
          throw new CommandFailure(ExitStatus.NEGATIVE, file + ":" + (i + 1) + ":" + column
              + ": error invalid-sender: " + problem + "; write an IP range such as"
              + " 192.0.2.0/24, or an organization name");
        }
        networks.add(line);
      } else {
        names.add(line);
      }
    }
  }

  private static List<String> readMx(Path file, List<String> notes) {
    if (!Files.exists(file)) {
      notes.add(MX_FILE + " is missing: the MX hosts are unknown");
      return List.of();
    }
    List<String> hosts = new ArrayList<>();
    String text = new String(Inputs.readFolderFile(file), StandardCharsets.UTF_8);
    String[] lines = LINE_END.split(text, -1); // blank lines, trailing ones too, are skipped
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = WHITESPACE.split(line, -1); // the line is stripped: no empty parts
      // "10 mx1.example.com" as in a zone file or dig output, or just the host.
      String host = parts[parts.length - 1];
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (!host.isEmpty()) {
        hosts.add(mxHost(file, i + 1, lines[i].lastIndexOf(host) + 1, host));
      }
    }
    return hosts;
  }

  /**
   * Checks an MX host of {@code mx.txt} as a domain name ({@link DomainName}: RFC 5321 §4.1.2
   * Domain, no wildcard): a bad host is the user's input, so it is an error at its line and column.
   */
  private static String mxHost(Path file, int line, int column, String host) {
    try {
      return DomainName.parse(host).toString();
    } catch (DomainNameException e) {
      throw new CommandFailure(ExitStatus.NEGATIVE, file + ":" + line + ":" + (column + e.column() - 1)
          + ": error " + PolicyErrorCode.INVALID_MX.id() + ": MX host " + TerminalText.escape(host)
          + " is not a host name (" + TerminalText.escape(e.detail()) + "); write one host a line,"
          + " optionally after its preference, as in \"10 mx1.example.com\"", e);
    }
  }

}
