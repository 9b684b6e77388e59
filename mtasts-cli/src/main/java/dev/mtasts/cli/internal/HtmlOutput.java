package dev.mtasts.cli.internal;

import dev.mtasts.report.html.HtmlReport;
import dev.mtasts.report.html.ReportingOrganizations;
import dev.mtasts.report.html.UnreadableReport;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What {@code report html} and {@code readiness --html} share: collecting and writing the page. */
public final class HtmlOutput {
  private static final SecureRandom RANDOM = new SecureRandom();

  private HtmlOutput() {}

  /**
   * Returns a filter that also counts the reporting organizations of the reports it keeps (the
   * accumulator counts each organization and report-id once, as the summary does).
   *
   * @param keep which reports count
   * @param organizations where to count the kept ones
   * @return the counting filter
   */
  public static Predicate<TlsRptReport> counting(
      Predicate<TlsRptReport> keep, ReportingOrganizations.Accumulator organizations) {
    return report -> {
      boolean kept = keep.test(report);
      if (kept) {
        organizations.add(report);
      }
      return kept;
    };
  }

  /**
   * Returns the unreadable reports as the page lists them.
   *
   * @param loaded what loading found
   * @return the unreadable reports
   */
  public static List<UnreadableReport> unreadable(ReportLoader.Loaded loaded) {
    List<UnreadableReport> list = new ArrayList<>(loaded.unreadable().size());
    for (ReportLoader.Unreadable u : loaded.unreadable()) {
      list.add(new UnreadableReport(u.file(), u.reason()));
    }
    return list;
  }

  /**
   * Writes the page to a file (through a temporary file beside it, so that a reader never sees half
   * a page) or, for {@code -}, to standard output.
   *
   * @param page the page
   * @param file the file name, or {@code -}
   * @param stdout standard output
   * @return the number of bytes written
   * @throws CommandFailure with exit status 2 when the file cannot be written
   */
  public static long write(HtmlReport page, String file, PrintWriter stdout) {
    String html = page.render();
    if (Inputs.STDIN.equals(file)) {
      stdout.print(html);
      stdout.flush();
      return html.getBytes(StandardCharsets.UTF_8).length;
    }
    Path target = Path.of(file);
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    Path parent = target.toAbsolutePath().getParent();
    Path dir = parent == null ? Path.of(".") : parent;
    Path tmp = null;
    try {
      // Not Files.createTempFile: its file is owner-only, and the page should get the
      // permissions any new file gets (the umask), as with a shell redirection.
      tmp = dir.resolve(".mtasts-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".html.tmp");
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return bytes.length;
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write failed already; that is the error to report.
        }
      }
      throw new CommandFailure(ExitStatus.USAGE, "cannot write " + file + ": " + Inputs.reason(e), e);
    }
  }
}
