package dev.mtasts.cli;

import static dev.mtasts.cli.HostileFiles.TITLE_INJECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.cli.internal.Inputs;
import dev.mtasts.cli.internal.ReportFiles;
import dev.mtasts.cli.internal.TerminalText;
import dev.mtasts.tlsrpt.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 through the command tree in-process: the input limits (item 7), escaping (item 10),
 * messages without Java names (item 12), folder walks (item 13) and a file whose read throws an
 * {@link Error} (item 1). The same cases run through the packaged jar in {@code HostileInputsIT}.
 */
final class HostileInputTest {
  /** What must never reach the user without --debug (issue 13 item 12). */
  static final Pattern JAVA_NAMES = Pattern.compile("\\bjava\\.|\\bjavax\\.|\\w(Exception|Error)\\b|\tat ");

  @TempDir Path dir;

  static void assertSafe(Cli.Result r) {
    assertTrue(r.status() >= 0 && r.status() <= 2, r::toString);
    for (String stream : List.of(r.out(), r.err())) {
      for (int i = 0; i < stream.length(); i++) {
        char c = stream.charAt(i);
        int at = i;
        assertFalse(TerminalText.isUnsafe(c) && c != '\n' && c != '\r' && c != '\t',
            () -> "raw control U+" + Integer.toHexString(c) + " at " + at + " in\n" + r);
      }
      assertFalse(JAVA_NAMES.matcher(stream).find(), r::toString);
    }
  }

  // --- item 7: each input kind refused at its own limit plus one byte

  @Test
  void policyOnAnEndlessStdinIsRefusedAtTheLimitPlusOneWithTheTypedError() {
    HostileFiles.Endless zeros = new HostileFiles.Endless('a');
    Cli.Result r = new Cli().stdin(zeros).run("policy", "check", "-");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().startsWith("<stdin>:1:1: error input-too-large: "), r::toString);
    assertEquals(Inputs.POLICY_MAX_BYTES + 1, zeros.bytesRead(), "bytes read");
    assertSafe(r);
  }

  @Test
  void policyOverTheLimitUnderJsonIsTheJsonObjectWithTheCodeAt1To1() {
    Cli.Result r = new Cli().stdin(new HostileFiles.Endless('\n')).run("policy", "check", "--json", "-");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("valid"));
    Json error = json.objects("errors").get(0);
    assertEquals("input-too-large", error.get("code"));
    assertEquals(1L, error.get("line"));
    assertEquals(1L, error.get("column"));
  }

  @Test
  void aPolicyOfExactlyTheLimitIsNotTooLarge() {
    String head = "version: STSv1\nmode: none\nmax_age: 86400\n";
    String text = head + "#".repeat(0) + "x: " + "y".repeat(Inputs.POLICY_MAX_BYTES - head.length() - 4) + "\n";
    assertEquals(Inputs.POLICY_MAX_BYTES, text.getBytes(StandardCharsets.UTF_8).length);
    Cli.Result r = new Cli().stdin(text).run("policy", "check", "--json", "-");
    assertFalse(r.out().contains("input-too-large"), r::toString);
    Cli.Result over = new Cli().stdin(text + "\n").run("policy", "check", "--json", "-");
    assertTrue(over.out().contains("input-too-large"), over::toString);
  }

  @Test
  void recordOnAnEndlessStdinIsRefusedAtItsOwnLimitWithTooLong() {
    HostileFiles.Endless endless = new HostileFiles.Endless('v');
    Cli.Result r = new Cli().stdin(endless).run("record", "check", "-");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().startsWith("<stdin>:1:1: error input-too-large: "), r::toString);
    assertEquals(Inputs.RECORD_MAX_BYTES + 1, endless.bytesRead());
    assertSafe(r);
    Cli.Result json = new Cli().stdin(new HostileFiles.Endless('v')).run("record", "check", "--json", "-");
    assertEquals("input-too-large", Json.parse(json.out()).objects("errors").get(0).get("code"), json::toString);
  }

  @Test
  void reportOnAnEndlessStdinIsUnreadableAtTheReportLimit() {
    HostileFiles.Endless endless = new HostileFiles.Endless(' ');
    Cli.Result r = new Cli().stdin(endless).run("report", "summarize", "--json", "-");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertTrue(((String) json.objects("unreadableFiles").get(0).get("reason")).startsWith("input-too-large"),
        r::toString);
    long limit = ReadLimits.DEFAULT.maxDocumentBytes();
    assertTrue(endless.bytesRead() <= limit + 1, "read " + endless.bytesRead());
  }

  @Test
  void anOversizedFolderFileIsRefusedWithoutReadingItAll() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("big.example"));
    Files.writeString(folder.resolve("mta-sts.txt"), "version: STSv1\nmode: testing\nmx: mx.big.example\nmax_age: 86400\n");
    Files.write(folder.resolve("mx.txt"), new byte[Inputs.FOLDER_FILE_MAX_BYTES + 1]);
    Cli.Result r = Cli.exec("readiness", folder.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains("mx.txt is larger than 1024 KiB"), r::toString);
  }

  // --- item 10: terminal escape injection

  @Test
  void reportValuesAreEscapedInTextAndExactInJson() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("evil.json"), HostileFiles.report("evil-1", TITLE_INJECTION,
        "certificate-\u009b31m-expired", "mx\u001b[2J.example.com", "192.0.2.\u202e1"));
    Cli.Result text = Cli.exec("report", "summarize", reports.toString());
    assertSafe(text);
    assertTrue(text.out().contains("ex\\u001B]0;pwned\\u0007\\u001B[31m.com"), text::toString);
    assertTrue(text.out().contains("certificate-\\u009B31m-expired"), text::toString);
    // MX hosts are compared in lower case.
    assertTrue(text.out().contains("mx\\u001B[2j.example.com (2)"), text::toString);
    Cli.Result json = Cli.exec("report", "summarize", "--json", reports.toString());
    assertSafe(json);
    assertEquals(TITLE_INJECTION, Json.parse(json.out()).objects("domains").get(0).get("policyDomain"));
  }

  @Test
  void aBadDateQuotedInAnUnreadableReasonIsEscaped() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("date.json"), HostileFiles.cleanReport("d-1", "example.com")
        .replace("\"2026-11-01T00:00:00Z\"", HostileFiles.json("2026-11-01\u001b]0;pwned\u0007")));
    Cli.Result r = Cli.exec("report", "summarize", reports.toString());
    assertEquals(1, r.status(), r::toString);
    assertSafe(r);
    assertTrue(r.out().contains("\\u001B]0;pwned\\u0007"), r::toString);
  }

  @Test
  void aFileNameWithControlsIsEscaped() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("a\u001b[31m\nb.json"), "{");
    Cli.Result r = Cli.exec("report", "summarize", reports.toString());
    assertSafe(r);
    assertTrue(r.out().contains("a\\u001B[31m\\u000Ab.json: "), r::toString);
  }

  @Test
  void theCaretLineOfRecordCheckShowsADigEscapedEscVisiblyAndStaysUnderTheColumn() {
    Cli.Result r = Cli.exec("record", "check", "\"v=STSv1; id=\\027]0;pwned\\007;\"");
    assertEquals(1, r.status(), r::toString);
    assertSafe(r);
    String[] lines = r.err().split("\n");
    assertEquals("  v=STSv1; id=\\u001B]0;pwned\\u0007;", lines[1], r::toString);
    // INVALID_ID points at the id's first character, ESC: the caret stands under its escape.
    assertEquals(lines[1].indexOf("\\u001B"), lines[2].indexOf('^'), r::toString);
  }

  @Test
  void policyCheckShowsC1ControlsInTheCanonicalTextEscapedAndSaysSo() {
    String policy = "version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\nnote: a\u009b31mb\u202ec\n";
    Cli.Result r = new Cli().stdin(policy).run("policy", "check", "-");
    assertEquals(0, r.status(), r::toString);
    assertSafe(r);
    assertTrue(r.out().contains("note: a\\u009B31mb\\u202Ec\r\n"), r::toString);
    assertTrue(r.err().contains("<stdin>: note: the canonical text holds 2 control characters"), r::toString);
    Cli.Result json = new Cli().stdin(policy).run("policy", "check", "--json", "-");
    assertTrue(((String) Json.parse(json.out()).get("text")).contains("note: a\u009b31mb\u202ec\r\n"), json::toString);
  }

  @Test
  void dnsTxtTextIsEscaped() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()
        .txt("_mta-sts.evil.example", "v=STSv1; id=1;", "\u001b]0;pwned\u0007")
        .txt("_smtp._tls.evil.example", "v=TLSRPTv1; rua=mailto:\u001b[31m@evil.example")
        .mx("evil.example", 10, "mx.evil.example")) {
      Cli.Result r = Cli.exec("dns", "evil.example", "--resolver", dns.address());
      assertSafe(r);
      assertTrue(r.out().contains("\\u001B"), r::toString);
    }
  }

  // --- item 12: no Java class names

  @Test
  void aDnsServerThatDoesNotListenIsDescribedInWords() throws Exception {
    int port;
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Cli.Result r = Cli.exec("dns", "closed.example", "--resolver", "127.0.0.1:" + port, "--timeout", "1",
        "--retries", "0");
    assertTrue(r.status() == 1, r::toString);
    assertFalse(JAVA_NAMES.matcher(r.out() + r.err()).find(), r::toString);
  }

  @Test
  void aBadDateOptionIsAUsageErrorInWords() {
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-13-01", dir.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: Invalid value for option '--as-of': '2026-13-01' is not a UTC day"
        + " in the form yyyy-MM-dd"), r::toString);
    assertSafe(r);
  }

  /** The CLI-level guarantee: whatever goes wrong, no Java class name and no exception text. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
    "readiness --as-of x DIR", "report summarize --since 2026-02-30 DIR", "report summarize --until x DIR",
    "plan enforce --as-of 20261101 DIR", "readiness --window abc DIR", "dns --timeout x a.example",
    "policy check DIR", "policy check DIR/missing.txt", "policy check /dev/null", "record check -",
    "report summarize DIR/missing", "report summarize /dev/null", "readiness DIR", "plan delete DIR",
    "readiness /dev/null", "report summarize --json DIR/bad.json.gz DIR/cut.json.gz DIR/empty.json",
    "dns \u001b.example", "policy check --mx-hosts \u001b[31m,x -",
  })
  void noMessageNamesAJavaClass(String line) throws IOException {
    Files.write(dir.resolve("bad.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
    Files.write(dir.resolve("cut.json.gz"), java.util.Arrays.copyOf(
        HostileFiles.gzip(HostileFiles.cleanReport("c", "example.com").getBytes(StandardCharsets.UTF_8)), 30));
    Files.write(dir.resolve("empty.json"), new byte[0]);
    String[] args = line.replace("DIR", dir.toString()).replace("\\u001b", "\u001b").split(" ");
    Cli.Result r = new Cli().stdin("version: STSv1\nmode: none\nmax_age: 1\n").run(args);
    assertSafe(r);
  }

  // --- item 13: folder walks

  @Test
  void anEmptyPathIsAUsageError() {
    Cli.Result r = Cli.exec("report", "summarize", "");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: a PATH is empty"), r::toString);
    assertEquals(2, Cli.exec("policy", "check", "").status());
  }

  @Test
  void filesThatAreNotReportsAreListedAsSkipped() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("good.json"), HostileFiles.cleanReport("g-1", "example.com"));
    Files.writeString(reports.resolve("report.eml"), "From: a@b\n\n");
    Files.writeString(reports.resolve("notes.txt"), "hello");
    Cli.Result text = Cli.exec("report", "summarize", reports.toString());
    assertEquals(0, text.status(), text::toString);
    assertTrue(text.out().contains("Skipped (2):"), text::toString);
    // A mail is read (issue 16); one without a report is listed as skipped, with why.
    assertTrue(text.out().contains("an email message without a TLS-RPT report: no TLS-RPT report part"),
        text::toString);
    assertTrue(text.out().contains(reports.resolve("report.eml").toString()), text::toString);
    assertTrue(text.out().contains(ReportFiles.NOT_A_REPORT + ": " + reports.resolve("notes.txt")),
        text::toString);
    Json json = Json.parse(Cli.exec("report", "summarize", "--json", reports.toString()).out());
    assertEquals(2L, json.get("skipped"));
    assertEquals(reports.resolve("notes.txt").toString(), json.objects("skippedFiles").get(0).get("file"));
  }

  @Test
  void symlinksAreFollowedOnceLoopsAndDanglingLinksAreSkipped() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Path real = Files.writeString(dir.resolve("elsewhere.json"), HostileFiles.cleanReport("l-1", "example.com"));
    Files.createSymbolicLink(reports.resolve("link.json"), real);
    Files.createSymbolicLink(reports.resolve("link2.json"), real);
    Files.createSymbolicLink(reports.resolve("dangling.json"), dir.resolve("gone.json"));
    Files.createSymbolicLink(reports.resolve("loop"), reports);
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString());
    Json json = Json.parse(r.out());
    assertEquals(1L, json.get("reports"), r::toString);
    assertEquals(0L, json.get("duplicates"), r::toString);
    List<Json> skipped = json.objects("skippedFiles");
    assertEquals(3, skipped.size(), r::toString);
    assertTrue(((String) skipped.get(0).get("reason")).startsWith("a symbolic link to "), r::toString);
    assertTrue(((String) skipped.get(1).get("reason")).startsWith("the same file as "), r::toString);
    assertTrue(((String) skipped.get(2).get("reason")).contains("loop of symbolic links"), r::toString);
  }

  @Test
  void aFileReachedDirectlyAndThroughALinkIsReadOnceByItsDirectPath() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Path real = Files.writeString(reports.resolve("b-real.json"), HostileFiles.cleanReport("d-1", "example.com"));
    // Sorted before the direct path: the walk meets the link first, and still keeps the direct one.
    Files.createSymbolicLink(reports.resolve("a-link.json"), real);
    Files.writeString(reports.resolve("c-other.json"), HostileFiles.cleanReport("d-2", "example.com"));
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString());
    Json json = Json.parse(r.out());
    assertEquals(2L, json.get("reports"), r::toString);
    List<Json> skipped = json.objects("skippedFiles");
    assertEquals(1, skipped.size(), r::toString);
    assertEquals(reports.resolve("a-link.json").toString(), skipped.get(0).get("file"), r::toString);
    assertEquals("the same file as " + real + " (reached through a link): read once",
        skipped.get(0).get("reason"), r::toString);
  }

  @Test
  void hardLinksAreTwoPathsOfOneFileAndBothAreRead() throws IOException {
    // Hard links share the file key that tells the walk which files may be one file, but each is
    // a real path of its own: both are read (the second is a duplicate report), neither skipped.
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Path first = Files.writeString(reports.resolve("one.json"), HostileFiles.cleanReport("h-1", "example.com"));
    try {
      Files.createLink(reports.resolve("two.json"), first);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no hard links here: " + e);
    }
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString());
    Json json = Json.parse(r.out());
    assertEquals(2L, json.get("reports"), r::toString);
    assertEquals(1L, json.get("duplicates"), r::toString);
    assertEquals(0, json.objects("skippedFiles").size(), r::toString);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoNamedLikeAReportIsSkippedWithoutBlocking() throws Exception {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("good.json"), HostileFiles.cleanReport("f-1", "example.com"));
    Path fifo = reports.resolve("pipe.json");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString());
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(1L, json.get("reports"));
    assertTrue(((String) json.objects("skippedFiles").get(0).get("reason")).startsWith("not a regular file"),
        r::toString);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aDomainFolderFileThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("fifo.example"));
    Files.writeString(folder.resolve("mta-sts.txt"), "version: STSv1\nmode: testing\nmx: mx.fifo.example\nmax_age: 86400\n");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", folder.resolve("mx.txt").toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    Cli.Result r = Cli.exec("readiness", folder.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("mx.txt: not a regular file (a FIFO, socket or device)"), r::toString);
  }

  @Test
  void anUnreadablePathNamesTheCauseOnce() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.createDirectory(reports.resolve("sub.json"));
    Path gone = reports.resolve("gone.json");
    Cli.Result r = Cli.exec("report", "summarize", "--json", reports.toString(), gone.toString());
    // A missing argument is a usage error; a folder named like a report is just walked.
    assertEquals(2, r.status(), r::toString);
    assertEquals("mtasts: cannot open " + gone + ": no such file or folder\n", r.err());
  }

  @Test
  void aReadinessFolderListsSkippedReportFilesAsNotes() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("example.com"));
    Files.writeString(folder.resolve("mta-sts.txt"), "version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\n");
    Path reports = Files.createDirectory(folder.resolve("reports"));
    Files.writeString(reports.resolve("good.json"), HostileFiles.cleanReport("r-1", "example.com"));
    Files.writeString(reports.resolve("mail.eml"), "From: a@b\n\n");
    Cli.Result r = Cli.exec("readiness", "--json", folder.toString());
    assertTrue(r.out().contains("skipped " + reports.resolve("mail.eml") + ": an email message"), r::toString);
  }

  // --- item 1: an Error from one file's read

  @Test
  void aReportThatOverflowsTheStackIsUnreadableAndTheOthersCount() throws IOException {
    Path reports = Files.createDirectory(dir.resolve("reports"));
    Files.writeString(reports.resolve("a-good.json"), HostileFiles.cleanReport("s-1", "example.com"));
    Files.write(reports.resolve("m.json.gz"), HostileFiles.multiMemberGzip(7000));
    for (String command : List.of("text", "--json")) {
      Cli.Result r = command.equals("text")
          ? Cli.exec("report", "summarize", reports.toString())
          : Cli.exec("report", "summarize", "--json", reports.toString());
      assertSafe(r);
      assertTrue(r.status() <= 1, r::toString);
      if (command.equals("--json")) {
        Json json = Json.parse(r.out());
        assertEquals(1, json.objects("domains").size(), r::toString);
        assertTrue((Long) json.get("reports") >= 1L, r::toString);
      } else {
        assertTrue(r.out().contains("example.com"), r::toString);
      }
    }
  }
}
