package dev.mtasts.benchmarks.tools;

import dev.mtasts.benchmarks.data.Corpus;
import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.benchmarks.data.SyntheticReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes the end-to-end data set: {@code COUNT} reports (default 10,000) from {@link
 * ReportData#endToEndReport(int)}, every second one gzip-compressed, under RFC 8460 §5.3 file
 * names ({@code sender!policy-domain!begin!end!unique-id.json[.gz]}), spread over 14 day folders.
 * The data is the same on every run.
 *
 * <p>Usage: {@code EndToEndData DIR [COUNT]}; prints {@code files=N bytes=B json-bytes=J}.
 */
public final class EndToEndData {

  private static final int DEFAULT_COUNT = 10_000;

  private EndToEndData() {}

  /**
   * Writes the files.
   *
   * @param args the folder, then optionally the number of reports
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EndToEndData DIR [COUNT]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int count = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_COUNT;
    long bytes = 0;
    long jsonBytes = 0;
    for (int i = 0; i < count; i++) {
      SyntheticReport report = ReportData.endToEndReport(i);
      byte[] json = report.toJsonBytes();
      boolean gzip = i % 2 == 1;
      byte[] data = gzip ? Corpus.gzip(json) : json;
      long begin = report.day().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      String name =
          String.format(
              Locale.ROOT,
              "%s!%s!%d!%d!%s.json%s",
              sender(report.organization()),
              report.policies().get(0).domain(),
              begin,
              begin + 86_399,
              report.reportId(),
              gzip ? ".gz" : "");
      Path folder = dir.resolve(report.day().toString());
      Files.createDirectories(folder);
      Files.write(folder.resolve(name), data);
      bytes += data.length;
      jsonBytes += json.length;
    }
    System.out.printf(Locale.ROOT, "files=%d bytes=%d json-bytes=%d%n", count, bytes, jsonBytes);
  }

  private static String sender(String organization) {
    return organization.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
  }
}
