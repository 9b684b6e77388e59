package dev.mtasts.cli.internal;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.AddResult;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryLimits;
import dev.mtasts.tlsrpt.SummaryWarning;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.BrokenMail;
import dev.mtasts.tlsrpt.mail.MailEntry;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.MailSource;
import dev.mtasts.tlsrpt.mail.NotReportMail;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads report files into a {@link ReportSummary} (so memory grows with what is summarised, not
 * with the number of reports), keeping going past files that cannot be read. Files are read and
 * parsed a few at a time on reading threads ({@link ReadAhead}) while the calling thread adds
 * them to the summary in entry order, so the result is the same as one file after the other.
 * A file whose content is mail (an {@code .eml} message, an mbox file, a Maildir message; told by
 * content, not by name) is read with the tlsrpt-mail reader, one message at a time: each report
 * it carries counts like a report file, a mail without a report is listed as not read.
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
   * A summary warning about one file: why its report was set aside, or why its figures deserve
   * doubt.
   *
   * @param file the file name as found
   * @param warning the warning
   */
  public record Noted(String file, SummaryWarning warning) {
    /**
     * Validates the parts.
     *
     * @param file the file name
     * @param warning the warning
     */
    public Noted {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(warning, "warning");
    }
  }

  /**
   * One deviation from RFC 8460 that the lenient reader tolerated in a file.
   *
   * @param file the file name as found
   * @param jsonPath where in the report, as a JSON path
   * @param code the stable code of the deviation
   * @param message what was tolerated
   */
  public record Deviation(String file, String jsonPath, String code, String message) {
    /**
     * Validates the parts.
     *
     * @param file the file name
     * @param jsonPath the JSON path
     * @param code the code
     * @param message the message
     */
    public Deviation {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(jsonPath, "jsonPath");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Two files holding reports with the same organization and report-id but different content;
   * neither is counted.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @param firstFile the file read first
   * @param secondFile the file that conflicted with it
   */
  public record Conflict(String organization, String reportId, String firstFile, String secondFile) {
    /**
     * Validates the parts.
     *
     * @param organization the organization name
     * @param reportId the report id
     * @param firstFile the first file
     * @param secondFile the second file
     */
    public Conflict {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(firstFile, "firstFile");
      Objects.requireNonNull(secondFile, "secondFile");
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
   * @param newestDay the last UTC day any counted report covers, or {@code null} when none was
   *     counted
   * @param notReports the mails read that carry no report (a DMARC report, a bounce), in order
   * @param notes the summary warnings, per file, in the order met
   * @param conflicts the report-id conflicts, in the order met
   * @param domainLimitReached whether reading stopped because the reports name more policy
   *     domains than the limit
   * @param deviations the tolerated deviations, per file, in the order met (at most {@link
   *     #MAX_NOTES})
   */
  public record Loaded(
      ReportSummary summary,
      int read,
      int outsideFilter,
      int warnings,
      List<Unreadable> unreadable,
      @Nullable LocalDate newestDay,
      List<ReportFiles.Skipped> notReports,
      List<Noted> notes,
      List<Conflict> conflicts,
      boolean domainLimitReached,
      List<Deviation> deviations) {
    /**
     * Copies the list.
     *
     * @param summary the aggregate
     * @param read the files read
     * @param outsideFilter the reports left out
     * @param warnings the deviations
     * @param unreadable the unreadable files
     * @param newestDay the newest covered day, or {@code null}
     * @param notReports the mails without a report
     * @param notes the summary warnings
     * @param conflicts the conflicts
     * @param domainLimitReached whether the domain limit stopped reading
     * @param deviations the tolerated deviations
     */
    public Loaded {
      Objects.requireNonNull(summary, "summary");
      unreadable = List.copyOf(unreadable);
      notReports = List.copyOf(notReports);
      notes = List.copyOf(notes);
      conflicts = List.copyOf(conflicts);
      deviations = List.copyOf(deviations);
    }
  }

  private ReportLoader() {}

  /**
   * Reads every entry with the lenient reader (real senders deviate from RFC 8460 in known ways).
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
    TlsRptReader reader = TlsRptReader.lenient();
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
      Function<InputStream, ParseResult<TlsRptReport>> reader) {
    return load(entries, stdin, keep, progress, reader, SummaryLimits.DEFAULT, Instant.now());
  }

  /**
   * Reads every entry with the given reader into a summary with the given limits. A report with
   * the same organization and report-id as an earlier file but other content is a conflict: the
   * earlier file is read again and its figures withdrawn, so neither counts. When a report would
   * take the summary past {@link SummaryLimits#maxPolicyDomains()}, reading stops there ({@link
   * Loaded#domainLimitReached()}).
   *
   * @param entries the files, from {@link ReportFiles#find}
   * @param stdin standard input, for the {@code <stdin>} entry
   * @param keep which reports count; the others are read but left out
   * @param progress advanced once per entry
   * @param reader reads one report from an open stream (a file's or standard input)
   * @param limits the summary's bounds
   * @param now the instant the date bounds are measured from
   * @return what was found
   */
  public static Loaded load(
      List<ReportFiles.Entry> entries,
      InputStream stdin,
      Predicate<TlsRptReport> keep,
      ProgressBar progress,
      Function<InputStream, ParseResult<TlsRptReport>> reader,
      SummaryLimits limits,
      Instant now) {
    return load(entries, stdin, keep, progress, reader, limits, now, null);
  }

  /**
   * Reads every entry into a summary that starts from a saved one: the reports it holds count
   * once, and the files of this run are numbered after its sources.
   *
   * @param entries the entries to read
   * @param stdin what {@code -} reads
   * @param keep which reports to summarize (the others are counted as outside the filter)
   * @param progress told about every entry
   * @param reader reads one report
   * @param limits the bounds on what one report may claim
   * @param now the instant the date bounds are measured from
   * @param saved the summary to start from, or {@code null} for none
   * @return what was read
   */
  public static Loaded load(
      List<ReportFiles.Entry> entries,
      InputStream stdin,
      Predicate<TlsRptReport> keep,
      ProgressBar progress,
      Function<InputStream, ParseResult<TlsRptReport>> reader,
      SummaryLimits limits,
      Instant now,
      @Nullable ReportSummary saved) {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator(limits, now);
    int base = 0;
    if (saved != null) {
      acc.merge(saved);
      base = saved.nextSource();
      if (base > Integer.MAX_VALUE - entries.size() - 1) {
        throw new MtaStsException("the saved summary has numbered " + base + " files already;"
            + " start a new one");
      }
    }
    Tally tally = new Tally(keep, entries, reader, acc);
    tally.base = base;
    try (ReadAhead ahead = new ReadAhead(entries, reader, readThreads(entries.size()))) {
      for (int index = 0; index < entries.size() && !tally.domainLimit; index++) {
        ReportFiles.Entry entry = entries.get(index);
        tally.index = index;
        progress.step();
        String problem = entry.problem();
        if (problem != null) {
          tally.unreadable.add(new Unreadable(entry.label(), problem));
          continue;
        }
        try {
          Path path = entry.path();
          if (path == null) {
            readStdin(stdin, reader, tally);
          } else {
            ParseResult<TlsRptReport> read = ahead.take(index);
            if (read == null) {
              MailSource.read(path, MAIL, tally::mail);
            } else {
              tally.report(read);
            }
          }
        } catch (CannotOpen e) {
          tally.unreadable.add(new Unreadable(entry.label(), ReportErrorCode.READ_FAILED.id() + ": cannot read the file: " + e.reason));
        } catch (ReportParseException e) {
          tally.unreadable.add(new Unreadable(entry.label(), e.code().id() + " at " + e.location() + ": " + Causes.scrub(e.detail())));
        } catch (MailParseException e) {
          tally.unreadable.add(new Unreadable(entry.label(), mailReason(e)));
        } catch (MtaStsException e) {
          tally.unreadable.add(new Unreadable(entry.label(), Causes.scrub(String.valueOf(e.getMessage()))));
        } catch (RuntimeException | Error e) {
          // One hostile file must not end the run and lose the reports beside it (issue 13 item 1).
          tally.unreadable.add(new Unreadable(entry.label(), "cannot be read: " + failure(e)));
        }
      }
    }
    progress.finish();
    ReportSummary summary = tally.accumulator.finish();
    LocalDate newest = tally.newest;
    if (!tally.conflicts.isEmpty()) {
      // A withdrawn report may have been the newest one.
      newest = null;
      for (String d : summary.domains()) {
        LocalDate last = summary.domain(d).lastCoveredDay().orElse(null);
        if (last != null && (newest == null || last.isAfter(newest))) {
          newest = last;
        }
      }
    }
    return new Loaded(summary, tally.read, tally.outside, tally.warnings, tally.unreadable, newest,
        tally.notReports, tally.notes, tally.conflicts, tally.domainLimit, tally.deviations);
  }

  /** The mail reader: lenient, with the default limits (25 MiB a message). */
  private static final ReportMailReader MAIL = ReportMailReader.lenient();

  /** How far into a file or standard input the content is looked at to tell mail from a report. */
  private static final int SNIFF = 4096;

  /**
   * Returns whether a file holds mail rather than a report, by its first bytes.
   *
   * @param path the file
   * @return whether it starts like a message or an mbox file
   */
  public static boolean isMail(Path path) {
    try {
      return Files.isRegularFile(path) && MailSource.detect(path).isPresent();
    } catch (MailParseException e) {
      // Unreadable: the report reader says why, as for any other file.
      return false;
    }
  }

  private static void readStdin(InputStream stdin, Function<InputStream, ParseResult<TlsRptReport>> reader,
      Tally tally) {
    // Pushed back rather than buffered, so nothing beyond the head is read ahead of the reader's
    // limits (an endless standard input is read only as far as they allow).
    PushbackInputStream in = new PushbackInputStream(stdin, SNIFF);
    byte[] head;
    try {
      head = in.readNBytes(SNIFF);
      in.unread(head);
    } catch (IOException e) {
      throw new CannotOpen(Inputs.reason(e));
    }
    Optional<MailSource.Kind> kind = MailSource.detect(head);
    if (kind.isEmpty()) {
      tally.report(reader.apply(in));
    } else if (kind.get() == MailSource.Kind.MBOX) {
      MailSource.readMbox(in, "<stdin>", MAIL, tally::mail);
    } else {
      try {
        tally.mail(new MailEntry("<stdin>", MAIL.read(in)));
      } catch (MailParseException e) {
        tally.mail(new MailEntry("<stdin>", new BrokenMail(e)));
      }
    }
  }

  private static String mailReason(MailParseException e) {
    return e.code().id() + " at " + e.location() + ": " + Causes.scrub(e.detail());
  }

  /** What the entries read so far came to. */
  private static final class Tally {
    final Predicate<TlsRptReport> keep;
    final List<ReportFiles.Entry> entries;
    final Function<InputStream, ParseResult<TlsRptReport>> reader;
    final ReportSummary.Accumulator accumulator;
    final List<Noted> notes = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    final List<Deviation> deviations = new ArrayList<>();
    boolean domainLimit;
    /** The index of the entry being read: its reports' source number is {@code base + index}. */
    int index;
    /** The first source number of this run: the saved summary's sources are below it. */
    int base;
    final List<Unreadable> unreadable = new ArrayList<>();
    final List<ReportFiles.Skipped> notReports = new ArrayList<>();
    int read;
    int outside;
    int warnings;
    @Nullable LocalDate newest;

    Tally(Predicate<TlsRptReport> keep, List<ReportFiles.Entry> entries,
        Function<InputStream, ParseResult<TlsRptReport>> reader, ReportSummary.Accumulator accumulator) {
      this.keep = keep;
      this.entries = entries;
      this.reader = reader;
      this.accumulator = accumulator;
    }

    void report(ParseResult<TlsRptReport> result) {
      read++;
      warnings += result.warnings().size();
      for (Warning w : result.warnings()) {
        if (deviations.size() < MAX_NOTES) {
          deviations.add(new Deviation(entries.get(index).label(), w.location().toString(), w.code().id(),
              w.message()));
        }
      }
      TlsRptReport report = result.value();
      if (!keep.test(report)) {
        outside++;
        return;
      }
      AddResult added = accumulator.add(report, base + index);
      String label = entries.get(index).label();
      for (SummaryWarning w : added.warnings()) {
        domainLimit |= w.code() == SummaryWarning.Code.TOO_MANY_POLICY_DOMAINS;
        if (notes.size() < MAX_NOTES && w.code() != SummaryWarning.Code.CONFLICTING_REPORT_ID) {
          notes.add(new Noted(label, w));
        }
      }
      if (added.outcome() == AddResult.Outcome.CONFLICT) {
        int earlier = added.earlierSource().orElse(-1);
        boolean known = earlier >= base && earlier - base < entries.size();
        boolean inSaved = !known && added.earlierSource().isPresent() && earlier < base;
        if (conflicts.size() < MAX_NOTES) {
          conflicts.add(new Conflict(report.organizationName(), report.reportId(),
              known ? entries.get(earlier - base).label()
                  : inSaved ? "(a report in the saved summary)" : "(an earlier report)", label));
        }
        if (known) {
          withdrawEarlier(entries.get(earlier - base));
        }
      }
      if (!added.added()) {
        return;
      }
      LocalDate last = report.dateRange().lastDay();
      if (newest == null || last.isAfter(newest)) {
        newest = last;
      }
    }

    /** Reads the earlier file of a conflict again and takes its figures back out. */
    private void withdrawEarlier(ReportFiles.Entry earlier) {
      Path path = earlier.path();
      boolean done = false;
      try {
        if (path != null && isMail(path)) {
          boolean[] any = new boolean[1];
          MailSource.read(path, MAIL, e -> {
            if (e.outcome() instanceof ReportMail m) {
              for (ReportAttachment a : m.attachments()) {
                any[0] |= accumulator.withdraw(a.result().value());
              }
            }
          });
          done = any[0];
        } else if (path != null) {
          done = accumulator.withdraw(readFile(path, reader).value());
        }
      } catch (RuntimeException | Error e) {
        done = false;
      }
      if (!done) {
        // Standard input cannot be read twice; a file may have changed or gone since.
        unreadable.add(new Unreadable(earlier.label(), "its report-id conflicts with a later file"
            + " and it could not be read again as it was to take its figures out; they still count"));
      }
    }

    void mail(MailEntry entry) {
      if (entry.outcome() instanceof ReportMail m) {
        warnings += m.warnings().size();
        for (ReportAttachment a : m.attachments()) {
          report(a.result());
        }
      } else if (entry.outcome() instanceof NotReportMail n) {
        notReports.add(new ReportFiles.Skipped(entry.location(),
            "an email message without a TLS-RPT report: " + Causes.scrub(n.reason())));
      } else if (entry.outcome() instanceof BrokenMail b) {
        unreadable.add(new Unreadable(entry.location(), mailReason(b.error())));
      }
    }
  }

  /** The most threads that read and parse files ahead of the aggregation. */
  static final int MAX_READ_THREADS = 4;

  /** How many files may be read ahead per reading thread (parsed and waiting, or being read). */
  static final int READ_AHEAD_PER_THREAD = 4;

  private static int readThreads(int entries) {
    if (entries < 2) {
      return 0;
    }
    return Math.max(1, Math.min(MAX_READ_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Reads and parses the report files after the one being aggregated on a few daemon threads,
   * while the calling thread aggregates in entry order: the summary, every reason and every list
   * come out as a one-thread loop would make them. At most {@code threads} files are open and at
   * most {@code threads * READ_AHEAD_PER_THREAD} reports wait in memory at any time, so memory is
   * bounded by the read limits, not by the number of files. Mail files and standard input are
   * read by the calling thread when their turn comes ({@link #take} returns {@code null} for
   * mail).
   */
  static final class ReadAhead implements AutoCloseable {
    private final List<ReportFiles.Entry> entries;
    private final Function<InputStream, ParseResult<TlsRptReport>> reader;
    private final @Nullable ExecutorService pool;
    private final int window;
    /** Submitted reads by entry index, from the one to take next on. */
    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
    /** The next entry index to submit. */
    private int next;

    /** One entry's read: its index and what the reading thread came to. */
    private record Pending(int index, Future<Outcome> outcome) {}

    /** A parsed report, mail to be read by the calling thread, or what reading threw. */
    private record Outcome(@Nullable ParseResult<TlsRptReport> result, @Nullable Throwable failure) {}

    private static final Outcome MAIL_FILE = new Outcome(null, null);

    ReadAhead(List<ReportFiles.Entry> entries, Function<InputStream, ParseResult<TlsRptReport>> reader,
        int threads) {
      this.entries = entries;
      this.reader = reader;
      this.window = Math.max(1, threads * READ_AHEAD_PER_THREAD);
      this.pool = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "mtasts-report-reader");
        t.setDaemon(true);
        return t;
      });
    }

    /**
     * Returns the report of a file entry, read ahead or now: {@code null} when the file is mail.
     * What reading threw is thrown here, on the calling thread.
     */
    @Nullable ParseResult<TlsRptReport> take(int index) {
      ExecutorService p = pool;
      Outcome o;
      if (p == null) {
        o = read(Objects.requireNonNull(entries.get(index).path()));
      } else {
        if (next <= index) {
          // Nothing read ahead reaches this entry: what is pending is for entries passed by.
          close(pending);
          next = index;
        }
        while (!pending.isEmpty() && pending.getFirst().index() < index) {
          pending.removeFirst().outcome().cancel(true);
        }
        fill(p, index);
        Pending first = pending.pollFirst();
        o = first != null && first.index() == index ? await(first.outcome())
            : read(Objects.requireNonNull(entries.get(index).path()));
        fill(p, index + 1);
      }
      Throwable failure = o.failure();
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return o.result();
    }

    /** Submits the file entries from {@code next} while the window from {@code from} has room. */
    private void fill(ExecutorService p, int from) {
      while (next < entries.size() && next < from + window) {
        ReportFiles.Entry e = entries.get(next);
        Path path = e.path();
        if (path != null && e.problem() == null) {
          pending.addLast(new Pending(next, p.submit(() -> read(path))));
        }
        next++;
      }
    }

    private static Outcome await(Future<Outcome> f) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return f.get();
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            // read() catches everything it can; what is left is thrown on the calling thread.
            return new Outcome(null, e.getCause() == null ? e : e.getCause());
          } catch (java.util.concurrent.CancellationException e) {
            return new Outcome(null, e);
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private Outcome read(Path path) {
      try {
        ParseResult<TlsRptReport> once = readUnlessMail(path, reader);
        if (once != null) {
          return new Outcome(once, null);
        }
        return isMail(path) ? MAIL_FILE : new Outcome(readFile(path, reader), null);
      } catch (RuntimeException | Error e) {
        return new Outcome(null, e);
      }
    }

    @Override
    public void close() {
      ExecutorService p = pool;
      if (p != null) {
        close(pending);
        p.shutdownNow();
      }
    }

    private static void close(java.util.ArrayDeque<Pending> reads) {
      for (Pending f : reads) {
        f.outcome().cancel(true);
      }
      reads.clear();
    }
  }

  /** At most this many summary warnings and conflicts are kept in {@link Loaded}. */
  public static final int MAX_NOTES = 10_000;

  private static String failure(Throwable e) {
    if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
      return Causes.describe(e);
    }
    return "the reader failed unexpectedly on it (a bug in mtasts: please report it with the file)";
  }

  /**
   * Reads a report file with one open when its first byte shows it cannot be mail (JSON starts
   * with a brace, space or byte order mark, gzip with 1F; a message or an mbox file with a
   * letter): {@code null} when it might be mail, for the caller to tell with {@link #isMail}.
   */
  private static @Nullable ParseResult<TlsRptReport> readUnlessMail(Path path,
      Function<InputStream, ParseResult<TlsRptReport>> reader) {
    if (Files.isDirectory(path)) {
      throw new CannotOpen("it is a directory");
    }
    InputStream raw;
    try {
      raw = Files.newInputStream(path);
    } catch (IOException e) {
      throw new CannotOpen(Inputs.reason(e));
    }
    try (PushbackInputStream in = new PushbackInputStream(raw, 1)) {
      int first;
      try {
        first = in.read();
      } catch (IOException e) {
        // Told apart and worded by the two-step path, as before.
        return null;
      }
      if ((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z')) {
        return null;
      }
      if (first >= 0) {
        in.unread(first);
      }
      return reader.apply(in);
    } catch (IOException e) {
      // Only close() gets here; the report was read.
      throw new CannotOpen(Inputs.reason(e));
    }
  }

  /** Opens a regular file and reads it; an open failure carries the reason in words. */
  private static ParseResult<TlsRptReport> readFile(Path path, Function<InputStream, ParseResult<TlsRptReport>> reader) {
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
