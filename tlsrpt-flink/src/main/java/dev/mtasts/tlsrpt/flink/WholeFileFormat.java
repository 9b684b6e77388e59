package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.mail.MailLimits;
import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads each file whole as one {@link RawReport} (for {@code FileSource.forBulkFileFormat}): a
 * report file or a report mail is one input. At most {@link #MAX_FILE_BYTES} + 1 bytes are read
 * from a file, so a larger one is refused by the readers' size limits instead of filling memory.
 * A file that was read is never read again after a restore.
 */
public final class WholeFileFormat implements BulkFormat<RawReport, FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  /** The largest input read: the largest report mail (25 MiB), above the largest report. */
  public static final int MAX_FILE_BYTES = (int) MailLimits.DEFAULT.maxMessageBytes();

  /** Creates the format. */
  public WholeFileFormat() {}

  @Override
  public BulkFormat.Reader<RawReport> createReader(Configuration config, FileSourceSplit split) {
    return new FileReader(split.path(), false);
  }

  @Override
  public BulkFormat.Reader<RawReport> restoreReader(Configuration config, FileSourceSplit split) {
    boolean done = split.getReaderPosition()
        .map(p -> p.getRecordsAfterOffset() > 0)
        .orElse(false);
    return new FileReader(split.path(), done);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<RawReport> getProducedType() {
    return TlsRptTypes.RAW_REPORT;
  }

  /** Emits the file's one record on the first batch. */
  private static final class FileReader implements BulkFormat.Reader<RawReport> {
    private final Path path;
    private boolean done;

    FileReader(Path path, boolean done) {
      this.path = path;
      this.done = done;
    }

    @Override
    public BulkFormat.@Nullable RecordIterator<RawReport> readBatch() throws IOException {
      if (done) {
        return null;
      }
      done = true;
      byte[] bytes;
      try (FSDataInputStream in = path.getFileSystem().open(path)) {
        bytes = readAtMost(in, MAX_FILE_BYTES + 1);
      }
      SingletonResultIterator<RawReport> it = new SingletonResultIterator<>();
      it.set(new RawReport(path.toString(), bytes), CheckpointedPosition.NO_OFFSET, 1);
      return it;
    }

    @Override
    public void close() {}
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }
}
