package dev.mtasts.tlsrpt.mail.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.BrokenMail;
import dev.mtasts.tlsrpt.mail.MailEntry;
import dev.mtasts.tlsrpt.mail.MailOutcome;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.MailSource;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import dev.mtasts.tlsrpt.mail.ReportMailWriter;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the report mail reader. Its contract: a message gives a
 * {@code ReportMail} or a {@code NotReportMail}, or throws {@link MailParseException}, never
 * anything else; bytes and stream agree; each report read, composed again by the writer, reads
 * back equal; and the same bytes as an mbox never stop the batch. In a normal build this replays
 * the inputs under {@code src/test/resources/dev/mtasts/tlsrpt/mail/fuzz/MailFuzzTestInputs/};
 * {@code fuzz/run 10m mailReader} fuzzes, seeded with the corpus mails.
 */
final class MailFuzzTest {

  private static final ReportMailWriter WRITER =
      ReportMailWriter.of(Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));

  @DictionaryEntries({"Content-Type: ", "multipart/report", "multipart/mixed", "; boundary=",
      "report-type=tlsrpt", "application/tlsrpt+gzip", "application/tlsrpt+json",
      "application/octet-stream", "Content-Transfer-Encoding: ", "base64", "quoted-printable",
      "Content-Disposition: attachment; filename=", ".json.gz", "TLS-Report-Domain: ",
      "TLS-Report-Submitter: ", "Subject: Report Domain: ", " Submitter: ", " Report-ID: <",
      "\\x0D\\x0A", "\\x0D\\x0A\\x0D\\x0A", "--", "=?utf-8?B?", "From "})
  @FuzzTest(maxDuration = "60s")
  void mailReader(byte[] input) {
    MailOutcome fromBytes = readOrBroken(() -> ReportMailReader.lenient().read(input));
    MailOutcome fromStream =
        readOrBroken(() -> ReportMailReader.lenient().read(new ByteArrayInputStream(input)));
    assertEquals(fromBytes.getClass(), fromStream.getClass(), "bytes and stream agree");
    if (fromBytes instanceof ReportMail m) {
      assertEquals(m, fromStream, "bytes and stream agree");
      for (TlsRptReport r : m.reports()) {
        ReportFileName name;
        try {
          name = ReportFileName.of("sender.example", "example.com", r.dateRange(), null, true);
        } catch (IllegalArgumentException documented) {
          // RFC 8460 §5.1 names carry Unix seconds: a report dated before 1970 reads (the summary
          // sets it aside as too old) but has no file name, so it cannot be written again.
          continue;
        }
        GeneratedReport g = new GeneratedReport(r, name);
        ReportMail again = (ReportMail) ReportMailReader.lenient()
            .read(WRITER.write(g, "tlsrpt@sender.example", "tlsrpt@example.com"));
        assertEquals(List.of(r), again.reports(), "a report read, written again, reads back");
      }
    }
    List<MailEntry> entries = new ArrayList<>();
    MailSource.readMbox(new ByteArrayInputStream(input), "fuzz", ReportMailReader.lenient(),
        entries::add);
  }

  private interface Read {
    MailOutcome read();
  }

  private static MailOutcome readOrBroken(Read read) {
    try {
      return read.read();
    } catch (MailParseException documented) {
      return new BrokenMail(documented);
    }
  }
}
