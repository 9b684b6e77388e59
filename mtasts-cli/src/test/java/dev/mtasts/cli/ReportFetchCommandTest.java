package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtasts report fetch} against GreenMail over IMAPS: the README's two commands, fetch then
 * readiness, give the verdict the report files give; and the exit statuses of its failures.
 */
final class ReportFetchCommandTest {
  @TempDir static Path shared;
  static TestImapServer server;
  static Path examples;
  static List<byte[]> netMails;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = TestImapServer.start();
    examples = Files.createDirectory(shared.resolve("examples"));
    ExampleGenerator.generate(examples);
    for (String domain : List.of("example.com", "example.net")) {
      Path maildir = MailboxReadinessTest.maildirOf(examples.resolve(domain).resolve("reports"),
          shared.resolve("Maildir-" + domain));
      List<byte[]> mails = new ArrayList<>();
      for (String sub : List.of("cur", "new")) {
        try (Stream<Path> s = Files.list(maildir.resolve(sub))) {
          for (Path f : s.sorted().toList()) {
            mails.add(Files.readAllBytes(f));
          }
        }
      }
      server.load(domain, mails);
      netMails = mails;
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  Path passwordFile() throws IOException {
    return Files.writeString(dir.resolve("pw"), TestImapServer.PASSWORD + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void fetchThenReadinessGivesTheVerdictOfTheReportFiles() throws IOException {
    List<String> verdicts = new ArrayList<>();
    for (String domain : List.of("example.com", "example.net")) {
      Path original = examples.resolve(domain);
      Path folder = Files.createDirectories(dir.resolve("owner").resolve(domain));
      for (String f : List.of("mta-sts.txt", "_mta-sts.txt", "_smtp._tls.txt", "mx.txt")) {
        Files.copy(original.resolve(f), folder.resolve(f));
      }
      Cli.Result fetch = Cli.exec("report", "fetch", "--imap", server.uri(domain),
          "--out", folder.resolve("reports").toString(), "--password-file",
          passwordFile().toString(), "--trust", server.caPem.toString());
      assertTrue(fetch.status() == 0 || fetch.status() == 1, fetch::toString);
      assertTrue(fetch.out().contains(" saved in "), fetch::toString);
      // As of the examples' last report day, where example.com is ready and example.net is not.
      Cli.Result fromFiles = Cli.exec("readiness", "--json", "--as-of", "2026-11-01",
          original.toString());
      Cli.Result fromMailbox = Cli.exec("readiness", "--json", "--as-of", "2026-11-01",
          folder.toString());
      assertEquals(fromFiles.status(), fromMailbox.status(), fromMailbox::toString);
      assertEquals(Json.parse(fromFiles.out()).get("verdict"),
          Json.parse(fromMailbox.out()).get("verdict"), fromMailbox::toString);
      verdicts.add(String.valueOf(Json.parse(fromMailbox.out()).get("verdict")));
    }
    assertEquals(2, new java.util.HashSet<>(verdicts).size(), "one ready, one not: " + verdicts);
  }

  @Test
  void aSecondRunWritesNothingNew() throws IOException {
    Path out = dir.resolve("reports");
    String[] args = {"report", "fetch", "--imap", server.uri("example.com"), "--out",
        out.toString(), "--trust", server.caPem.toString()};
    Map<String, String> env = Map.of("MTASTS_IMAP_PASSWORD", TestImapServer.PASSWORD);
    Cli.Result first = new Cli().env(env).run(args);
    assertEquals(0, first.status(), first::toString);
    long saved;
    try (Stream<Path> s = Files.list(out)) {
      saved = s.count();
    }
    assertTrue(saved > 10, first::toString);
    assertEquals(saved, first.out().lines().filter(l -> l.startsWith("saved ")).count());
    Cli.Result second = new Cli().env(env).run(args);
    assertEquals(0, second.status(), second::toString);
    assertTrue(second.out().contains("0 reports saved in " + out + ", " + saved
        + " already there"), second::toString);
    assertFalse(second.out().contains("\nsaved "), second::toString);
  }

  @Test
  void aWrongPasswordIsAClearErrorWithExitStatus2() throws IOException {
    Path pw = Files.writeString(dir.resolve("wrong"), "not-it\n", StandardCharsets.UTF_8);
    Cli.Result r = Cli.exec("report", "fetch", "--imap", server.uri("example.com"), "--out",
        dir.resolve("r").toString(), "--password-file", pw.toString(), "--trust",
        server.caPem.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("refused the user name or password"), r::toString);
    assertTrue(r.err().contains("--password-file or MTASTS_IMAP_PASSWORD"), r::toString);
    assertFalse(r.err().contains("not-it"), r::toString);
    assertFalse(Files.exists(dir.resolve("r")));
  }

  @Test
  void anUntrustedCertificateIsAClearErrorUnlessTrusted() throws IOException {
    Cli.Result r = Cli.exec("report", "fetch", "--imap", server.uri("example.com"), "--out",
        dir.resolve("r").toString(), "--password-file", passwordFile().toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("certificate is not trusted"), r::toString);
    assertTrue(r.err().contains("--trust"), r::toString);
  }

  @Test
  void thePasswordIsNeverTakenFromTheCommandLine() throws IOException {
    Cli.Result inUri = Cli.exec("report", "fetch", "--imap",
        "imaps://" + TestImapServer.USER + ":" + TestImapServer.PASSWORD + "@127.0.0.1:"
            + server.port + "/example.com", "--out", dir.resolve("r").toString());
    assertEquals(2, inUri.status(), inUri::toString);
    assertTrue(inUri.err().contains("holds a password"), inUri::toString);
    assertFalse(inUri.err().contains(TestImapServer.PASSWORD), inUri::toString);
    Cli.Result none = Cli.exec("report", "fetch", "--imap", server.uri("example.com"), "--out",
        dir.resolve("r").toString());
    assertEquals(2, none.status(), none::toString);
    assertTrue(none.err().contains("MTASTS_IMAP_PASSWORD is not set"), none::toString);
    Cli.Result option = Cli.exec("report", "fetch", "--imap", server.uri("example.com"),
        "--out", dir.resolve("r").toString(), "--password", TestImapServer.PASSWORD);
    assertEquals(2, option.status(), option::toString);
  }

  @Test
  void theProgressLineIsDrawnOnlyOnATerminalAndMailboxNamesAreEscaped() throws Exception {
    server.load("progress", netMails);
    server.load("quiet", netMails);
    Cli.Result onTerminal = new Cli().terminal(true).run("report", "fetch", "--imap",
        server.uri("progress"), "--out", dir.resolve("a").toString(), "--password-file",
        passwordFile().toString(), "--trust", server.caPem.toString(), "--move-to",
        "done\u001b[31m");
    assertEquals(1, onTerminal.status(), "example.net holds a truncated report: " + onTerminal);
    assertTrue(onTerminal.err().contains("\rfetching mails ["), onTerminal::toString);
    assertFalse(onTerminal.out().contains("\u001b"), onTerminal::toString);
    assertTrue(onTerminal.out().contains("moved to done\\u001B[31m"), onTerminal::toString);
    Cli.Result piped = Cli.exec("report", "fetch", "--imap", server.uri("quiet"),
        "--out", dir.resolve("b").toString(), "--password-file", passwordFile().toString(),
        "--trust", server.caPem.toString());
    assertFalse(piped.err().contains("fetching mails"), piped::toString);
    assertTrue(piped.err().contains(" UID "), "the broken mail is named: " + piped);
  }
}
