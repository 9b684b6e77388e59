package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.cli.internal.ExampleGenerator;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.ReportMailWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two commands of docs/tlsrpt-mail.md: the domain folder's {@code reports/} linked to the Maildir the
 * reports arrive in gives the same readiness verdict as the extracted report files.
 */
final class MailboxReadinessTest {
  @TempDir static Path examples;

  @TempDir Path dir;

  @BeforeAll
  static void generateExamples() throws IOException {
    ExampleGenerator.generate(examples);
  }

  /** Mails every report file of a domain folder into a Maildir, as the rua mailbox holds them. */
  static Path maildirOf(Path reports, Path maildir) throws IOException {
    Files.createDirectories(maildir.resolve("cur"));
    Files.createDirectories(maildir.resolve("new"));
    Files.createDirectories(maildir.resolve("tmp"));
    ReportMailWriter writer = ReportMailWriter.of(
        Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    List<Path> files;
    try (Stream<Path> s = Files.walk(reports)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int i = 0;
    for (Path f : files) {
      byte[] mail;
      try {
        TlsRptReport r = TlsRptReader.lenient().read(f).value();
        ReportFileName name = ReportFileName.parse(f.getFileName().toString());
        mail = writer.write(new GeneratedReport(r, name), "tlsrpt@sender.example",
            "tlsrpt@example.com");
      } catch (ReportParseException broken) {
        // The examples hold broken reports on purpose: the mailbox gets them attached as sent.
        mail = ("From: tlsrpt@sender.example\r\nSubject: Report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=tlsrpt; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nA report.\r\n--b\r\n"
            + "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"" + f.getFileName() + "\"\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(Files.readAllBytes(f)) + "\r\n--b--\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
      }
      Files.write(maildir.resolve(i % 3 == 0 ? "new" : "cur").resolve("1764028800.M" + i + "P7.mx:2,S"),
          mail);
      i++;
    }
    return maildir;
  }

  @Test
  void aReportsFolderLinkedToTheMaildirGivesTheSameVerdict() throws IOException {
    for (String domain : List.of("example.com", "example.net")) {
      Path original = examples.resolve(domain);
      Path folder = Files.createDirectories(dir.resolve("owner").resolve(domain));
      for (String f : List.of("mta-sts.txt", "_mta-sts.txt", "_smtp._tls.txt", "mx.txt")) {
        Files.copy(original.resolve(f), folder.resolve(f));
      }
      Path maildir = maildirOf(original.resolve("reports"), dir.resolve("Maildir-" + domain));
      Files.createSymbolicLink(folder.resolve("reports"), maildir);
      Cli.Result fromFiles = Cli.exec("readiness", "--json", original.toString());
      Cli.Result fromMail = Cli.exec("readiness", "--json", folder.toString());
      assertEquals(fromFiles.status(), fromMail.status(), fromMail::toString);
      Json a = Json.parse(fromFiles.out());
      Json b = Json.parse(fromMail.out());
      assertEquals(a.get("verdict"), b.get("verdict"), fromMail::toString);
      assertEquals(String.valueOf(a.get("blocking")), String.valueOf(b.get("blocking")), fromMail::toString);
    }
  }
}
