package dev.mtasts.tlsrpt.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

final class SerializersTest {
  private static final GeneratedReports G = new GeneratedReports(200, 0, 20, 5);

  private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    s.serialize(value, out);
    T back = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    // copy(DataInputView, DataOutputView) copies the same bytes.
    DataOutputSerializer copied = new DataOutputSerializer(256);
    s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertArrayEquals(out.getCopyOfBuffer(), copied.getCopyOfBuffer());
    return back;
  }

  @Test
  void reportsReadBackEqual() throws IOException {
    for (TlsRptReport r : G.originals()) {
      assertEquals(r, roundTrip(new ReportSerializer(), r));
    }
  }

  @Test
  void accumulatorsReadBackWithTheirReportNames() throws IOException {
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    acc.addAll(G.originals());
    ReportSummary.Accumulator back = roundTrip(new AccumulatorSerializer(), acc);
    assertEquals(acc.snapshot(), back.snapshot());
    // The names survive: the same report again is a duplicate, not counted twice.
    back.add(G.report(7));
    assertEquals(acc.snapshot().reportCount(), back.snapshot().reportCount());
    assertEquals(1, back.snapshot().duplicateReports());
  }

  @Test
  void copiesAreIndependent() {
    AccumulatorSerializer s = new AccumulatorSerializer();
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    acc.add(G.report(1));
    ReportSummary.Accumulator copy = s.copy(acc);
    copy.add(G.report(2));
    assertEquals(1, acc.snapshot().reportCount());
    assertEquals(2, copy.snapshot().reportCount());
  }

  @Test
  void dailySummariesRawReportsAndRejectedInputsReadBackEqual() throws IOException {
    ReportSummary s = ReportSummary.of(G.originals());
    DailySummary d = new DailySummary("d3.example", LocalDate.ofEpochDay(G.firstEpochDay + 1), s);
    DailySummary back = roundTrip(new DailySummarySerializer(), d);
    assertEquals(d.toJson(), back.toJson());
    RawReport raw = new RawReport("file:/x.json.gz", G.bytes(3));
    assertEquals(raw, roundTrip(new RawReportSerializer(), raw));
    RejectedInput x = new RejectedInput("file:/y", RejectedInput.Kind.LATE, "too late");
    assertEquals(x, roundTrip(new RejectedInputSerializer(), x));
  }

  @Test
  void aCorruptLengthIsRefusedBeforeAllocating() {
    DataOutputSerializer out = new DataOutputSerializer(8);
    try {
      out.writeInt(Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    IOException e = assertThrows(IOException.class,
        () -> new AccumulatorSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
    assertTrue(e.getMessage().contains("2147483647 bytes"), e.getMessage());
  }

  @Test
  void snapshotsRestoreTheSameSerializer() {
    TypeSerializer<?>[] all = {new ReportSerializer(), new AccumulatorSerializer(),
        new SummarySerializer(), new RawReportSerializer(), new RejectedInputSerializer(),
        new DailySummarySerializer()};
    for (TypeSerializer<?> s : all) {
      TypeSerializerSnapshot<?> snap = s.snapshotConfiguration();
      assertEquals(s, snap.restoreSerializer());
    }
  }

  @Test
  void typeInformationNeverFallsBackToKryo() {
    assertEquals(AccumulatorSerializer.class,
        TlsRptTypes.ACCUMULATOR.createSerializer(new SerializerConfigImpl()).getClass());
    assertEquals(ReportSerializer.class,
        TlsRptTypes.REPORT.createSerializer(new SerializerConfigImpl()).getClass());
  }
}
