package dev.mtasts.tlsrpt.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/** Serializes a {@link RawReport}: the source as UTF, the length, the bytes (bounded on read). */
public final class RawReportSerializer extends TypeSerializer<RawReport> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public RawReportSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<RawReport> duplicate() {
    return this;
  }

  @Override
  public RawReport createInstance() {
    return new RawReport("", new byte[0]);
  }

  @Override
  public RawReport copy(RawReport from) {
    return from;
  }

  @Override
  public RawReport copy(RawReport from, RawReport reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(RawReport record, DataOutputView target) throws IOException {
    target.writeUTF(record.source());
    byte[] b = record.content();
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public RawReport deserialize(DataInputView source) throws IOException {
    String from = source.readUTF();
    return new RawReport(from, bytes(source));
  }

  private static byte[] bytes(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 0 || n > WholeFileFormat.MAX_FILE_BYTES + 1) {
      throw new IOException("a raw report of " + n + " bytes: the stream is corrupt");
    }
    byte[] b = new byte[n];
    source.readFully(b);
    return b;
  }

  @Override
  public RawReport deserialize(RawReport reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    target.writeUTF(source.readUTF());
    byte[] b = bytes(source);
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof RawReportSerializer;
  }

  @Override
  public int hashCode() {
    return RawReportSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<RawReport> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of the one format version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RawReport> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(RawReportSerializer::new);
    }
  }
}
