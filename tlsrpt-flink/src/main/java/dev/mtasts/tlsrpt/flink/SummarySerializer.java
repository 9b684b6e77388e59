package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryFormatException;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/** Serializes an (immutable) {@link ReportSummary} in its versioned binary form. */
public final class SummarySerializer extends CodecSerializer<ReportSummary> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public SummarySerializer() {}

  @Override
  protected byte[] toBytes(ReportSummary value) {
    return value.toBytes();
  }

  @Override
  protected ReportSummary fromBytes(byte[] bytes) throws IOException {
    try {
      return ReportSummary.fromBytes(bytes);
    } catch (SummaryFormatException e) {
      throw new IOException("a saved summary does not read back: " + e.getMessage(), e);
    }
  }

  @Override
  protected int maxBytes() {
    return AccumulatorSerializer.MAX_BYTES;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public ReportSummary createInstance() {
    return ReportSummary.empty();
  }

  @Override
  public ReportSummary copy(ReportSummary from) {
    return from;
  }

  @Override
  public TypeSerializerSnapshot<ReportSummary> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot: the byte format carries its own version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ReportSummary> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(SummarySerializer::new);
    }
  }
}
