package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.mail.internal.MailParser;
import dev.mtasts.tlsrpt.mail.internal.MessageBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads TLS-RPT report mails (RFC 8460 §5.3): finds the report parts, undoes their transfer
 * encoding and reads them with a {@link TlsRptReader}.
 *
 * <pre>{@code
 * MailOutcome o = ReportMailReader.lenient().read(Path.of("report.eml"));
 * if (o instanceof ReportMail m) {
 *   m.reports().forEach(r -> System.out.println(r.organizationName() + " " + r.reportId()));
 *   m.warnings().forEach(w -> System.out.println(w.location() + ": " + w.message()));
 * }
 * }</pre>
 *
 * <p>A report part is a leaf part of type {@code application/tlsrpt+gzip} or {@code
 * application/tlsrpt+json} anywhere in the message (RFC 8460 §5.3), and what real senders send
 * instead: {@code application/gzip}, {@code application/octet-stream} or {@code application/json}
 * with or without a {@code .json}/{@code .json.gz} file name inside a {@code multipart/report;
 * report-type=tlsrpt} (the parameter quoted or not, in any order), or with an RFC 8460 §5.1 file
 * name anywhere, nested {@code multipart/mixed} included. Each deviation is a {@link Warning};
 * so is each disagreement between the header fields, the Subject or the file name and the body,
 * which wins (RFC 8460 §5.6). An attached {@code message/rfc822} is not entered: a bounce of a
 * report is not a report.
 *
 * <p>The reader is lenient: what it accepts it reports as warnings; it throws {@link
 * MailParseException} only for a message it cannot read or that is over the {@link MailLimits},
 * and returns {@link NotReportMail} for a mail without a report. Instances are immutable and
 * thread-safe.
 */
public final class ReportMailReader {

  private static final ReportMailReader LENIENT =
      new ReportMailReader(MailLimits.DEFAULT, TlsRptReader.lenient());

  private final MailLimits limits;
  private final TlsRptReader reader;

  private ReportMailReader(MailLimits limits, TlsRptReader reader) {
    this.limits = limits;
    this.reader = reader;
  }

  /**
   * Returns the reader with default limits and the lenient report reader.
   *
   * @return the reader
   */
  public static ReportMailReader lenient() {
    return LENIENT;
  }

  /**
   * Returns a reader with other mail limits.
   *
   * @param newLimits the limits
   * @return the reader
   */
  public ReportMailReader withLimits(MailLimits newLimits) {
    return new ReportMailReader(Objects.requireNonNull(newLimits, "newLimits"), reader);
  }

  /**
   * Returns a reader that reads the report parts with another report reader (another mode or
   * other {@link dev.mtasts.tlsrpt.ReadLimits}, which bound each decompressed report).
   *
   * @param reportReader the report reader
   * @return the reader
   */
  public ReportMailReader withReportReader(TlsRptReader reportReader) {
    return new ReportMailReader(limits, Objects.requireNonNull(reportReader, "reportReader"));
  }

  /**
   * Returns the mail limits in force.
   *
   * @return the limits
   */
  public MailLimits limits() {
    return limits;
  }

  /**
   * Returns the report reader in use.
   *
   * @return the report reader
   */
  public TlsRptReader reportReader() {
    return reader;
  }

  /**
   * Reads a message.
   *
   * @param message the message, as RFC 5322 bytes (CRLF or LF line ends)
   * @return a {@link ReportMail} or a {@link NotReportMail}, never a {@link BrokenMail}
   * @throws MailParseException when the message is broken or over a limit
   */
  public MailOutcome read(byte[] message) {
    Objects.requireNonNull(message, "message");
    MessageBytes bytes = new MessageBytes(limits);
    bytes.write(message, 0, message.length);
    return parse(bytes);
  }

  /**
   * Reads a message from a stream, reading no further than the message size limit plus one
   * buffer. The stream is not closed.
   *
   * @param in the message
   * @return a {@link ReportMail} or a {@link NotReportMail}, never a {@link BrokenMail}
   * @throws MailParseException when the message is broken, over a limit or unreadable
   */
  public MailOutcome read(InputStream in) {
    Objects.requireNonNull(in, "in");
    MessageBytes bytes = new MessageBytes(limits);
    byte[] chunk = new byte[16 * 1024];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (!bytes.write(chunk, 0, n)) {
          break;
        }
      }
    } catch (IOException e) {
      throw new MailParseException(
          MailErrorCode.READ_FAILED, "message", "cannot read the message: " + e.getMessage(), e);
    }
    return parse(bytes);
  }

  /**
   * Reads a message file ({@code .eml}: one RFC 5322 message).
   *
   * @param file the file
   * @return a {@link ReportMail} or a {@link NotReportMail}, never a {@link BrokenMail}
   * @throws MailParseException when the message is broken, over a limit or unreadable
   */
  public MailOutcome read(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new MailParseException(
          MailErrorCode.READ_FAILED, "message", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a message collected by a {@link MailSource}; a broken one becomes a {@link BrokenMail}.
   */
  MailOutcome readCollected(MessageBytes bytes) {
    try {
      return parse(bytes);
    } catch (MailParseException e) {
      return new BrokenMail(e);
    }
  }

  /** A message read with the decoded content of each report part, in attachment order. */
  record WithContents(MailOutcome outcome, List<byte[]> contents) {}

  /**
   * Reads a collected message keeping each report part's decoded content (to store the reports
   * as sent); a broken one becomes a {@link BrokenMail}.
   */
  WithContents readKeepingContents(MessageBytes bytes) {
    MailParseException refused = bytes.error();
    if (refused != null) {
      return new WithContents(new BrokenMail(refused), List.of());
    }
    MailParser parser = new MailParser(limits, reader, true);
    try {
      return new WithContents(parser.parse(bytes.bytes(), bytes.length()), parser.contents());
    } catch (MailParseException e) {
      return new WithContents(new BrokenMail(e), List.of());
    } catch (RuntimeException e) {
      return new WithContents(new BrokenMail(malformed(e)), List.of());
    }
  }

  private static MailParseException malformed(RuntimeException e) {
    // Angus Mail's own failures on malformed structure (it documents MessagingException only).
    return new MailParseException(MailErrorCode.MALFORMED_MIME, "message",
        "the MIME structure cannot be read: " + e, e);
  }

  private MailOutcome parse(MessageBytes bytes) {
    MailParseException refused = bytes.error();
    if (refused != null) {
      throw refused;
    }
    try {
      return new MailParser(limits, reader).parse(bytes.bytes(), bytes.length());
    } catch (MailParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw malformed(e);
    }
  }
}
