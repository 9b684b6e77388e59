package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads input with hard size limits: plain JSON into memory, gzip (RFC 1952, told by its first
 * bytes 1F 8B) as a {@link GzipMembers} stream that the parser reads from as it inflates.
 */
public final class BoundedInput {

  private BoundedInput() {}

  /** Where the parser reads the JSON from: bytes in memory, or a gzip stream. */
  public sealed interface Source permits Slice, GzipMembers {}

  /**
   * Tells whether the bytes start with the gzip magic number.
   *
   * @param b the bytes
   * @param length how many of them are valid
   * @return {@code true} for gzip
   */
  public static boolean isGzip(byte[] b, int length) {
    return length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /**
   * The first {@code length} bytes of {@code bytes}: a read buffer handed to the parser as it is,
   * without copying it to its exact length.
   *
   * @param bytes the buffer
   * @param length how many of its bytes are valid
   */
  @SuppressWarnings("ArrayRecordComponent") // a buffer handed to the parser, never compared
  public record Slice(byte[] bytes, int length) implements Source {
    /**
     * Checks the length.
     *
     * @param bytes the buffer
     * @param length how many of its bytes are valid
     */
    public Slice {
      if (length < 0 || length > bytes.length) {
        throw new IllegalArgumentException("length " + length + " outside 0.." + bytes.length);
      }
    }

    /**
     * Returns the valid bytes as an array of their exact length (the buffer itself when full).
     *
     * @return the bytes
     */
    public byte[] toArray() {
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
  }

  /**
   * Returns the JSON of an in-memory input: the input itself, or a stream of its gzip content.
   *
   * @param input the input
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON source
   * @throws ReportParseException when the input is over the document limit
   */
  public static Source json(byte[] input, ReadLimits limits) {
    long maxBytes = limits.maxDocumentBytes();
    if (isGzip(input, input.length)) {
      return GzipMembers.open(
          input, maxBytes, limits.maxGzipMembers(), limits.maxGzipHeaderFieldBytes());
    }
    if (input.length > maxBytes) {
      throw tooLarge(maxBytes, "the document");
    }
    return new Slice(input, input.length);
  }

  /**
   * Opens a stream (plain or gzip): plain JSON is read into memory, at most about {@code
   * maxDocumentBytes} of it whatever the stream holds; gzip is inflated as it is read, within the
   * same limit on the compressed and on the inflated bytes.
   *
   * @param in the stream (not closed)
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON source
   * @throws ReportParseException when a limit is exceeded or on I/O errors
   */
  public static Source json(InputStream in, ReadLimits limits) {
    long maxBytes = limits.maxDocumentBytes();
    try {
      byte[] head = new byte[2];
      int n = in.readNBytes(head, 0, 2);
      if (isGzip(head, n)) {
        return GzipMembers.open(
            head, n, in, maxBytes, limits.maxGzipMembers(), limits.maxGzipHeaderFieldBytes());
      }
      InputStream limited = new LimitedStream(in, maxBytes - n);
      InputStream all =
          new java.io.SequenceInputStream(new ByteArrayInputStream(head, 0, n), limited);
      return readAtMost(all, maxBytes, "the document", 8192);
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private static Slice readAtMost(InputStream in, long maxBytes, String what, int sizeHint)
      throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(maxBytes, 0) + 1, Math.max(1, sizeHint))];
    int len = 0;
    while (true) {
      if (len == buf.length) {
        if (len > maxBytes) {
          throw tooLarge(maxBytes, what);
        }
        long next = Math.min((long) buf.length * 2, maxBytes + 1);
        buf = Arrays.copyOf(buf, (int) Math.min(next, Integer.MAX_VALUE - 8));
      }
      int r;
      try {
        r = in.read(buf, len, buf.length - len);
      } catch (LimitExceeded e) {
        throw tooLarge(maxBytes, what);
      }
      if (r < 0) {
        break;
      }
      len += r;
      if (len > maxBytes) {
        throw tooLarge(maxBytes, what);
      }
    }
    return new Slice(buf, len);
  }

  static ReportParseException tooLarge(long maxBytes, String what) {
    return new ReportParseException(
        ReportErrorCode.INPUT_TOO_LARGE,
        "$",
        what + " exceeds the limit of " + maxBytes + " bytes; raise ReadLimits.maxDocumentBytes"
            + " if the report is genuine",
        null);
  }

  static ReportParseException ioError(IOException e) {
    return new ReportParseException(
        ReportErrorCode.READ_FAILED, "$", "reading the report failed: " + e.getMessage(), e);
  }

  /** Signals that the raw stream went past its limit. */
  private static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded() {
      super("input limit exceeded");
    }
  }

  /** Throws once more than {@code limit} bytes are read. */
  private static final class LimitedStream extends InputStream {
    private final InputStream in;
    private long remaining;

    LimitedStream(InputStream in, long limit) {
      this.in = in;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int r = read(one, 0, 1);
      return r < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (remaining < 0) {
        throw new LimitExceeded();
      }
      // Read one byte beyond the limit so that "exactly at the limit" still succeeds.
      int r = in.read(b, off, (int) Math.min(len, remaining + 1));
      if (r > 0) {
        remaining -= r;
        if (remaining < 0) {
          throw new LimitExceeded();
        }
      }
      return r;
    }
  }
}
