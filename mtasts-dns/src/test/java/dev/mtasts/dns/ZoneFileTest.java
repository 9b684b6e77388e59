package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

final class ZoneFileTest {
  @Test
  void rendersTheStsRecord() {
    assertEquals("_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20160831085700Z;\"",
        ZoneFile.render("example.com", StsRecord.of(PolicyId.of("20160831085700Z")), Duration.ofHours(1)));
  }

  @Test
  void rendersTheTlsRptRecordWithALabels() {
    assertEquals("_smtp._tls.xn--bcher-kva.example. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"",
        ZoneFile.render("Bücher.example.", TlsRptRecord.of(List.of(URI.create("mailto:tlsrpt@example.com"))),
            Duration.ofMinutes(5)));
  }

  @Test
  void refusesToRenderARecordWhoseIdStrictParsersReject() {
    // Regression: a leniently read id was rendered as is, and the published record was then
    // ignored by every sender (StsRecord.parse refuses it with INVALID_ID).
    StsRecord lenient = StsRecord.parseLenient("v=STSv1; id=abc-123").value();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ZoneFile.render("example.com", lenient, Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("\"abc-123\"") && e.getMessage().contains("RFC 8461 §3.1"), e::getMessage);
    assertThrows(IllegalArgumentException.class, () -> ZoneFile.render("example.com",
        new StsRecord(new PolicyId("a_b"), List.of()), Duration.ofHours(1)));
  }

  @Test
  void refusesADomainThatIdna2003WouldMapToAnotherName() {
    // Regression: straße.de was rendered as _mta-sts.strasse.de, another domain than IDNA2008's
    // xn--strae-oqa.de.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ZoneFile.render("straße.de", StsRecord.of(PolicyId.of("a")), Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("U+00DF") && e.getMessage().contains("IDNA2003")
        && e.getMessage().contains("xn--"), e::getMessage);
    assertEquals("_mta-sts.xn--strae-oqa.de. 3600 IN TXT \"v=STSv1; id=a;\"",
        ZoneFile.render("xn--strae-oqa.de", StsRecord.of(PolicyId.of("a")), Duration.ofHours(1)));
  }

  @Test
  void splitsLongRecordsIntoStringsOf255Bytes() {
    List<String> strings = ZoneFile.characterStrings("x".repeat(600));
    assertEquals(List.of(255, 255, 90), strings.stream().map(String::length).toList());
    assertEquals(List.of("x".repeat(255)), ZoneFile.characterStrings("x".repeat(255)));
    assertEquals(List.of(""), ZoneFile.characterStrings(""));
  }

  @Test
  void escapesQuotesAndBackslashes() {
    StsRecord record = new StsRecord(PolicyId.of("a"), List.of(new ExtensionField("e", "\"\\")));
    assertEquals("_mta-sts.example.com. 60 IN TXT \"v=STSv1; id=a; e=\\\"\\\\;\"",
        ZoneFile.render("example.com", record, Duration.ofMinutes(1)));
  }

  @Test
  void renderedLineReadsBackAsTheSameStringsInAZoneParser() throws IOException {
    List<ExtensionField> extensions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      extensions.add(new ExtensionField("e" + i, "\"\\x".repeat(90)));
    }
    StsRecord record = new StsRecord(PolicyId.of("big"), extensions);
    String line = ZoneFile.render("example.com", record, Duration.ofHours(1));
    try (Master master = new Master(new java.io.ByteArrayInputStream(
        (line + "\n").getBytes(StandardCharsets.US_ASCII)), Name.root)) {
      Record parsed = master.nextRecord();
      List<byte[]> strings = new ArrayList<>();
      for (Object s : ((TXTRecord) parsed).getStringsAsByteArrays()) {
        strings.add((byte[]) s);
      }
      assertTrue(strings.stream().allMatch(s -> s.length <= 255));
      RecordSelection<StsRecord> selection = RecordSelection.selectSts(List.of(strings));
      assertEquals(record, ((RecordSelection.Selected<StsRecord>) selection).record());
    }
  }

  @Test
  void testZoneHoldsTheLargeRecordAsZoneFileRendersIt() throws IOException {
    List<ExtensionField> extensions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      extensions.add(new ExtensionField("e" + i, String.valueOf((char) ('A' + i)).repeat(240)));
    }
    String line = ZoneFile.render("large.mtasts.test", new StsRecord(PolicyId.of("large1"), extensions),
        Duration.ofMinutes(5));
    try (InputStream in = ZoneFileTest.class.getResourceAsStream("/zones/mtasts.test.zone")) {
      String zone = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(zone.contains("\n" + line + "\n"), "zone file lacks " + line);
    }
  }

  @Test
  void rejectsBadInput() {
    StsRecord record = StsRecord.of(PolicyId.of("a"));
    assertThrows(IllegalArgumentException.class, () -> ZoneFile.render("a..b", record, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> ZoneFile.render("a.b", record, Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> ZoneFile.render("a.b", record, Duration.ofMillis(1500)));
    assertThrows(IllegalArgumentException.class, () -> ZoneFile.txtLine("a.b", "é", Duration.ZERO));
  }
}
