package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MailSourceTest {

  @TempDir Path tmp;

  static List<MailEntry> readAll(Path p) {
    List<MailEntry> out = new ArrayList<>();
    MailSource.read(p, ReportMailReader.lenient(), out::add);
    return out;
  }

  static List<TlsRptReport> reports(List<MailEntry> entries) {
    List<TlsRptReport> out = new ArrayList<>();
    for (MailEntry e : entries) {
      if (e.outcome() instanceof ReportMail m) {
        out.addAll(m.reports());
      }
    }
    return out;
  }

  /** Writes messages as mboxrd does: a From line, each ^>*From line quoted with one more '>'. */
  static byte[] mboxrd(List<byte[]> messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : messages) {
      out.writeBytes("From MAILER-DAEMON Wed Nov 25 06:07:08 2026\n".getBytes(StandardCharsets.US_ASCII));
      String text = new String(m, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
      for (String line : text.split("\n", -1)) {
        if (line.replaceFirst("^>*", "").startsWith("From ")) {
          out.write('>');
        }
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
      }
      out.write('\n');
    }
    return out.toByteArray();
  }

  static List<byte[]> corpusMails() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path p : Corpus.emls()) {
      out.add(Files.readAllBytes(p));
    }
    return out;
  }

  static List<TlsRptReport> corpusReports() {
    List<TlsRptReport> out = new ArrayList<>();
    for (Path p : Corpus.emls()) {
      out.addAll(((ReportMail) ReportMailReader.lenient().read(p)).reports());
    }
    return out;
  }

  @Test
  void detectsTheKindByContentNotByName() throws IOException {
    Path eml = Files.write(tmp.resolve("report.json"), Mails.HEADERS.getBytes(StandardCharsets.US_ASCII));
    Path mbox = Files.write(tmp.resolve("report.eml"), "From a@b Wed Nov 25 06:07:08 2026\n".getBytes(StandardCharsets.US_ASCII));
    Path json = Files.write(tmp.resolve("mail.eml"), "{\"organization-name\":1}".getBytes(StandardCharsets.US_ASCII));
    Path gz = Files.write(tmp.resolve("x.eml"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
    Files.createDirectories(tmp.resolve("Maildir/cur"));
    assertEquals(Optional.of(MailSource.Kind.EML), MailSource.detect(eml));
    assertEquals(Optional.of(MailSource.Kind.MBOX), MailSource.detect(mbox));
    assertEquals(Optional.empty(), MailSource.detect(json));
    assertEquals(Optional.empty(), MailSource.detect(gz));
    assertEquals(Optional.of(MailSource.Kind.MAILDIR), MailSource.detect(tmp.resolve("Maildir")));
    assertEquals(Optional.empty(), MailSource.detect(tmp));
  }

  @Test
  void anMboxrdOfTheCorpusMailsReadsToTheirReports() throws IOException {
    Path mbox = Files.write(tmp.resolve("Inbox"), mboxrd(corpusMails()));
    List<MailEntry> entries = readAll(mbox);
    assertEquals(Corpus.emls().size(), entries.size());
    assertEquals(corpusReports(), reports(entries));
    String loc = entries.get(1).location();
    assertTrue(loc.startsWith(mbox + " message 2 (line "), loc);
    int line = Integer.parseInt(loc.substring(loc.lastIndexOf(' ') + 1, loc.length() - 1));
    List<String> lines = Files.readAllLines(mbox, StandardCharsets.ISO_8859_1);
    assertTrue(lines.get(line - 1).startsWith("From "), lines.get(line - 1));
    assertEquals(2, lines.subList(0, line).stream().filter(l -> l.startsWith("From ")).count());
  }

  @Test
  void fromLinesInsideABodyAreUnquotedOneLevel() {
    byte[] mail = (Mails.HEADERS + "Subject: hi\r\nContent-Type: text/plain\r\n\r\n"
        + "From here on\r\n>From there\r\nend\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] mbox = mboxrd(List.of(mail, mail));
    List<MailEntry> entries = new ArrayList<>();
    MailSource.readMbox(new ByteArrayInputStream(mbox), "box", ReportMailReader.lenient(),
        entries::add);
    assertEquals(2, entries.size(), entries.toString());
    assertInstanceOf(NotReportMail.class, entries.get(0).outcome());
    assertTrue(new String(mbox, StandardCharsets.US_ASCII).contains("\n>>From there\n"));
  }

  @Test
  void anMboxoWrittenByThunderbirdWithFromDashLinesIsRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : corpusMails()) {
      out.writeBytes("From - Wed Nov 25 06:07:08 2026\r\nX-Mozilla-Status: 0001\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(m);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    Path mbox = Files.write(tmp.resolve("INBOX"), out.toByteArray());
    assertEquals(corpusReports(), reports(readAll(mbox)));
  }

  @Test
  void aHostileMessageInAnMboxIsOneBrokenEntryAndTheBatchGoesOn() {
    byte[] good = mboxrd(List.of(ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(ReportMailReaderTest.GENERATED, "tlsrpt@sender.example", "a@example.com")));
    InputStream huge = new HostileMailTest.Generated(
        "From x Wed Nov 25 06:07:08 2026\nSubject: ", (byte) 'a', 100L << 20, "\n\nbody\n\n");
    InputStream all = new SequenceInputStream(Collections.enumeration(List.of(
        new ByteArrayInputStream(good), huge, new ByteArrayInputStream(good))));
    List<MailEntry> entries = new ArrayList<>();
    MailSource.readMbox(all, "box", ReportMailReader.lenient(), entries::add);
    assertEquals(3, entries.size());
    BrokenMail broken = assertInstanceOf(BrokenMail.class, entries.get(1).outcome());
    assertEquals(MailErrorCode.LINE_TOO_LONG, broken.error().code());
    assertEquals(List.of(ReportMailReaderTest.REPORT, ReportMailReaderTest.REPORT),
        reports(entries));
  }

  @Test
  void aMaildirIsReadFromCurAndNewSkippingDotFiles() throws IOException {
    Path md = tmp.resolve("Maildir");
    Files.createDirectories(md.resolve("cur"));
    Files.createDirectories(md.resolve("new"));
    Files.createDirectories(md.resolve("tmp"));
    List<byte[]> mails = corpusMails();
    for (int i = 0; i < mails.size(); i++) {
      String sub = i % 2 == 0 ? "cur" : "new";
      Files.write(md.resolve(sub).resolve("1764050828." + i + ".host:2,S"), mails.get(i));
    }
    Files.write(md.resolve("tmp/partial"), "Subject: half".getBytes(StandardCharsets.US_ASCII));
    Files.write(md.resolve("cur/.dovecot.lock"), new byte[0]);
    Files.write(md.resolve("new/broken"), (Mails.HEADERS + "Subject: a\u0000\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    List<MailEntry> entries = readAll(md);
    assertEquals(mails.size() + 1, entries.size());
    assertEquals(corpusReports().size(), reports(entries).size());
    assertEquals(1, entries.stream().filter(e -> e.outcome() instanceof BrokenMail).count());
  }

  @Test
  void aPathThatIsNoMailSourceIsRefused() throws IOException {
    Path json = Files.write(tmp.resolve("r.json"), "{}".getBytes(StandardCharsets.US_ASCII));
    MailParseException e = assertThrows(MailParseException.class, () -> readAll(json));
    assertEquals(MailErrorCode.READ_FAILED, e.code());
  }

  @Test
  void theCorpusMailsReadTheSameAsEml() {
    for (Path p : Corpus.emls()) {
      List<MailEntry> one = readAll(p);
      assertEquals(1, one.size());
      assertEquals(((ReportMail) ReportMailReader.lenient().read(p)).reports(), reports(one));
      assertEquals(TlsRptReader.lenient().getClass(), TlsRptReader.class);
    }
  }
}
