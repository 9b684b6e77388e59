package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class ReportFileNameTest {

  @Test
  void parsesTheRfcExample() {
    ReportFileName n = ReportFileName.parse("mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz");
    assertEquals("mail.sndr.example.com", n.sender());
    assertEquals("example.net", n.policyDomain());
    assertEquals(Instant.ofEpochSecond(1470013207), n.begin());
    assertEquals(Instant.ofEpochSecond(1470186007), n.end());
    assertEquals("001", n.uniqueId());
    assertTrue(n.gzip());
    assertEquals("mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz", n.fileName());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "google.com!example.com!1778457600!1778543999!001.json.gz",
        "microsoft.com!example.com!1778630400!1778716799!134232617934286362.json.gz",
        "sender.example!d.example!0!86399.json",
      })
  void roundTrips(String name) {
    assertEquals(name, ReportFileName.parse(name).toString());
  }

  @Test
  void extensionIsMatchedIgnoringCaseAndEmittedLowerCase() {
    ReportFileName n = ReportFileName.parse("a.example!b.example!1!2.JSON");
    assertNull(n.uniqueId());
    assertEquals("a.example!b.example!1!2.json", n.fileName());
  }

  @Test
  void buildsFromADateRange() {
    ReportFileName n =
        ReportFileName.of("google.com", "example.com", DateRange.ofUtcDay(LocalDate.parse("2026-05-11")), "001", true);
    assertEquals("google.com!example.com!1778457600!1778543999!001.json.gz", n.fileName());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock = """
          a.example!b.example!1!2.xml          | .json or .json.gz
          a.example!b.example!1.json           | found 3
          a.example!b.example!1!2!3!4.json     | found 6
          a.example!b.example!x!2.json         | decimal Unix seconds
          a.example!b.example!!2.json          | 1 to 18 digits
          a.example!b.example!1!2!0-1.json     | letters and digits
          a.example!!1!2.json                  | 1 to 253 characters
          bücher.example!b.example!1!2.json    | A-labels
          """)
  void rejectsMalformedNames(String name, String why) {
    ReportParseException e = assertThrows(ReportParseException.class, () -> ReportFileName.parse(name));
    assertEquals(ReportErrorCode.INVALID_FILE_NAME, e.code());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
