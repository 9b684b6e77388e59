package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ReportSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the tlsrpt-mail guide (docs/tlsrpt-mail.md), so they keep compiling and working. */
final class ReadmeExampleTest {

  @TempDir Path tmp;

  @Test
  void theSenderExampleWritesAMailTheReaderExampleCounts() throws IOException {
    Path maildir = tmp.resolve("Maildir");
    Files.createDirectories(maildir.resolve("new"));
    int i = 0;
    for (GeneratedReport r : List.of(ReportMailReaderTest.GENERATED)) {
      byte[] mail = ReportMailWriter.of(Clock.systemUTC())
          .write(r, "tlsrpt@sender.example", "tlsrpt@example.com");   // the rua mailto: address
      // The same mail twice, as a resend would deliver it.
      Files.write(maildir.resolve("new/" + i++), mail);
      Files.write(maildir.resolve("new/" + i++), mail);
    }

    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    MailSource.read(maildir, ReportMailReader.lenient(), entry -> {
      if (entry.outcome() instanceof ReportMail m) {
        m.reports().forEach(acc::add);                        // same org + report-id counted once
      } else if (entry.outcome() instanceof BrokenMail b) {
        System.out.println(entry.location() + ": " + b.error().code());
      }                                                       // NotReportMail: a DMARC report, ...
    });

    assertEquals(42, acc.snapshot().domain("example.com").sessions().total());
  }
}
