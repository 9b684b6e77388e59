package dev.mtasts.tlsrpt.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * A Flink serializer that writes a value as a length and the bytes of the SDK's own versioned
 * form (never Kryo's generic fallback), such as a summary in {@code ReportSummary.toBytes()}. The
 * length is checked against a bound before anything is allocated.
 *
 * @param <T> the type
 */
public abstract class CodecSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  protected CodecSerializer() {}

  /**
   * Returns the bytes of a value.
   *
   * @param value the value
   * @return its bytes
   */
  protected abstract byte[] toBytes(T value);

  /**
   * Reads a value back.
   *
   * @param bytes what {@link #toBytes} wrote
   * @return the value
   * @throws IOException when the bytes are not a value of this type
   */
  protected abstract T fromBytes(byte[] bytes) throws IOException;

  /**
   * Returns the largest number of bytes one value may take.
   *
   * @return the bound
   */
  protected abstract int maxBytes();

  @Override
  public TypeSerializer<T> duplicate() {
    // Stateless: one instance serves every thread.
    return this;
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    byte[] b = toBytes(record);
    target.writeInt(b.length);
    target.write(b);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    return fromBytes(readBytes(source));
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    byte[] b = readBytes(source);
    target.writeInt(b.length);
    target.write(b);
  }

  private byte[] readBytes(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 0 || n > maxBytes()) {
      throw new IOException(getClass().getSimpleName() + ": a value of " + n
          + " bytes, not between 0 and " + maxBytes() + ": the stream is corrupt or of another type");
    }
    byte[] b = new byte[n];
    source.readFully(b);
    return b;
  }

  // Flink compares serializers by class: a subclass is another format, so instanceof would be wrong.
  @Override
  @SuppressWarnings("EqualsGetClass")
  public boolean equals(@Nullable Object obj) {
    return obj != null && obj.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
