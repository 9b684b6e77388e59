package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * Serializes a {@link TlsRptReport} in a compact, versioned binary form: a length, then a format
 * version byte and every component of the report (no JSON is written or parsed on the way, and
 * the report reads back equal, unknown members included). Reading refuses a length above {@link
 * #MAX_BYTES} before allocating, and corrupt or unknown-version bytes with an {@link IOException}
 * whose cause is a {@link SummaryFormatException} (its code and byte offset).
 *
 * <p>A serializer keeps a buffer it writes into, so {@link #duplicate()} gives each thread its
 * own.
 */
public final class ReportSerializer extends TypeSerializer<TlsRptReport> {
  private static final long serialVersionUID = 1L;

  /**
   * The largest serialized report read or written: twice the largest JSON document the readers
   * take ({@code ReadLimits.DEFAULT}); the binary form of a report read from JSON is smaller than
   * the JSON.
   */
  public static final int MAX_BYTES = (int) Math.min(Integer.MAX_VALUE - 16,
      2 * ReadLimits.DEFAULT.maxDocumentBytes());

  private transient ReportCodec.@Nullable Writer writer;
  private transient byte @Nullable [] readBuffer;

  /** Creates the serializer. */
  public ReportSerializer() {}

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<TlsRptReport> duplicate() {
    // Its buffers are per instance: one per thread.
    return new ReportSerializer();
  }

  @Override
  public TlsRptReport createInstance() {
    throw new UnsupportedOperationException("a report has no empty instance");
  }

  @Override
  public TlsRptReport copy(TlsRptReport from) {
    return from;
  }

  @Override
  public TlsRptReport copy(TlsRptReport from, TlsRptReport reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(TlsRptReport record, DataOutputView target) throws IOException {
    ReportCodec.Writer w = writer;
    if (w == null) {
      w = new ReportCodec.Writer();
      writer = w;
    }
    int n;
    try {
      n = w.encode(record);
    } catch (IllegalArgumentException e) {
      throw new IOException("a report too large to serialize: " + e.getMessage(), e);
    }
    if (n > MAX_BYTES) {
      throw new IOException("a report of " + n + " bytes serialized, above the " + MAX_BYTES
          + " a reader takes");
    }
    target.writeInt(n);
    target.write(w.buffer(), 0, n);
  }

  @Override
  public TlsRptReport deserialize(DataInputView source) throws IOException {
    int n = length(source);
    byte[] b = buffer(n);
    source.readFully(b, 0, n);
    try {
      return ReportCodec.decode(b, n);
    } catch (SummaryFormatException e) {
      throw new IOException("a serialized report does not read back: " + e.getMessage(), e);
    }
  }

  @Override
  public TlsRptReport deserialize(TlsRptReport reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int n = length(source);
    byte[] b = buffer(n);
    source.readFully(b, 0, n);
    target.writeInt(n);
    target.write(b, 0, n);
  }

  private static int length(DataInputView source) throws IOException {
    int n = source.readInt();
    if (n < 1 || n > MAX_BYTES) {
      throw new IOException("ReportSerializer: a report of " + n + " bytes, not between 1 and "
          + MAX_BYTES + ": the stream is corrupt or of another type");
    }
    return n;
  }

  /** A buffer of at least {@code n} bytes, kept while it is at most 64 KiB. */
  private byte[] buffer(int n) {
    byte[] b = readBuffer;
    if (b != null && b.length >= n) {
      return b;
    }
    if (n > 1 << 16) {
      return new byte[n];
    }
    b = new byte[Math.max(n, b == null ? 4096 : Math.min(1 << 16, b.length * 2))];
    readBuffer = b;
    return b;
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof ReportSerializer;
  }

  @Override
  public int hashCode() {
    return ReportSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<TlsRptReport> snapshotConfiguration() {
    return new Snapshot();
  }

  /**
   * The snapshot: records the newest report format version the writing serializer knew. A
   * serializer reads every format version up to its own (each value carries its version), so a
   * restore is compatible as it is when the saved version is at most this library's, and
   * incompatible (the job does not start, rather than misread its state) otherwise.
   */
  public static final class Snapshot implements TypeSerializerSnapshot<TlsRptReport> {
    private static final int SNAPSHOT_VERSION = 1;
    private int formatVersion = ReportCodec.VERSION;

    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {}

    /**
     * Returns the report format version this snapshot records.
     *
     * @return the version
     */
    public int formatVersion() {
      return formatVersion;
    }

    @Override
    public int getCurrentVersion() {
      return SNAPSHOT_VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(formatVersion);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
        throws IOException {
      if (readVersion != SNAPSHOT_VERSION) {
        throw new IOException("a report serializer snapshot of version " + readVersion
            + "; this library reads version " + SNAPSHOT_VERSION);
      }
      formatVersion = in.readInt();
    }

    @Override
    public TypeSerializer<TlsRptReport> restoreSerializer() {
      return new ReportSerializer();
    }

    @Override
    public TypeSerializerSchemaCompatibility<TlsRptReport> resolveSchemaCompatibility(
        TypeSerializerSnapshot<TlsRptReport> oldSerializerSnapshot) {
      if (oldSerializerSnapshot instanceof Snapshot old
          && old.formatVersion >= 1 && old.formatVersion <= ReportCodec.VERSION) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
      }
      return TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
