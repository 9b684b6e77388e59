package dev.mtasts.audit.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a folder of TLS-RPT reports (RFC 8460 §4) for the certificate-host-mismatch sessions
 * reported against each MX host of one domain. Bounded: at most {@link #MAX_FILES} files, each
 * read within the reader's limits.
 */
final class ReportEvidence {
  /** The most report files read from one folder. */
  static final int MAX_FILES = 10_000;

  private ReportEvidence() {}

  /**
   * What the folder holds for the domain.
   *
   * @param reports the reports with a policy for the domain
   * @param mismatchByHost certificate-host-mismatch sessions per receiving MX host
   * @param unreadable files that are not reports, with the reason
   * @param firstDay the first report day, or empty
   * @param lastDay the last report day, or empty
   */
  record Result(int reports, Map<String, Long> mismatchByHost, List<String> unreadable, String firstDay, String lastDay) {}

  static Result read(Path folder, String domain) {
    TlsRptReader reader = TlsRptReader.lenient();
    Map<String, Long> byHost = new TreeMap<>();
    List<String> unreadable = new ArrayList<>();
    int reports = 0;
    LocalDate first = null;
    LocalDate last = null;
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
      for (Path p : dir) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if ((name.endsWith(".json") || name.endsWith(".json.gz")) && Files.isRegularFile(p)) {
          files.add(p);
          if (files.size() >= MAX_FILES) {
            unreadable.add("more than " + MAX_FILES + " files; the rest were not read");
            break;
          }
        }
      }
    } catch (IOException e) {
      unreadable.add(folder + ": " + Texts.quote(String.valueOf(e.getMessage())));
    }
    files.sort(null);
    for (Path p : files) {
      TlsRptReport report;
      try {
        report = reader.read(p).value();
      } catch (ReportParseException e) {
        unreadable.add(p.getFileName() + ": " + Texts.quote(e.getMessage()));
        continue;
      }
      boolean ours = false;
      for (PolicyResult policy : report.policies()) {
        String pd = policy.policyDomain() == null ? "" : DomainName.comparisonKey(policy.policyDomain());
        if (!pd.equals(domain)) {
          continue;
        }
        ours = true;
        for (FailureDetail d : policy.failureDetails()) {
          String host = d.receivingMxHostname();
          if (host != null && d.resultType().equals(ResultType.CERTIFICATE_HOST_MISMATCH)) {
            String h = DomainName.comparisonKey(host);
            if (byHost.size() < 1000 || byHost.containsKey(h)) {
              byHost.merge(h, d.failedSessionCount(), Long::sum);
            }
          }
        }
      }
      if (ours) {
        reports++;
        LocalDate day = report.dateRange().start().atZone(ZoneOffset.UTC).toLocalDate();
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
      }
    }
    return new Result(reports, byHost, unreadable, first == null ? "" : first.toString(), last == null ? "" : last.toString());
  }
}
