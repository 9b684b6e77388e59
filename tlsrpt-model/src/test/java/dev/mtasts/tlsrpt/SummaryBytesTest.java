package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

final class SummaryBytesTest {

  @Provide
  Arbitrary<List<TlsRptReport>> reportLists() {
    return ReportArbitraries.smallReport().list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<ReportSummary> summaries() {
    return reportLists().map(ReportSummary::of);
  }

  @Property(tries = 300)
  void bytesReadBackToAnEqualSummaryAndTheSameBytes(@ForAll("summaries") ReportSummary s) {
    byte[] bytes = s.toBytes();
    ReportSummary back = ReportSummary.fromBytes(bytes);
    assertEquals(s, back);
    assertEquals(s.conflicts(), back.conflicts());
    assertEquals(s.limits(), back.limits());
    assertEquals(s.flaggedReports(), back.flaggedReports());
    assertEquals(s.setAsideReports(), back.setAsideReports());
    for (String d : s.domains()) {
      assertEquals(s.domain(d).days(), back.domain(d).days());
      assertEquals(s.domain(d).failureGroups(), back.domain(d).failureGroups());
      assertEquals(s.domain(d).mxPatterns(), back.domain(d).mxPatterns());
    }
    assertArrayEquals(bytes, back.toBytes());
  }

  /** What a daily job does: save the summary, read it back tomorrow, add tomorrow's reports. */
  @Property(tries = 300)
  void addingToASavedSummaryEqualsSummarizingEverythingAtOnce(
      @ForAll("reportLists") List<TlsRptReport> before, @ForAll("reportLists") List<TlsRptReport> after) {
    ReportSummary saved = ReportSummary.fromBytes(ReportSummary.of(before).toBytes());
    ReportSummary continued = saved.toAccumulator().addAll(after).snapshot();
    List<TlsRptReport> all = new ArrayList<>(before);
    all.addAll(after);
    ReportSummary once = ReportSummary.of(all);
    assertEquals(once, continued);
    assertEquals(once.duplicateReports(), continued.duplicateReports());
    assertEquals(once.conflictingReports(), continued.conflictingReports());
  }

  @Test
  void aReportInTheSavedSummaryCountsOnceWhenAddedAgain() {
    TlsRptReport r = report("r-1", 5);
    ReportSummary saved = ReportSummary.fromBytes(ReportSummary.of(List.of(r)).toBytes());
    ReportSummary.Accumulator acc = saved.toAccumulator();
    assertFalse(acc.add(r));
    ReportSummary s = acc.snapshot();
    assertEquals(1, s.reportCount());
    assertEquals(1, s.duplicateReports());
    assertEquals(5, s.sessions().successful());
  }

  @Test
  void theAccumulatorWritesWhatItsSnapshotWrites() {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    acc.add(report("a", 1));
    acc.add(report("b", 2));
    assertArrayEquals(acc.snapshot().toBytes(), acc.toBytes());
  }

  @Test
  void anEmptySummaryIsAFewDozenBytes() {
    byte[] b = ReportSummary.empty().toBytes();
    assertTrue(b.length < 64, b.length + " bytes");
    assertEquals(ReportSummary.empty(), ReportSummary.fromBytes(b));
  }

  @Test
  void aDomainDayTakesFarLessThanItsMemory() {
    List<TlsRptReport> reports = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      reports.add(TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("2025-01-01")), null,
          "id-" + i, List.of(PolicyResult.of(PolicyType.STS, List.of("mx: mx.d" + i + ".example"),
              "d" + i + ".example", List.of(), 10, 0, List.of()))));
    }
    byte[] b = ReportSummary.of(reports).toBytes();
    // 100 domain-days and 100 fingerprints: well under 100 bytes each.
    assertTrue(b.length < 100 * 100, b.length + " bytes");
  }

  @Test
  void theLimitsAndTheInstantAreKept() {
    SummaryLimits limits = SummaryLimits.DEFAULT.withMaxPolicyDomains(7).withMaxReportDays(3);
    Instant now = Instant.parse("2025-02-01T10:00:00.5Z");
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator(limits, now);
    acc.add(report("x", 3));
    ReportSummary back = ReportSummary.fromBytes(acc.toBytes());
    assertEquals(limits, back.limits());
    // The instant bounds the reports: one ending after it is still set aside.
    ReportSummary.Accumulator more = back.toAccumulator();
    assertFalse(more.add(TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("2025-03-01")),
        null, "late", List.of(policy("e.example", 1)))));
    assertEquals(1, more.snapshot().setAsideReports());
  }

  // ---- refused input ----

  @Test
  void refusesSomethingElseAsNotASummary() {
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes("{\"reports\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(SummaryFormatErrorCode.NOT_A_SUMMARY, e.code());
    assertEquals(0, e.offset());
    assertEquals("byte 0", e.location().toString());
    assertTrue(e.getMessage().startsWith("byte 0: "), e.getMessage());
  }

  @Test
  void refusesAnUnknownVersionNamingIt() {
    byte[] b = ReportSummary.of(List.of(report("a", 1))).toBytes();
    b[3] = 2;
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> ReportSummary.fromBytes(b));
    assertEquals(SummaryFormatErrorCode.UNSUPPORTED_VERSION, e.code());
    assertEquals(3, e.offset());
    assertTrue(e.detail().contains("version 2"), e.detail());
  }

  @Test
  void refusesATruncatedSummaryAtEveryLength() {
    byte[] b = ReportSummary.of(List.of(report("a", 1), report("b", 2))).toBytes();
    for (int n = 0; n < b.length; n++) {
      byte[] cut = Arrays.copyOf(b, n);
      SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> ReportSummary.fromBytes(cut));
      assertEquals(SummaryFormatErrorCode.TRUNCATED, e.code(), "at length " + n);
      assertEquals(n, e.offset());
    }
  }

  @Test
  void refusesTrailingBytes() {
    byte[] b = ReportSummary.of(List.of(report("a", 1))).toBytes();
    byte[] longer = Arrays.copyOf(b, b.length + 3);
    SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> ReportSummary.fromBytes(longer));
    assertEquals(SummaryFormatErrorCode.TRAILING_BYTES, e.code());
    assertEquals(b.length, e.offset());
  }

  @Test
  void refusesEveryChangedByteOfTheContent() {
    byte[] b = ReportSummary.of(List.of(report("a", 1), report("b", 2))).toBytes();
    for (int i = 8; i < b.length; i++) {
      byte[] x = b.clone();
      x[i] ^= 0x10;
      SummaryFormatException e = assertThrows(SummaryFormatException.class, () -> ReportSummary.fromBytes(x));
      assertEquals(SummaryFormatErrorCode.CHECKSUM_MISMATCH, e.code(), "byte " + i);
      assertEquals(b.length - 4, e.offset());
    }
  }

  @Test
  void refusesAHugeDeclaredCountWithoutAllocatingIt() {
    // A well-formed header and checksum around content that declares 2^31 - 1 strings.
    byte[] content = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes(framed(content)));
    assertEquals(SummaryFormatErrorCode.TOO_LARGE, e.code());
    assertEquals(8, e.offset());
    assertTrue(e.detail().contains("2147483647 strings"), e.detail());
  }

  /** Content up to the first domain's name: one string "d", default limits, no instant, zeros. */
  private static ByteArrayOutputStream headOfContent(int domainCount) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    uvar(o, 1);
    uvar(o, 1);
    o.write('d');
    uvar(o, 31);
    uvar(o, 7305L * 86_400);
    uvar(o, 0);
    uvar(o, 86_400);
    uvar(o, 0);
    uvar(o, 1_000_000);
    uvar(o, 1_000_000_000_000L);
    o.write(0);
    for (int i = 0; i < 6; i++) {
      uvar(o, 0);
    }
    o.write(0);
    uvar(o, 0);
    uvar(o, domainCount);
    return o;
  }

  @Test
  void refusesAStringReferenceBeyondTheTable() {
    ByteArrayOutputStream o = headOfContent(1);
    int at = 8 + o.size();
    uvar(o, 5);
    o.write(new byte[20], 0, 20);
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes(framed(o.toByteArray())));
    assertEquals(SummaryFormatErrorCode.INVALID_VALUE, e.code());
    assertEquals(at, e.offset());
    assertTrue(e.detail().contains("string reference 5"), e.detail());
  }

  @Test
  void refusesAFigureAboveTheLargestCount() {
    ByteArrayOutputStream o = headOfContent(1);
    uvar(o, 0); // name "d"
    uvar(o, 0); // no MX patterns
    uvar(o, 1); // one day cell
    uvar(o, 0); // day 0 (zigzag)
    int at = 8 + o.size();
    uvar(o, 1L << 60); // reports
    o.write(new byte[20], 0, 20);
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes(framed(o.toByteArray())));
    assertEquals(SummaryFormatErrorCode.INVALID_VALUE, e.code());
    assertEquals(at, e.offset());
  }

  @Test
  void refusesDayCellsOutOfOrder() {
    ByteArrayOutputStream o = headOfContent(1);
    uvar(o, 0);
    uvar(o, 0);
    uvar(o, 2);
    for (int day : new int[] {4, 2}) {
      uvar(o, day);
      uvar(o, 1);
      uvar(o, 1);
      uvar(o, 0);
      uvar(o, 0);
    }
    o.write(new byte[20], 0, 20);
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes(framed(o.toByteArray())));
    assertEquals(SummaryFormatErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.detail().contains("not in day order"), e.detail());
  }

  @Test
  void refusesMoreDomainsThanTheLimitsAllow() {
    ByteArrayOutputStream o = headOfContent(2_000_000);
    o.write(new byte[8_000_004], 0, 8_000_004);
    SummaryFormatException e = assertThrows(SummaryFormatException.class,
        () -> ReportSummary.fromBytes(framed(o.toByteArray())));
    assertEquals(SummaryFormatErrorCode.TOO_LARGE, e.code());
    assertTrue(e.detail().contains("more than the limit of 1000000"), e.detail());
  }

  private static void uvar(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7fL) != 0) {
      o.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }

  @Property(tries = 2000)
  void arbitraryBytesGiveASummaryOrTheTypedError(@ForAll @Size(max = 200) byte[] bytes) {
    readOrRefuse(bytes);
  }

  @Property(tries = 2000)
  void arbitraryContentInAValidFrameGivesASummaryOrTheTypedError(@ForAll @Size(max = 300) byte[] content) {
    readOrRefuse(framed(content));
  }

  @Provide
  Arbitrary<byte[]> mutatedSummaries() {
    return Combinators.combine(summaries(), Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 4))
        .as((s, at, value, removed) -> {
          byte[] b = s.toBytes();
          byte[] content = Arrays.copyOfRange(b, 8, b.length - 4);
          if (content.length == 0) {
            return framed(content);
          }
          int i = at % content.length;
          content[i] = value.byteValue();
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(content, 0, i);
          int skip = Math.min(removed, content.length - i - 1);
          out.write(content, i + skip, content.length - i - skip);
          return framed(out.toByteArray());
        });
  }

  /** Changed content behind a correct checksum reaches every check of the reader. */
  @Property(tries = 2000)
  void changedContentBehindACorrectChecksumGivesASummaryOrTheTypedError(
      @ForAll("mutatedSummaries") byte[] bytes) {
    readOrRefuse(bytes);
  }

  private static void readOrRefuse(byte[] bytes) {
    ReportSummary s;
    try {
      s = ReportSummary.fromBytes(bytes);
    } catch (SummaryFormatException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.location().toString());
      return;
    }
    // What was read is a usable state: it answers, writes itself and takes more reports.
    s.sessions();
    for (String d : s.domains()) {
      s.domain(d).failureGroups();
      s.domain(d).days();
    }
    assertEquals(s, ReportSummary.fromBytes(s.toBytes()));
    s.toAccumulator().add(report("after", 1));
  }

  /** Frames content as the reader expects it: magic, version 1, length, content, CRC-32C. */
  static byte[] framed(byte[] content) {
    byte[] b = new byte[8 + content.length + 4];
    b[0] = 'T';
    b[1] = 'R';
    b[2] = 'S';
    b[3] = 1;
    putInt(b, 4, content.length);
    System.arraycopy(content, 0, b, 8, content.length);
    CRC32C crc = new CRC32C();
    crc.update(b, 0, 8 + content.length);
    putInt(b, 8 + content.length, (int) crc.getValue());
    return b;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  @Test
  void aSavedCorpusSummaryReadsBackEqual() throws Exception {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator(
        SummaryLimits.DEFAULT.withDateBounds(Duration.ofDays(36_500), Duration.ofDays(366)),
        Instant.parse("2026-12-01T00:00:00Z"));
    for (Path f : Corpus.reports()) {
      try {
        acc.add(TlsRptReader.lenient().read(f).value());
      } catch (ReportParseException e) {
        // The corpus holds broken reports on purpose.
      }
    }
    ReportSummary s = acc.snapshot();
    assertTrue(s.reportCount() > 0);
    ReportSummary back = ReportSummary.fromBytes(s.toBytes());
    assertEquals(s, back);
    assertEquals(s.conflicts(), back.conflicts());
  }

  private static PolicyResult policy(String domain, long ok) {
    return PolicyResult.of(PolicyType.STS, List.of("mx: mx." + domain), domain, List.of(), ok, 0, List.of());
  }

  private static TlsRptReport report(String id, long ok) {
    return TlsRptReport.of("Org", DateRange.ofUtcDay(LocalDate.parse("2025-01-10")), null, id,
        List.of(policy("example.com", ok)));
  }
}
