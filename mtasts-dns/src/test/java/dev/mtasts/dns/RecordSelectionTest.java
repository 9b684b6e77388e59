package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecordSelectionTest {
  private static List<byte[]> rr(String... strings) {
    List<byte[]> list = new ArrayList<>();
    for (String s : strings) {
      list.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }
    return list;
  }

  @Test
  void joinsStringsWithoutSeparators() {
    RecordSelection<StsRecord> selection = RecordSelection.selectSts(List.of(rr("v=STSv1; id=a", "bc")));
    RecordSelection.Selected<?> selected = assertInstanceOf(RecordSelection.Selected.class, selection);
    assertEquals(StsRecord.of(PolicyId.of("abc")), selected.record());
    assertEquals("v=STSv1; id=abc", selected.text());
  }

  @Test
  void discardsRecordsOfOtherKinds() {
    RecordSelection<StsRecord> selection = RecordSelection.selectSts(List.of(
        rr("google-site-verification=x"), rr("v=spf1 -all"), rr("v=STSv1; id=a"), rr("v=STSv10; id=b")));
    assertEquals(PolicyId.of("a"), ((RecordSelection.Selected<StsRecord>) selection).record().id());
  }

  @Test
  void noMatchingRecordCountsTheDiscarded() {
    assertEquals(new RecordSelection.NoRecord<StsRecord>(2),
        RecordSelection.selectSts(List.of(rr("v=STSv1"), rr("v=TLSRPTv1; rua=mailto:a@b"))));
    assertEquals(new RecordSelection.NoRecord<StsRecord>(0), RecordSelection.selectSts(List.of()));
  }

  @Test
  void twoRecordsEvenIdenticalMeanNoPolicy() {
    RecordSelection<StsRecord> selection =
        RecordSelection.selectSts(List.of(rr("v=STSv1; id=a"), rr("v=STSv1; id=a")));
    assertEquals(2, assertInstanceOf(RecordSelection.SeveralRecords.class, selection).texts().size());
  }

  @Test
  void singleInvalidRecordMeansNoPolicyWithTheReason() {
    RecordSelection<TlsRptRecord> selection = RecordSelection.selectTlsRpt(List.of(rr("v=TLSRPTv1; rua=nowhere")));
    RecordSelection.InvalidRecord<?> invalid = assertInstanceOf(RecordSelection.InvalidRecord.class, selection);
    assertEquals(RecordErrorCode.INVALID_RUA, invalid.error().code());
  }

  @Test
  void lenientSelectionParsesLeniently() {
    RecordSelection<StsRecord> selection =
        RecordSelection.selectSts(List.of(rr("v=STSv1; id=a-b")), ParseMode.LENIENT);
    RecordSelection.Selected<?> selected = assertInstanceOf(RecordSelection.Selected.class, selection);
    assertEquals(1, selected.warnings().size());
    assertEquals(RecordErrorCode.INVALID_ID, selected.warnings().get(0).code());
  }

  @Test
  void spacedVersionIsSelectedOnlyWhenAlone() {
    // RFC 8461 erratum 6285: "v=STSv1 ;" is ABNF-valid but lacks the literal prefix "v=STSv1;".
    RecordSelection<StsRecord> alone = RecordSelection.selectSts(List.of(rr("v=STSv1 ; id=b")));
    RecordSelection.Selected<?> selected = assertInstanceOf(RecordSelection.Selected.class, alone);
    assertTrue(selected.warnings().get(0).message().contains("6285"));
    assertEquals(RecordErrorCode.WHITESPACE_BEFORE_DELIMITER, selected.warnings().get(0).code());
    RecordSelection<StsRecord> withExact =
        RecordSelection.selectSts(List.of(rr("v=STSv1 ; id=b"), rr("v=STSv1; id=a")));
    assertEquals(PolicyId.of("a"), ((RecordSelection.Selected<StsRecord>) withExact).record().id());
    assertInstanceOf(RecordSelection.SeveralRecords.class,
        RecordSelection.selectTlsRpt(List.of(rr("v=TLSRPTv1 ;rua=mailto:a@b"), rr("v=TLSRPTv1\t; rua=mailto:c@d"))));
  }

  @Test
  void nonAsciiBytesMakeTheRecordInvalidNotACrash() {
    RecordSelection<StsRecord> selection = RecordSelection.selectSts(List.of(
        List.of("v=STSv1; id=".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, (byte) 0xA9})));
    RecordSelection.InvalidRecord<?> invalid = assertInstanceOf(RecordSelection.InvalidRecord.class, selection);
    assertEquals(RecordErrorCode.INVALID_CHARACTER, invalid.error().code());
    assertEquals(13, invalid.error().column());
  }
}
