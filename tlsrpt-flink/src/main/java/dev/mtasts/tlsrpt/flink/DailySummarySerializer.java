package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryFormatException;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/** Serializes a {@link DailySummary}: domain, epoch day, and the summary's versioned bytes. */
public final class DailySummarySerializer extends TypeSerializer<DailySummary> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public DailySummarySerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<DailySummary> duplicate() {
    return this;
  }

  @Override
  public DailySummary createInstance() {
    return new DailySummary("", LocalDate.EPOCH, ReportSummary.empty());
  }

  @Override
  public DailySummary copy(DailySummary from) {
    return from;
  }

  @Override
  public DailySummary copy(DailySummary from, DailySummary reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(DailySummary record, DataOutputView target) throws IOException {
    target.writeUTF(record.policyDomain());
    target.writeLong(record.day().toEpochDay());
    byte[] b = record.summary().toBytes();
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public DailySummary deserialize(DataInputView source) throws IOException {
    String domain = source.readUTF();
    long day = source.readLong();
    if (day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()) {
      throw new IOException("day " + day + " is out of range: the stream is corrupt");
    }
    try {
      return new DailySummary(domain, LocalDate.ofEpochDay(day), ReportSummary.fromBytes(bytes(source)));
    } catch (SummaryFormatException e) {
      throw new IOException("a daily summary does not read back: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 0 || n > AccumulatorSerializer.MAX_BYTES) {
      throw new IOException("a summary of " + n + " bytes: the stream is corrupt");
    }
    byte[] b = new byte[n];
    source.readFully(b);
    return b;
  }

  @Override
  public DailySummary deserialize(DailySummary reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    target.writeUTF(source.readUTF());
    target.writeLong(source.readLong());
    byte[] b = bytes(source);
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof DailySummarySerializer;
  }

  @Override
  public int hashCode() {
    return DailySummarySerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<DailySummary> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of the one format version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<DailySummary> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(DailySummarySerializer::new);
    }
  }
}
