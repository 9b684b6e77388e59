package dev.mtasts.tlsrpt.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.SummaryFormatErrorCode;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The binary report form of {@link ReportSerializer}: every report reads back equal, whatever its
 * texts (non-ASCII, lone surrogates, empty), unknown members and counts; corrupt bytes end in an
 * {@link IOException} caused by a {@link SummaryFormatException}, never in another exception or an
 * allocation of a claimed size; the snapshot restores a compatible serializer.
 */
final class ReportSerializerPropertiesTest {

  @Property(tries = 300)
  void everyReportReadsBackEqual(@ForAll("reports") TlsRptReport report) throws IOException {
    ReportSerializer s = new ReportSerializer();
    byte[] bytes = write(s, report);
    assertEquals(report, s.deserialize(new DataInputDeserializer(bytes)));
    // A second serializer (another thread's duplicate) reads the same bytes the same way.
    assertEquals(report, s.duplicate().deserialize(new DataInputDeserializer(bytes)));
    // copy(DataInputView, DataOutputView) copies the bytes as they are.
    DataOutputSerializer copied = new DataOutputSerializer(64);
    s.copy(new DataInputDeserializer(bytes), copied);
    assertTrue(Arrays.equals(bytes, copied.getCopyOfBuffer()));
  }

  @Property(tries = 300)
  void corruptBytesAreATypedErrorOrAReport(
      @ForAll("reports") TlsRptReport report,
      @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll @IntRange(min = 0, max = 255) int value,
      @ForAll @IntRange(min = 0, max = 10_000) int cut) throws IOException {
    byte[] bytes = write(new ReportSerializer(), report);
    // One byte changed behind the length, and the frame cut short (its length kept in step).
    int i = 4 + at % (bytes.length - 4);
    bytes[i] = (byte) value;
    int keep = Math.max(5, bytes.length - cut % bytes.length);
    byte[] framed = Arrays.copyOf(bytes, keep);
    int n = keep - 4;
    framed[0] = (byte) (n >>> 24);
    framed[1] = (byte) (n >>> 16);
    framed[2] = (byte) (n >>> 8);
    framed[3] = (byte) n;
    try {
      TlsRptReport back = new ReportSerializer().deserialize(new DataInputDeserializer(framed));
      // Some changes still spell a report (another count or character): then it is a whole one,
      // which writes and reads back as itself.
      ReportSerializer s = new ReportSerializer();
      assertEquals(back, s.deserialize(new DataInputDeserializer(write(s, back))));
    } catch (IOException e) {
      SummaryFormatException cause = assertInstanceOf(SummaryFormatException.class, e.getCause(),
          e.getMessage());
      assertTrue(cause.offset() <= n, cause.getMessage());
    }
  }

  @Test
  void aClaimedCountLargerThanTheBytesIsRefusedBeforeAllocating() throws IOException {
    ReportSerializer s = new ReportSerializer();
    byte[] bytes = write(s, report("o", "r", List.of()));
    // The policy count is the last byte (0 policies): claim 2^62.
    byte[] huge = Arrays.copyOf(bytes, bytes.length + 8);
    int at = bytes.length - 1;
    for (int k = 0; k < 8; k++) {
      huge[at + k] = (byte) 0x80;
    }
    huge[at + 8] = 0x40;
    int n = huge.length - 4;
    huge[0] = (byte) (n >>> 24);
    huge[1] = (byte) (n >>> 16);
    huge[2] = (byte) (n >>> 8);
    huge[3] = (byte) n;
    IOException e = assertThrows(IOException.class, () -> s.deserialize(new DataInputDeserializer(huge)));
    SummaryFormatException cause = assertInstanceOf(SummaryFormatException.class, e.getCause());
    assertEquals(SummaryFormatErrorCode.TOO_LARGE, cause.code());
    assertEquals(at - 4, cause.offset());
  }

  @Test
  void aNewerFormatVersionIsRefusedWithItsCode() throws IOException {
    ReportSerializer s = new ReportSerializer();
    byte[] bytes = write(s, report("o", "r", List.of()));
    bytes[4] = (byte) (ReportCodec.VERSION + 1);
    IOException e = assertThrows(IOException.class, () -> s.deserialize(new DataInputDeserializer(bytes)));
    SummaryFormatException cause = assertInstanceOf(SummaryFormatException.class, e.getCause());
    assertEquals(SummaryFormatErrorCode.UNSUPPORTED_VERSION, cause.code());
    assertTrue(e.getMessage().contains("version " + (ReportCodec.VERSION + 1)), e.getMessage());
  }

  @Test
  void aFrameLengthOutOfBoundsIsRefusedBeforeAllocating() throws IOException {
    for (int n : new int[] {0, -1, ReportSerializer.MAX_BYTES + 1, Integer.MAX_VALUE}) {
      DataOutputSerializer out = new DataOutputSerializer(8);
      out.writeInt(n);
      IOException e = assertThrows(IOException.class,
          () -> new ReportSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
      assertTrue(e.getMessage().contains(n + " bytes"), e.getMessage());
    }
  }

  @Test
  void trailingBytesInAFrameAreRefused() throws IOException {
    byte[] bytes = write(new ReportSerializer(), report("o", "r", List.of()));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    longer[3] = (byte) (longer[3] + 1);
    IOException e = assertThrows(IOException.class,
        () -> new ReportSerializer().deserialize(new DataInputDeserializer(longer)));
    assertEquals(SummaryFormatErrorCode.TRAILING_BYTES,
        assertInstanceOf(SummaryFormatException.class, e.getCause()).code());
  }

  @Test
  void theSnapshotRestoresACompatibleSerializerAndRefusesANewerFormat() throws IOException {
    TypeSerializerSnapshot<TlsRptReport> snap = new ReportSerializer().snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snap);
    TypeSerializerSnapshot<TlsRptReport> read = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    TypeSerializer<TlsRptReport> restored = read.restoreSerializer();
    assertEquals(new ReportSerializer(), restored);
    TypeSerializerSchemaCompatibility<TlsRptReport> c =
        new ReportSerializer().snapshotConfiguration().resolveSchemaCompatibility(read);
    assertTrue(c.isCompatibleAsIs());
    // A snapshot written by a library with a newer report format: this one does not guess.
    DataOutputSerializer newer = new DataOutputSerializer(8);
    newer.writeInt(ReportCodec.VERSION + 1);
    ReportSerializer.Snapshot future = new ReportSerializer.Snapshot();
    future.readSnapshot(future.getCurrentVersion(), new DataInputDeserializer(newer.getCopyOfBuffer()),
        getClass().getClassLoader());
    assertTrue(new ReportSerializer().snapshotConfiguration().resolveSchemaCompatibility(future)
        .isIncompatible());
  }

  private static byte[] write(ReportSerializer s, TlsRptReport r) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    s.serialize(r, out);
    return out.getCopyOfBuffer();
  }

  private static TlsRptReport report(String org, String id, List<PolicyResult> policies) {
    return TlsRptReport.of(org, new DateRange(Instant.EPOCH, Instant.EPOCH), null, id, policies);
  }

  @Provide
  Arbitrary<TlsRptReport> reports() {
    Arbitrary<Instant> instants = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<DateRange> ranges = Combinators.combine(instants, Arbitraries.longs().between(0, 1_000_000_000L))
        .as((start, plus) -> new DateRange(start, start.plusSeconds(plus)));
    return Builders.withBuilder(() -> new Object[7])
        .use(texts()).in((a, v) -> set(a, 0, v))
        .use(ranges).in((a, v) -> set(a, 1, v))
        .use(optional(texts())).in((a, v) -> set(a, 2, v))
        .use(texts()).in((a, v) -> set(a, 3, v))
        .use(policies().list().ofMaxSize(4)).in((a, v) -> set(a, 4, v))
        .use(members()).in((a, v) -> set(a, 5, v))
        .use(members()).in((a, v) -> set(a, 6, v))
        .build(ReportSerializerPropertiesTest::toReport);
  }

  @SuppressWarnings("unchecked") // the builder's slots hold what the arbitraries above make
  private static TlsRptReport toReport(Object[] a) {
    return new TlsRptReport((String) a[0], (DateRange) a[1], (String) a[2], (String) a[3],
        (List<PolicyResult>) a[4], (Map<String, String>) a[5], (Map<String, String>) a[6]);
  }

  private static Object[] set(Object[] a, int i, @Nullable Object v) {
    a[i] = v;
    return a;
  }

  /** Texts of every kind: ASCII, Latin-1, other planes, lone surrogates, empty. */
  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20),
        Arbitraries.strings().withChars('\uD800', '\uDC00', '\uFFFF', '\u00E9', '\u0000', 'a')
            .ofMaxLength(8),
        Arbitraries.of("", "sts", "example.com", "mailto:tlsrpt@example.com"));
  }

  private static Arbitrary<@Nullable String> optional(Arbitrary<String> a) {
    return a.injectNull(0.3);
  }

  private static Arbitrary<Map<String, String>> members() {
    return Arbitraries.maps(texts(), texts()).ofMaxSize(3);
  }

  private static Arbitrary<Long> counts() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 1000),
        Arbitraries.of(0L, 127L, 128L, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1));
  }

  private static Arbitrary<PolicyResult> policies() {
    Arbitrary<String[]> type = Arbitraries.oneOf(
        Arbitraries.of(PolicyType.STS, PolicyType.TLSA, PolicyType.NO_POLICY_FOUND)
            .map(t -> new String[] {t.name(), t.wireName()}),
        texts().filter(t -> PolicyType.fromWireName(t).isEmpty())
            .map(t -> new String[] {PolicyType.UNKNOWN.name(), t}));
    return Builders.withBuilder(() -> new Object[11])
        .use(type).in((a, v) -> set(a, 0, v))
        .use(texts().list().ofMaxSize(4)).in((a, v) -> set(a, 2, v))
        .use(optional(texts())).in((a, v) -> set(a, 3, v))
        .use(texts().list().ofMaxSize(3)).in((a, v) -> set(a, 4, v))
        .use(counts()).in((a, v) -> set(a, 5, v))
        .use(counts()).in((a, v) -> set(a, 6, v))
        .use(details().list().ofMaxSize(3)).in((a, v) -> set(a, 7, v))
        .use(members()).in((a, v) -> set(a, 8, v))
        .use(members()).in((a, v) -> set(a, 9, v))
        .use(members()).in((a, v) -> set(a, 10, v))
        .build(ReportSerializerPropertiesTest::toPolicy);
  }

  @SuppressWarnings("unchecked") // the builder's slots hold what the arbitraries above make
  private static PolicyResult toPolicy(Object[] a) {
    String[] type = (String[]) a[0];
    return new PolicyResult(PolicyType.valueOf(type[0]), type[1], (List<String>) a[2],
        (String) a[3], (List<String>) a[4], (Long) a[5], (Long) a[6], (List<FailureDetail>) a[7],
        (Map<String, String>) a[8], (Map<String, String>) a[9], (Map<String, String>) a[10]);
  }

  private static Arbitrary<FailureDetail> details() {
    Arbitrary<ResultType> types = Arbitraries.oneOf(
        Arbitraries.of(ResultType.knownValues()),
        Arbitraries.just(ResultType.FAILURES_WITHOUT_DETAILS),
        texts().map(ResultType::of));
    return Builders.withBuilder(() -> new Object[9])
        .use(types).in((a, v) -> set(a, 0, v))
        .use(optional(texts())).in((a, v) -> set(a, 1, v))
        .use(optional(texts())).in((a, v) -> set(a, 2, v))
        .use(optional(texts())).in((a, v) -> set(a, 3, v))
        .use(optional(texts())).in((a, v) -> set(a, 4, v))
        .use(counts()).in((a, v) -> set(a, 5, v))
        .use(optional(texts())).in((a, v) -> set(a, 6, v))
        .use(optional(texts())).in((a, v) -> set(a, 7, v))
        .use(members()).in((a, v) -> set(a, 8, v))
        .build(ReportSerializerPropertiesTest::toDetail);
  }

  @SuppressWarnings("unchecked") // the builder's slots hold what the arbitraries above make
  private static FailureDetail toDetail(Object[] a) {
    return new FailureDetail((ResultType) a[0], (String) a[1], (String) a[2], (String) a[3],
        (String) a[4], (Long) a[5], (String) a[6], (String) a[7], (Map<String, String>) a[8]);
  }
}
