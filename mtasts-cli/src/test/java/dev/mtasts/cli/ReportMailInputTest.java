package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtasts report summarize} on report mails: .eml files, mbox files, Maildir folders. */
final class ReportMailInputTest {

  @TempDir Path dir;

  static Path corpus() {
    String d = System.getProperty("mtasts.corpus.dir");
    assumeTrue(d != null, "system property mtasts.corpus.dir is not set");
    Path p = Path.of(d, "tlsrpt");
    assumeTrue(Files.isDirectory(p.resolve("eml")), "no corpus at " + p);
    return p;
  }

  static List<Path> emls() throws IOException {
    try (Stream<Path> s = Files.list(corpus().resolve("eml"))) {
      return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
  }

  static byte[] mbox(List<Path> mails) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Path p : mails) {
      out.writeBytes("From MAILER-DAEMON Wed Nov 25 06:07:08 2026\n".getBytes(StandardCharsets.US_ASCII));
      for (String line : Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").split("\n", -1)) {
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

  @Test
  void readsTheCorpusMailsInPlace() throws IOException {
    int mails = emls().size();
    Cli.Result r = Cli.exec("report", "summarize", "--json", corpus().resolve("eml").toString());
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals((long) mails, json.get("reports"), r::toString);
    assertEquals(0L, json.get("unreadable"), r::toString);
  }

  @Test
  void eachReportCountsOnceHoweverManyCopiesAndPathsItCameBy() throws IOException {
    List<Path> mails = emls();
    Path maildir = dir.resolve("Maildir");
    Files.createDirectories(maildir.resolve("cur"));
    Files.createDirectories(maildir.resolve("new"));
    Files.createDirectories(maildir.resolve("tmp"));
    for (int i = 0; i < mails.size(); i++) {
      Files.copy(mails.get(i), maildir.resolve(i % 2 == 0 ? "cur" : "new")
          .resolve("1764050828.M" + i + "P1.host,S=1:2,S"));
    }
    Files.writeString(maildir.resolve("tmp/1764050829.M9P1.host"), "Subject: half written");
    Files.writeString(maildir.resolve("dovecot.index.log"), "\u0001\u0002");
    Path box = Files.write(dir.resolve("Archive"), mbox(mails));
    // The same mails by three paths, and the extracted attachments beside them.
    Cli.Result once = Cli.exec("report", "summarize", "--json", corpus().resolve("eml").toString());
    Cli.Result all = Cli.exec("report", "summarize", "--json", maildir.toString(), box.toString(),
        corpus().resolve("eml").toString(), corpus().toString());
    assertEquals(0, all.status(), all::toString);
    Json a = Json.parse(all.out());
    Json o = Json.parse(once.out());
    assertTrue((Long) a.get("duplicates") >= 3L * mails.size(), all::toString);
    for (int i = 0; i < o.objects("domains").size(); i++) {
      Json od = o.objects("domains").get(i);
      Json ad = a.objects("domains").stream()
          .filter(d -> d.get("policyDomain").equals(od.get("policyDomain"))).findFirst().orElseThrow();
      // A domain the loose .json files also cover has more sessions; the mails' own never double.
      assertTrue((Long) ad.get("successfulSessions") >= (Long) od.get("successfulSessions"));
    }
    Cli.Result mailOnly = Cli.exec("report", "summarize", "--json", maildir.toString(), box.toString(),
        corpus().resolve("eml").toString());
    Json m = Json.parse(mailOnly.out());
    assertEquals(o.objects("domains").toString(), m.objects("domains").toString());
    assertEquals(3L * mails.size(), m.get("reports"));
    assertEquals(2L * mails.size(), m.get("duplicates"));
    String skipped = m.objects("skippedFiles").toString();
    assertTrue(skipped.contains("tmp/1764050829.M9P1.host"), skipped);
    assertTrue(skipped.contains("dovecot.index.log"), skipped);
  }

  @Test
  void aMailIsToldByItsContentNotItsName() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Path eml = emls().get(0);
    Files.copy(eml, reports.resolve("looks-like-a.json"));
    Files.copy(eml, reports.resolve("no-extension"));
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString());
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(2L, json.get("reports"), r::toString);
    assertEquals(1L, json.get("duplicates"), r::toString);
  }

  @Test
  void readsOneMailAndAnMboxFromStandardInput() throws IOException {
    Cli.Result one = new Cli().stdin(Files.readString(emls().get(0), StandardCharsets.ISO_8859_1))
        .run("report", "summarize", "-");
    assertEquals(0, one.status(), one::toString);
    assertTrue(one.out().startsWith("Read 1 report from 1 file"), one::toString);
    Cli.Result box = new Cli().stdin(new String(mbox(emls()), StandardCharsets.ISO_8859_1))
        .run("report", "summarize", "--json", "-");
    assertEquals((long) emls().size(), Json.parse(box.out()).get("reports"), box::toString);
  }

  @Test
  void aBrokenMailIsUnreadableWithItsReasonAndTheOthersCount() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.copy(emls().get(0), reports.resolve("a.eml"));
    Files.writeString(reports.resolve("b.eml"), "From: a@b\nContent-Type: multipart/report;"
        + " report-type=tlsrpt; boundary=x\n\n--x\nContent-Type: application/tlsrpt+gzip\n"
        + "Content-Transfer-Encoding: base64\n\nH4sIAAAA\n--x--\n");
    Cli.Result r = Cli.exec("report", "summarize", reports.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("Read 1 report from 2 files: 1 unreadable"), r::toString);
    assertTrue(r.out().contains(reports.resolve("b.eml") + ": invalid-report at part 1: "), r::toString);
  }
}
