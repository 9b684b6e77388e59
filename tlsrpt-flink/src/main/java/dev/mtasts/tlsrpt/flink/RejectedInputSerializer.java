package dev.mtasts.tlsrpt.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/** Serializes a {@link RejectedInput}: source, kind and reason as UTF strings. */
public final class RejectedInputSerializer extends TypeSerializer<RejectedInput> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public RejectedInputSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<RejectedInput> duplicate() {
    return this;
  }

  @Override
  public RejectedInput createInstance() {
    return new RejectedInput("", RejectedInput.Kind.UNREADABLE, "");
  }

  @Override
  public RejectedInput copy(RejectedInput from) {
    return from;
  }

  @Override
  public RejectedInput copy(RejectedInput from, RejectedInput reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(RejectedInput record, DataOutputView target) throws IOException {
    target.writeUTF(clip(record.source()));
    target.writeUTF(record.kind().name());
    target.writeUTF(clip(record.reason()));
  }

  /** writeUTF takes at most 65535 bytes; a reason is never that long, a source may be. */
  private static String clip(String s) {
    return s.length() <= 16_000 ? s : s.substring(0, 16_000) + "...";
  }

  @Override
  public RejectedInput deserialize(DataInputView source) throws IOException {
    String from = source.readUTF();
    String kind = source.readUTF();
    String reason = source.readUTF();
    try {
      return new RejectedInput(from, RejectedInput.Kind.valueOf(kind), reason);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown kind of rejected input: " + kind, e);
    }
  }

  @Override
  public RejectedInput deserialize(RejectedInput reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof RejectedInputSerializer;
  }

  @Override
  public int hashCode() {
    return RejectedInputSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<RejectedInput> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot of the one format version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<RejectedInput> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(RejectedInputSerializer::new);
    }
  }
}
