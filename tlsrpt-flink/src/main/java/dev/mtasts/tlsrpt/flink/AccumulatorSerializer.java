package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryFormatException;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Serializes a {@link ReportSummary.Accumulator} in the summary's versioned binary form ({@link
 * ReportSummary.Accumulator#toBytes()}); a newer format version than this library reads fails the
 * restore with the {@link SummaryFormatException}'s message instead of guessing.
 */
public final class AccumulatorSerializer extends CodecSerializer<ReportSummary.Accumulator> {
  private static final long serialVersionUID = 1L;

  /** The largest serialized accumulator: far above any domain-day's state. */
  static final int MAX_BYTES = 1 << 30;

  /** Creates the serializer. */
  public AccumulatorSerializer() {}

  @Override
  protected byte[] toBytes(ReportSummary.Accumulator value) {
    return value.toBytes();
  }

  @Override
  protected ReportSummary.Accumulator fromBytes(byte[] bytes) throws IOException {
    try {
      return ReportSummary.fromBytes(bytes).toAccumulator();
    } catch (SummaryFormatException e) {
      throw new IOException("a saved accumulator does not read back: " + e.getMessage(), e);
    }
  }

  @Override
  protected int maxBytes() {
    return MAX_BYTES;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public ReportSummary.Accumulator createInstance() {
    return ReportSummary.empty().toAccumulator();
  }

  @Override
  public ReportSummary.Accumulator copy(ReportSummary.Accumulator from) {
    return from.snapshot().toAccumulator();
  }

  @Override
  public TypeSerializerSnapshot<ReportSummary.Accumulator> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot: the byte format carries its own version. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ReportSummary.Accumulator> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(AccumulatorSerializer::new);
    }
  }
}
