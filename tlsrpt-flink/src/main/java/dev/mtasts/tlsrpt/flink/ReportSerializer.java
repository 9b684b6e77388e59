package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Serializes a {@link TlsRptReport} as its compact RFC 8460 JSON ({@link TlsRptWriter#compact()}),
 * read back by the lenient reader, which gives the equal report.
 */
public final class ReportSerializer extends CodecSerializer<TlsRptReport> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public ReportSerializer() {}

  @Override
  protected byte[] toBytes(TlsRptReport value) {
    return TlsRptWriter.compact().write(value);
  }

  @Override
  protected TlsRptReport fromBytes(byte[] bytes) throws IOException {
    try {
      return TlsRptReader.lenient().read(bytes).value();
    } catch (ReportParseException e) {
      throw new IOException("a serialized report does not read back: " + e.getMessage(), e);
    }
  }

  @Override
  protected int maxBytes() {
    return (int) ReadLimits.DEFAULT.maxDocumentBytes();
  }

  @Override
  public boolean isImmutableType() {
    return true;
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
  public TypeSerializerSnapshot<TlsRptReport> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The snapshot: the format has one version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TlsRptReport> {
    /** Creates the snapshot (Flink instantiates it reflectively). */
    public Snapshot() {
      super(ReportSerializer::new);
    }
  }
}
