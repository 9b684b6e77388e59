package dev.mtasts.cli.internal;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.tlsrpt.ReadResult;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads report files one at a time into a {@link ReportSummary} (so memory grows with what is
 * summarised, not with the number of reports), keeping going past files that cannot be read.
 */
public final class ReportLoader {
  /**
   * A file that could not be read, and why.
   *
   * @param file the file name as found
   * @param reason the reason, with the JSON path of the problem where there is one
   */
  public record Unreadable(String file, String reason) {
    /**
     * Validates the parts.
     *
     * @param file the file name
     * @param reason the reason
     */
    public Unreadable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * What loading found.
   *
   * @param summary the aggregate of the reports read and kept
   * @param read the number of files read as reports (duplicates and filtered ones included)
   * @param outsideFilter the reports read but left out by the filter
   * @param warnings the number of tolerated deviations from RFC 8460 over all reports
   * @param unreadable the files that could not be read, in the order met
   * @param newestDay the last UTC day any kept report covers, or {@code null} when none was kept
   */
  public record Loaded(
      ReportSummary summary,
      int read,
      int outsideFilter,
      int warnings,
      List<Unreadable> unreadable,
      @Nullable LocalDate newestDay) {
    /**
     * Copies the list.
     *
     * @param summary the aggregate
     * @param read the files read
     * @param outsideFilter the reports left out
     * @param warnings the deviations
     * @param unreadable the unreadable files
     * @param newestDay the newest covered day, or {@code null}
     */
    public Loaded {
      Objects.requireNonNull(summary, "summary");
      unreadable = List.copyOf(unreadable);
    }
  }

  private ReportLoader() {}

  /**
   * Reads every entry with the tolerant reader (real senders deviate from RFC 8460 in known ways).
   *
   * @param entries the files, from {@link ReportFiles#find}
   * @param stdin standard input, for the {@code <stdin>} entry
   * @param keep which reports count; the others are read but left out
   * @param progress advanced once per entry
   * @return what was found
   */
  public static Loaded load(
      List<ReportFiles.Entry> entries,
      InputStream stdin,
      Predicate<TlsRptReport> keep,
      ProgressBar progress) {
    TlsRptReader reader = TlsRptReader.tolerant();
    return load(entries, stdin, keep, progress, reader::read);
  }

  /**
   * Reads every entry with the given reader. Whatever the reading of one file throws, {@link
   * Error}s such as {@link StackOverflowError} included, becomes that file's {@link Unreadable}
   * reason, and the files beside it are read and counted as usual.
   *
   * @param entries the files, from {@link ReportFiles#find}
   * @param stdin standard input, for the {@code <stdin>} entry
   * @param keep which reports count; the others are read but left out
   * @param progress advanced once per entry
   * @param reader reads one report from an open stream (a file's or standard input)
   * @return what was found
   */
  public static Loaded load(
      List<ReportFiles.Entry> entries,
      InputStream stdin,
      Predicate<TlsRptReport> keep,
      ProgressBar progress,
      Function<InputStream, ReadResult> reader) {
    ReportSummary.Accumulator accumulator = ReportSummary.newAccumulator();
    List<Unreadable> unreadable = new ArrayList<>();
    int read = 0;
    int outside = 0;
    int warnings = 0;
    LocalDate newest = null;
    for (ReportFiles.Entry entry : entries) {
      progress.step();
      String problem = entry.problem();
      if (problem != null) {
        unreadable.add(new Unreadable(entry.label(), problem));
        continue;
      }
      ReadResult result;
      try {
        Path path = entry.path();
        result = path == null ? reader.apply(stdin) : readFile(path, reader);
      } catch (CannotOpen e) {
        unreadable.add(new Unreadable(entry.label(), ReportErrorCode.IO_ERROR + ": cannot read the file: " + e.reason));
        continue;
      } catch (ReportParseException e) {
        unreadable.add(new Unreadable(entry.label(), e.code() + " at " + e.jsonPath() + ": " + Causes.scrub(e.detail())));
        continue;
      } catch (MtaStsException e) {
        unreadable.add(new Unreadable(entry.label(), Causes.scrub(String.valueOf(e.getMessage()))));
        continue;
      } catch (RuntimeException | Error e) {
        // One hostile file must not end the run and lose the reports beside it (issue 13 item 1).
        unreadable.add(new Unreadable(entry.label(), "cannot be read: " + failure(e)));
        continue;
      }
      read++;
      warnings += result.warnings().size();
      TlsRptReport report = result.report();
      if (!keep.test(report)) {
        outside++;
        continue;
      }
      accumulator.add(report);
      LocalDate last = report.dateRange().lastDay();
      if (newest == null || last.isAfter(newest)) {
        newest = last;
      }
    }
    progress.finish();
    return new Loaded(accumulator.snapshot(), read, outside, warnings, unreadable, newest);
  }

  private static String failure(Throwable e) {
    if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
      return Causes.describe(e);
    }
    return "the reader failed unexpectedly on it (a bug in mtasts: please report it with the file)";
  }

  /** Opens a regular file and reads it; an open failure carries the reason in words. */
  private static ReadResult readFile(Path path, Function<InputStream, ReadResult> reader) {
    if (Files.isDirectory(path)) {
      throw new CannotOpen("it is a directory");
    }
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (IOException e) {
      throw new CannotOpen(Inputs.reason(e));
    }
    try (in) {
      return reader.apply(in);
    } catch (IOException e) {
      // Only close() gets here; the report was read.
      throw new CannotOpen(Inputs.reason(e));
    }
  }

  /** A file that cannot be opened, with the reason in words. */
  private static final class CannotOpen extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    CannotOpen(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
