package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP source against a real IMAP server over TLS: GreenMail in this JVM, or Dovecot when
 * {@code .ci/real-imap-suite} names it (see {@link ImapServer}). Each test loads its own mailbox
 * with the corpus mails (when the corpus is there), generated report mails, and broken ones.
 */
final class ImapSourceTest {

  static ImapServer server;
  static List<byte[]> mails;
  static Set<String> expectedReports;
  static int reportMails;
  static int notReports;
  static int brokenMails;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    server = ImapServer.start();
    mails = new ArrayList<>();
    for (String sender : List.of("a.example", "b.example", "c.example")) {
      mails.add(reportMail(ReportMailWriterTest.generated(sender)));
    }
    // The same mail twice: its report is stored once.
    mails.add(mails.get(0));
    // A report mail with a 300 KB text part first, so a cut connection falls inside a mail.
    mails.add(Mails.multipart(Mails.reportHeaders("example.com", "big.example"),
        "multipart/report; report-type=tlsrpt; boundary=\"b\"", "b",
        "Content-Type: text/plain", "A report, with a long explanation.\r\n"
            + "All work and no play makes a long mail.\r\n".repeat(7500),
        "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"big.example!example.com!1764028800!"
            + "1764115199!big.json.gz\"",
        Mails.gzipBase64(ReportMailWriterTest.generated("big.example").report())));
    // Broken: a gzip attachment whose base64 is not base64, a zip archive as .json.gz.
    mails.add(Mails.multipart(Mails.reportHeaders("example.com", "broken.example"),
        "multipart/report; report-type=tlsrpt; boundary=\"b\"", "b",
        "Content-Type: text/plain", "A report.",
        "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
        "H4sI!!!!this is not base64 and not gzip####"));
    mails.add(Mails.multipart(Mails.reportHeaders("example.com", "zip.example"),
        "multipart/report; report-type=tlsrpt; boundary=\"b\"", "b",
        "Content-Type: text/plain", "A report.",
        "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"report.json.gz\"",
        Mails.base64(zip())));
    // Not a report mail.
    mails.add((Mails.HEADERS + "Subject: lunch?\r\nContent-Type: text/plain\r\n\r\nAt noon.\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    if (System.getProperty("mtasts.corpus.dir") != null
        && Files.isDirectory(Path.of(System.getProperty("mtasts.corpus.dir"), "tlsrpt/eml"))) {
      for (Path eml : Corpus.emls()) {
        mails.add(Files.readAllBytes(eml));
      }
    }
    // What the mails hold, read here without IMAP.
    expectedReports = new TreeSet<>();
    for (byte[] m : mails) {
      MailOutcome o;
      try {
        o = ReportMailReader.lenient().read(m);
      } catch (MailParseException e) {
        brokenMails++;
        continue;
      }
      if (o instanceof ReportMail r) {
        reportMails++;
        for (TlsRptReport report : r.reports()) {
          expectedReports.add(key(report));
        }
      } else {
        notReports++;
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static byte[] reportMail(GeneratedReport r) {
    return ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(r, "tlsrpt@sender.example", "tlsrpt@example.com");
  }

  static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("report.json"));
      z.write("{}".getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  static String key(TlsRptReport r) {
    return r.organizationName() + " " + r.reportId();
  }

  /** Reads the folder back: every file a complete report under the name its content gives. */
  static Set<String> stored(Path folder) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path f : s.sorted().toList()) {
        String name = f.getFileName().toString();
        assertFalse(name.startsWith("."), "a temporary file was left: " + name);
        TlsRptReport r = TlsRptReader.lenient().read(f).value();
        assertEquals(ReportReceiver.fileName(r, name.endsWith(".gz")).fileName(), name);
        assertTrue(out.add(key(r)), "stored twice: " + key(r));
      }
    }
    return out;
  }

  @Test
  void fetchStoresEveryReportOnceUnderItsRfcFileName() throws Exception {
    String box = server.newMailbox("all", mails);
    FetchResult r = server.source(box).build().fetchInto(dir, (done, total) -> { });
    assertEquals(mails.size(), r.mails(), r::toString);
    assertEquals(expectedReports, stored(dir));
    assertEquals(expectedReports.size(), r.saved().size(), r::toString);
    assertEquals(1, r.alreadyStored(), "the duplicate report: " + r);
    assertEquals(notReports, r.notReports(), r::toString);
    assertEquals(brokenMails, r.broken().size(), r::toString);
    for (MailEntry b : r.broken()) {
      assertTrue(b.location().startsWith(server.mailbox(box).uri() + " UID "), b.location());
      assertInstanceOf(BrokenMail.class, b.outcome());
    }
    assertEquals(0, r.marked());
    assertEquals(mails.size(), server.count(box), "nothing is moved unless asked");
  }

  @Test
  void aSecondRunWritesNothingNew() throws Exception {
    String box = server.newMailbox("rerun", mails);
    ImapSource source = server.source(box).build();
    FetchResult first = source.fetchInto(dir, (done, total) -> { });
    List<String> before = listing(dir);
    FetchResult second = source.fetchInto(dir, (done, total) -> { });
    assertEquals(List.of(), second.saved(), second::toString);
    assertEquals(first.saved().size() + first.alreadyStored(), second.alreadyStored());
    assertEquals(before, listing(dir));
  }

  @Test
  void movedMailsAreNotReadAgain() throws Exception {
    String box = server.newMailbox("move", mails);
    String done = box + "-done";
    ImapSource source = server.source(box).moveTo(done).build();
    FetchResult first = source.fetchInto(dir, (d, t) -> { });
    assertEquals(reportMails, first.marked(), first::toString);
    assertEquals(reportMails, server.count(done));
    assertEquals(notReports + brokenMails, server.count(box),
        "mails without a report and broken mails stay");
    FetchResult second = source.fetchInto(dir, (d, t) -> { });
    assertEquals(notReports + brokenMails, second.mails(), second::toString);
    assertEquals(List.of(), second.saved());
    assertEquals(expectedReports, stored(dir));
  }

  @Test
  void flaggedMailsAreNotReadAgain() throws Exception {
    String box = server.newMailbox("flag", mails);
    ImapSource source = server.source(box).flagProcessed().build();
    FetchResult first = source.fetchInto(dir, (d, t) -> { });
    assertEquals(reportMails, first.marked());
    FetchResult second = source.fetchInto(dir, (d, t) -> { });
    assertEquals(notReports + brokenMails, second.mails(), second::toString);
    assertEquals(mails.size(), server.count(box), "flagged mails stay in the mailbox");
    assertEquals(expectedReports, stored(dir));
  }

  @Test
  void aWrongPasswordIsAuthenticationFailed() throws Exception {
    String box = server.newMailbox("pw", mails.subList(0, 1));
    ImapSource source = ImapSource.newBuilder(server.mailbox(box),
        ImapPassword.of("not-the-password".toCharArray()))
        .trust(TlsTrust.systemPlus(server.caPem)).build();
    TransportException e = assertThrows(TransportException.class,
        () -> source.fetchInto(dir, (d, t) -> { }));
    assertEquals(TransportErrorCode.AUTHENTICATION_FAILED, e.code(), e::getMessage);
    assertFalse(e.getMessage().contains("not-the-password"), e::getMessage);
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void anUntrustedCertificateIsRefusedUnlessTrusted() throws Exception {
    String box = server.newMailbox("tls", mails.subList(0, 1));
    ImapSource untrusted = ImapSource.newBuilder(server.mailbox(box),
        ImapPassword.of(server.password.toCharArray())).build();
    TransportException e = assertThrows(TransportException.class,
        () -> untrusted.fetchInto(dir, (d, t) -> { }));
    assertEquals(TransportErrorCode.CERTIFICATE_NOT_TRUSTED, e.code(), e::getMessage);
    assertEquals(1, server.source(box).build().fetchInto(dir, (d, t) -> { }).saved().size());
  }

  @Test
  void aMissingMailboxIsNoSuchMailbox() {
    TransportException e = assertThrows(TransportException.class,
        () -> server.source("no-such-box-" + System.nanoTime()).build()
            .fetchInto(dir, (d, t) -> { }));
    assertEquals(TransportErrorCode.NO_SUCH_MAILBOX, e.code(), e::getMessage);
  }

  @Test
  void aMailOverTheSizeLimitIsRefusedByItsAnnouncedSize() throws Exception {
    String box = server.newMailbox("size", mails.subList(4, 5));
    FetchResult r = server.source(box)
        .reader(ReportMailReader.lenient().withLimits(MailLimits.DEFAULT.withMaxMessageBytes(100_000)))
        .build().fetchInto(dir, (d, t) -> { });
    assertEquals(1, r.broken().size(), r::toString);
    BrokenMail b = (BrokenMail) r.broken().get(0).outcome();
    assertEquals(MailErrorCode.INPUT_TOO_LARGE, b.error().code());
  }

  @Test
  void aConnectionDroppedInTheMiddleOfAMailLeavesNoPartialFileAndAReRunCompletes()
      throws Exception {
    String box = server.newMailbox("drop", mails);
    long total;
    try (CuttingProxy measure = new CuttingProxy(server.host, server.imapsPort, Long.MAX_VALUE)) {
      Path scratch = Files.createDirectory(dir.resolve("scratch"));
      proxied(box, measure.port()).fetchInto(scratch, (d, t) -> { });
      total = measure.fromServer();
    }
    // The big mail is most of the bytes: half-way through the run is inside a mail.
    Path out = dir.resolve("reports");
    List<Integer> progress = new ArrayList<>();
    try (CuttingProxy cut = new CuttingProxy(server.host, server.imapsPort, total / 2)) {
      TransportException e = assertThrows(TransportException.class,
          () -> proxied(box, cut.port()).fetchInto(out, (d, t) -> progress.add(d)));
      assertEquals(TransportErrorCode.CONNECTION_LOST, e.code(), e::getMessage);
    }
    assertTrue(progress.get(progress.size() - 1) < mails.size(), "the run was cut: " + progress);
    Set<String> partial = stored(out);
    assertTrue(expectedReports.containsAll(partial));
    assertTrue(partial.size() < expectedReports.size(), "the cut came before the end: " + partial);
    FetchResult rerun = server.source(box).build().fetchInto(out, (d, t) -> { });
    assertEquals(expectedReports, stored(out));
    assertEquals(partial.size(), rerun.alreadyStored() - 1, rerun::toString);
  }

  @Test
  void readGivesEveryMailWithoutStoringOrMarking() throws Exception {
    String box = server.newMailbox("read", mails);
    List<MailEntry> entries = new ArrayList<>();
    server.source(box).build().read(entries::add);
    assertEquals(mails.size(), entries.size());
    Set<String> reports = new TreeSet<>();
    for (MailEntry e : entries) {
      if (e.outcome() instanceof ReportMail m) {
        m.reports().forEach(r -> reports.add(key(r)));
      }
    }
    assertEquals(expectedReports, reports);
    assertEquals(mails.size(), server.count(box));
  }

  @Test
  void starttlsIsUsedOrItsAbsenceIsAClearError() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(server.starttlsPort > 0, "no STARTTLS port");
    String box = server.newMailbox("starttls", mails.subList(0, 1));
    ImapSource source = ImapSource.newBuilder(
        new ImapMailbox(ImapMailbox.ImapSecurity.STARTTLS, server.user, server.host,
            server.starttlsPort, box),
        ImapPassword.of(server.password.toCharArray()))
        .trust(TlsTrust.systemPlus(server.caPem)).build();
    try {
      assertEquals(1, source.fetchInto(dir, (d, t) -> { }).saved().size());
    } catch (TransportException e) {
      // GreenMail's plain IMAP has no STARTTLS: then the password must not have gone out.
      assertFalse(server.external, e::getMessage);
      assertEquals(TransportErrorCode.STARTTLS_NOT_OFFERED, e.code(), e::getMessage);
    }
  }

  private ImapSource proxied(String box, int port) {
    return ImapSource.newBuilder(
        new ImapMailbox(ImapMailbox.ImapSecurity.IMAPS, server.user, "127.0.0.1", port, box),
        ImapPassword.of(server.password.toCharArray()))
        .trust(TlsTrust.systemPlus(server.caPem)).build();
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
