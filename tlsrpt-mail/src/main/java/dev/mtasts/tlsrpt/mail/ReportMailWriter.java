package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import dev.mtasts.tlsrpt.mail.internal.ReportMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Composes the RFC 8460 §5.3 report mail of a {@link GeneratedReport}: a {@code multipart/report;
 * report-type="tlsrpt"} with a human-readable {@code text/plain} first part and the gzip report as
 * an {@code application/tlsrpt+gzip} attachment, base64-encoded, under its §5.1 file name; the
 * header fields {@code TLS-Report-Domain}, {@code TLS-Report-Submitter} (the domain of the
 * report's {@code contact-info}, as §5.3 requires), the §5.3 Subject with a Report-ID, {@code
 * Auto-Submitted: auto-generated} (RFC 3834) and {@code TLS-Required: No} (RFC 8689, so a report
 * mail never waits for, or causes, a report of its own).
 *
 * <pre>{@code
 * for (GeneratedReport r : builder.drainDaysBefore(LocalDate.now(ZoneOffset.UTC))) {
 *   byte[] mail = ReportMailWriter.of(Clock.systemUTC())
 *       .write(r, "tlsrpt@sender.example", "tlsrpt@example.com");
 *   sendmail(mail); // or hand it to any SMTP client
 * }
 * }</pre>
 *
 * <p>What it writes, {@link ReportMailReader} reads back to the same report, without a warning
 * when the report's file name has the {@code contact-info} domain as its sender (RFC 8460 §5.1).
 * Instances are immutable and thread-safe.
 */
public final class ReportMailWriter {

  private final Clock clock;

  private ReportMailWriter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns a writer that dates its mails with a clock.
   *
   * @param clock the clock for the {@code Date} header field
   * @return the writer
   */
  public static ReportMailWriter of(Clock clock) {
    return new ReportMailWriter(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns the mail as bytes (CRLF line ends).
   *
   * @param report the report and its file name
   * @param from the {@code From} address, for example {@code tlsrpt@sender.example}
   * @param to the {@code To} address: the {@code mailto:} address of the policy domain's {@code
   *     rua}, without {@code mailto:}
   * @return the message
   * @throws IllegalArgumentException when an address is not an RFC 5322 address
   */
  public byte[] write(GeneratedReport report, String from, String to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    write(report, from, to, out);
    return out.toByteArray();
  }

  /**
   * Writes the mail to a stream (CRLF line ends). The stream is not closed.
   *
   * @param report the report and its file name
   * @param from the {@code From} address
   * @param to the {@code To} address
   * @param out where to write
   * @throws IllegalArgumentException when an address is not an RFC 5322 address
   * @throws UncheckedIOException when the stream fails
   */
  public void write(GeneratedReport report, String from, String to, OutputStream out) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(out, "out");
    TlsRptReport r = report.report();
    byte[] gzip = TlsRptWriter.compact().writeGzip(r);
    try {
      ReportMessage.write(report, gzip, text(report), from, to, clock.instant(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(GeneratedReport report) {
    TlsRptReport r = report.report();
    StringBuilder sb = new StringBuilder(512);
    sb.append("This is an aggregate TLS report (RFC 8460) from ").append(r.organizationName())
        .append(".\r\n\r\n");
    sb.append("Report-ID: ").append(r.reportId()).append("\r\n");
    sb.append("Period:    ").append(r.dateRange().start()).append(" to ")
        .append(r.dateRange().end()).append("\r\n");
    for (PolicyResult p : r.policies()) {
      sb.append("Policy:    ").append(p.policyTypeText()).append(' ')
          .append(p.policyDomain() == null ? "-" : p.policyDomain()).append(": ")
          .append(p.successfulSessionCount()).append(" successful, ")
          .append(p.failedSessionCount()).append(" failed sessions\r\n");
    }
    sb.append("\r\nThe report is attached as ").append(report.fileName().fileName()).append(".\r\n");
    return sb.toString();
  }
}
