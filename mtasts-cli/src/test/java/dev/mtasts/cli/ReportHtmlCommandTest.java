package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtasts report html} and {@code mtasts readiness DIR --html FILE}. */
final class ReportHtmlCommandTest {
  @TempDir static Path examples;

  @TempDir Path dir;

  @BeforeAll
  static void generateExamples() throws IOException {
    ExampleGenerator.generate(examples);
  }

  private static String folder(String domain) {
    return examples.resolve(domain).toString();
  }

  private static String reports(String domain) {
    return examples.resolve(domain).resolve("reports").toString();
  }

  private static String attr(String html, String figure, String name) {
    Matcher m = Pattern.compile("<figure id=\"" + figure + "\"[^>]* " + name + "=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), "figure " + figure + " with " + name);
    return m.group(1);
  }

  @Test
  void writesOnePageOfAFolderAndSaysWhereItIs() throws IOException {
    Path out = dir.resolve("example.net.html");
    Cli.Result r = Cli.exec("report", "html", "--out", out.toString(), reports("example.net"));
    assertEquals(1, r.status(), "one report is unreadable: " + r);
    assertTrue(r.out().startsWith("Wrote " + out + " ("), r::toString);
    assertTrue(r.out().contains("KiB): 38 reports, 1 unreadable."), r::toString);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"));
    assertTrue(html.contains("data-domain=\"example.net\""));
    assertEquals("14", attr(html, "d0-sessions", "data-days"));
    assertEquals("1", attr(html, "d0-sessions", "data-gaps"));
    assertTrue(html.contains("<section id=\"unreadable\">"));
    assertTrue(html.contains("Google LLC"), "the reporting organizations are counted");
    assertTrue(html.contains("by mtasts "), "the generator is named");
    assertTrue(html.contains("Tue 24 Nov 2026, 12:00 UTC"), "made at the command's clock");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left beside the page");
    }
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out),
          "the page gets the permissions of any new file, not owner-only ones");
    }
  }

  @Test
  void writesToStandardOutputByDefault() {
    Cli.Result r = Cli.exec("report", "html", reports("example.com"));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("<!DOCTYPE html>"), r::toString);
    assertTrue(r.out().endsWith("</html>\n"));
    assertEquals("", r.err());
  }

  @Test
  void sinceAndUntilAreTheChartAxis() {
    Cli.Result r = Cli.exec("report", "html", "--since", "2026-10-20", "--until", "2026-11-05",
        reports("example.com"));
    assertEquals(0, r.status(), r::toString);
    // 20 Oct to 5 Nov: 17 days; the reports end on 1 Nov, so 4 days are gaps.
    assertEquals("17", attr(r.out(), "d0-sessions", "data-days"));
    assertEquals("4", attr(r.out(), "d0-sessions", "data-gaps"));
  }

  @Test
  void anUnknownDomainIsANegativeResultWithAPageThatSaysSo() {
    Cli.Result r = Cli.exec("report", "html", "--domain", "example.org", reports("example.com"));
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("No policy domain in the reports."), r::toString);
  }

  @Test
  void aFileThatCannotBeWrittenIsAUsageError() {
    Cli.Result r = Cli.exec("report", "html", "--out", dir.resolve("no/such/dir/x.html").toString(),
        reports("example.com"));
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("cannot write "), r::toString);
  }

  @Test
  void readinessWritesTheVerdictAboveTheChartsOfItsWindow() throws IOException {
    Path out = dir.resolve("readiness.html");
    Cli.Result r = Cli.exec("readiness", "--as-of", "2026-11-01", "--html", out.toString(), folder("example.net"));
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("example.net: NOT READY to enforce"), "the text verdict is unchanged: " + r);
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(html.contains("<title>MTA-STS readiness: example.net</title>"));
    assertTrue(html.contains("data-verdict=\"NOT_READY\""), "the verdict");
    // A day without reports is a warning since issue 12 (10 of 14 days with sessions suffice).
    assertTrue(html.contains("<code>report-days-missing</code>"), "the warnings");
    assertTrue(html.contains("<code>our-side-failures</code>"), "the blocking reasons");
    assertEquals("14", attr(html, "d0-sessions", "data-days"), "the readiness window");
    assertFalse(html.contains("data-domain=\"example.com\""));
  }

  @Test
  void readinessRefusesStandardOutputForThePage() {
    Cli.Result r = Cli.exec("readiness", "--html", "-", folder("example.com"));
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("--html needs a file name"), r::toString);
  }
}
