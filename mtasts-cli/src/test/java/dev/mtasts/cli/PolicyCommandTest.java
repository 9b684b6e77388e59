package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PolicyCommandTest {
  private static final String CANONICAL_TESTING =
      "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void validPolicyPrintsCanonicalTextOnStdoutAndVerdictOnStderr() throws IOException {
    Path file = write("p.txt", "mode: testing\nversion: STSv1\nmax_age: 604800\nmx: MX1.example.com\nmx: *.example.net\n");
    Cli.Result r = Cli.exec("policy", "check", file.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals(CANONICAL_TESTING, r.out());
    assertTrue(r.err().endsWith(file + ": valid (mode testing, 2 mx patterns, max_age 604800 = 7 days)\n"), r::toString);
  }

  @Test
  void lfOptionWritesLfLineEnds() {
    Cli.Result r = new Cli().stdin(CANONICAL_TESTING).run("policy", "check", "--lf", "-");
    assertEquals(0, r.status(), r::toString);
    assertEquals(CANONICAL_TESTING.replace("\r\n", "\n"), r.out());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "version: STSv1\\nmode: enforced\\nmx: a.example\\nmax_age: 1\\n | 2:7: error invalid-mode",
        "version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 31557601\\n | 4:10: error max-age-out-of-range",
        "version: STSv1\\nmode: enforce\\nmax_age: 86400\\n | error missing-mx",
        "'' | error empty-policy",
      })
  void invalidPolicyPrintsFileLineColumnCodeAndExitsWithOne(String text, String expected) {
    Cli.Result r = new Cli().stdin(text.replace("\\n", "\n")).run("policy", "check", "-");
    assertEquals(1, r.status(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertTrue(r.err().startsWith("<stdin>:"), r::toString);
    assertTrue(r.err().contains(expected + ": "), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void errorLineCarriesTheFileNameAsGiven() throws IOException {
    Path file = write("bad.txt", "version: STSv1\nmode: enforce\nmx: mx.example.com.\nmax_age: 86400\n");
    Cli.Result r = Cli.exec("policy", "check", file.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().startsWith(file + ":3:"), r::toString);
    assertTrue(r.err().contains(": error mx-trailing-dot: "), r::toString);
  }

  @Test
  void lenientAcceptsBlankLinesWithAWarning() {
    String text = "version: STSv1\n\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n";
    assertEquals(1, new Cli().stdin(text).run("policy", "check", "-").status());
    Cli.Result r = new Cli().stdin(text).run("policy", "check", "--lenient", "-");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.err().contains("<stdin>:2:1: warning blank-line: "), r::toString);
  }

  @Test
  void jsonListsLenientWarningsAndLintFindings() {
    String text = "\uFEFFversion: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 3600\n";
    Cli.Result r = new Cli().stdin(text).run("policy", "check", "--lenient", "--json", "-");
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals("byte-order-mark", json.objects("warnings").get(0).get("code"));
    assertEquals(1L, json.objects("warnings").get(0).get("line"));
    assertEquals("max-age-under-one-day", json.objects("findings").get(0).get("code"));
  }

  @Test
  void lintFindingsUseTheActualMxHosts() {
    Cli.Result r = new Cli().stdin(CANONICAL_TESTING)
        .run("policy", "check", "--mx-hosts", "mx1.example.com,mx9.example.org", "-");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.err().contains("<stdin>: warning mx-host-not-covered: "), r::toString);
    assertTrue(r.err().contains("mx9.example.org"), r::toString);
    assertTrue(r.err().contains("mx-pattern-unused"), r::toString);
  }

  @Test
  void jsonOfAValidPolicyHasTextAndNoErrors() {
    Cli.Result r = new Cli().stdin(CANONICAL_TESTING).run("policy", "check", "--json", "-");
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(true, json.get("valid"));
    assertEquals(0, json.list("errors").size());
    assertEquals(CANONICAL_TESTING, json.get("text"));
    assertEquals("testing", json.object("policy").get("mode"));
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void jsonOfAnInvalidPolicyListsTheErrorWithPosition() {
    Cli.Result r = new Cli().stdin("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1e3\n")
        .run("policy", "check", "--json", "-");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("valid"));
    Json error = json.objects("errors").get(0);
    assertEquals(4L, error.get("line"));
    assertEquals("invalid-max-age", error.get("code"));
    assertTrue(((String) error.get("message")).contains("1e3"), r::toString);
    assertEquals(null, json.get("text"));
  }

  @Test
  void missingFileIsExitTwoWithoutStackTrace() {
    Cli.Result r = Cli.exec("policy", "check", dir.resolve("nope.txt").toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals("mtasts: cannot open " + dir.resolve("nope.txt") + ": no such file\n", r.err());
  }

  @Test
  void directoryIsExitTwo() {
    Cli.Result r = Cli.exec("policy", "check", dir.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("it is a directory"), r::toString);
  }

  @Test
  void debugAddsTheStackTraceWhereverItIsGiven() {
    Cli.Result before = Cli.exec("--debug", "policy", "check", dir.resolve("nope.txt").toString());
    assertEquals(2, before.status(), before::toString);
    assertTrue(before.err().contains("\tat "), before::toString);
    Cli.Result after = Cli.exec("policy", "check", dir.resolve("nope.txt").toString(), "--debug");
    assertEquals(2, after.status(), after::toString);
    assertTrue(after.err().contains("\tat "), after::toString);
  }

  @Test
  void newPrintsACanonicalPolicy() {
    Cli.Result r = Cli.exec("policy", "new", "--mode", "testing", "--mx", "mx1.example.com,*.example.net");
    assertEquals(0, r.status(), r::toString);
    assertEquals(CANONICAL_TESTING, r.out());
  }

  @Test
  void newWithModeNoneDefaultsToOneDayAndNoMx() {
    Cli.Result r = Cli.exec("policy", "new", "--mode", "none", "--lf");
    assertEquals(0, r.status(), r::toString);
    assertEquals("version: STSv1\nmode: none\nmax_age: 86400\n", r.out());
  }

  @Test
  void newReportsLintFindingsOnStderr() {
    Cli.Result r = Cli.exec("policy", "new", "--mode", "enforce", "--mx", "a.example.com", "--max-age", "3600");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.err().contains("max-age-under-one-day"), r::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--mode enforced --mx a.example | --mode \"enforced\" is not one of testing, enforce, none",
        "--mode enforce                 | mode enforce needs at least one --mx pattern",
        "--mode testing --mx a..example | --mx \"a..example\": ",
        "--mode testing --mx a.example --max-age 31557601 | --max-age 31557601 is outside 0..31557600",
        "--mode testing --mx a.example --max-age soon | Invalid value for option '--max-age'",
      })
  void newRejectsBadValuesAsUsageErrors(String args, String message) {
    String[] argv = ("policy new " + args).split("\\s+");
    Cli.Result r = Cli.exec(argv);
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("mtasts: " + message), r::toString);
  }
}
