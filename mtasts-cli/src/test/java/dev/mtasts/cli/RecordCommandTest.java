package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class RecordCommandTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=STSv1; id=20240101T1;                    | v=STSv1; id=20240101T1;                  | valid _mta-sts record (id 20240101T1)",
        "v=STSv1;id=abc                             | v=STSv1; id=abc;                         | valid _mta-sts record (id abc)",
        "v=TLSRPTv1;rua=mailto:tls@example.com      | v=TLSRPTv1; rua=mailto:tls@example.com   | valid _smtp._tls record (1 report URI: mailto:tls@example.com)",
        "\"v=STSv1; \" \"id=42;\"                   | v=STSv1; id=42;                          | valid _mta-sts record (id 42)",
      })
  void validRecordsPrintTheCanonicalValue(String text, String canonical, String summary) {
    Cli.Result r = Cli.exec("record", "check", text);
    assertEquals(0, r.status(), r::toString);
    assertEquals(canonical + "\n", r.out());
    assertEquals("record: " + summary + "\n", r.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v=STSv1; id=2024-01-01;          | record:1:17: error invalid-id: ",
        "v=STSv1;                         | error missing-id: ",
        "v=TLSRPTv1; rua=                 | error invalid-rua: ",
        "v=STSv2; id=1                    | record:1:3: error wrong-version: ",
        "hello                            | record:1:1: error missing-version: ",
      })
  void invalidRecordsShowCodeColumnAndACaret(String text, String expected) {
    Cli.Result r = Cli.exec("record", "check", text);
    assertEquals(1, r.status(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().contains(expected), r::toString);
    assertTrue(r.err().lines().anyMatch(l -> l.trim().equals("^")), r::toString);
  }

  @Test
  void lenientAcceptsAHyphenatedIdWithAWarning() {
    Cli.Result r = Cli.exec("record", "check", "--lenient", "v=STSv1; id=2024-01-01;");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.err().contains("record:1:13: warning invalid-id: "), r::toString);
  }

  @Test
  void readsTheRecordFromStdinWithoutItsLineEnd() {
    Cli.Result r = new Cli().stdin("v=TLSRPTv1; rua=https://tlsrpt.example.com/v1\n").run("record", "check", "-");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.err().startsWith("<stdin>: valid _smtp._tls record"), r::toString);
  }

  @Test
  void jsonOfAValidRecord() {
    Cli.Result r = Cli.exec("record", "check", "--json", "v=STSv1; id=1");
    assertEquals(0, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(true, json.get("valid"));
    assertEquals("sts", json.get("type"));
    assertEquals("v=STSv1; id=1;", json.get("text"));
    assertEquals(0, json.list("errors").size());
  }

  @Test
  void jsonOfAnInvalidRecord() {
    Cli.Result r = Cli.exec("record", "check", "--json", "v=TLSRPTv1; rua=ftp");
    assertEquals(1, r.status(), r::toString);
    Json json = Json.parse(r.out());
    assertEquals(false, json.get("valid"));
    assertEquals("tlsrpt", json.get("type"));
    Json error = json.objects("errors").get(0);
    assertEquals(1L, error.get("line"));
    assertEquals("invalid-rua", error.get("code"));
    assertEquals(null, json.get("text"));
  }

  @Test
  void newIdIsATimestampAfterTheCurrentOne() {
    assertEquals("20261124120000\n", Cli.exec("record", "new-id").out());
    Cli.Result r = Cli.exec("record", "new-id", "--current", "20261124120000");
    assertEquals(0, r.status(), r::toString);
    assertEquals("20261124120000001\n", r.out());
  }

  @Test
  void newIdRandomDiffersFromTheCurrentOne() {
    Cli.Result r = Cli.exec("record", "new-id", "--random", "--current", "abc");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().trim().matches("[A-Za-z0-9]{20}"), r::toString);
    assertNotEquals("abc", r.out().trim());
  }

  @Test
  void newIdRejectsAMalformedCurrentIdAsUsageError() {
    Cli.Result r = Cli.exec("record", "new-id", "--current", "a b");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("mtasts: --current \"a b\": "), r::toString);
  }
}
