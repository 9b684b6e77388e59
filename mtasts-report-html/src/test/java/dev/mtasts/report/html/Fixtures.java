package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads folders of reports the way the CLI does, for the page tests. */
final class Fixtures {
  /**
   * What a folder held.
   *
   * @param summary the figures
   * @param organizations who reported
   * @param unreadable what could not be read
   */
  record Loaded(ReportSummary summary, ReportingOrganizations organizations,
      List<UnreadableReport> unreadable) {}

  private Fixtures() {}

  static Path examples() {
    String dir = System.getProperty("mtasts.examples.dir");
    assumeTrue(dir != null, "system property mtasts.examples.dir is not set");
    return Path.of(dir);
  }

  static Path corpusTlsrpt() {
    String dir = System.getProperty("mtasts.corpus.dir");
    assumeTrue(dir != null, "system property mtasts.corpus.dir is not set");
    Path p = Path.of(dir, "tlsrpt");
    assumeTrue(Files.isDirectory(p), "corpus folder " + p + " does not exist");
    return p;
  }

  static Loaded load(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".json.gz"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReportSummary.Accumulator summary = ReportSummary.newAccumulator();
    ReportingOrganizations.Accumulator orgs = ReportingOrganizations.newAccumulator();
    List<UnreadableReport> unreadable = new ArrayList<>();
    for (Path f : files) {
      try {
        TlsRptReport r = TlsRptReader.lenient().read(f).value();
        summary.add(r);
        orgs.add(r);
      } catch (MtaStsException e) {
        unreadable.add(new UnreadableReport(dir.relativize(f).toString(), e.getMessage()));
      }
    }
    return new Loaded(summary.snapshot(), orgs.snapshot(), unreadable);
  }

  static Loaded reports(String... json) {
    ReportSummary.Accumulator summary = ReportSummary.newAccumulator();
    ReportingOrganizations.Accumulator orgs = ReportingOrganizations.newAccumulator();
    for (String j : json) {
      TlsRptReport r = TlsRptReader.lenient().read(j).value();
      summary.add(r);
      orgs.add(r);
    }
    return new Loaded(summary.snapshot(), orgs.snapshot(), List.of());
  }

  /** Returns the JSON text of a string, quotes included. */
  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c >= 0x2000) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** Returns one report of one day with one sts policy and one failure-details entry. */
  static String report(String org, String id, String day, String domain, long ok, long failed,
      String resultType, String sendingIp, String mx) {
    return "{\"organization-name\":" + q(org) + ",\"date-range\":{\"start-datetime\":\"" + day
        + "T00:00:00Z\",\"end-datetime\":\"" + day + "T23:59:59Z\"},\"contact-info\":\"tls@example.org\","
        + "\"report-id\":" + q(id) + ",\"policies\":[{\"policy\":{\"policy-type\":\"sts\","
        + "\"policy-string\":[\"version: STSv1\",\"mode: testing\",\"mx: mx1." + domain
        + "\",\"max_age: 604800\"],\"policy-domain\":" + q(domain) + ",\"mx-host\":[\"mx1." + domain
        + "\"]},\"summary\":{\"total-successful-session-count\":" + ok
        + ",\"total-failure-session-count\":" + failed + "},\"failure-details\":["
        + (failed == 0 ? "" : "{\"result-type\":" + q(resultType) + ",\"sending-mta-ip\":" + q(sendingIp)
            + ",\"receiving-mx-hostname\":" + q(mx) + ",\"failed-session-count\":" + failed + "}")
        + "]}]}";
  }
}
