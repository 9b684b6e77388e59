package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.ReadLimits;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads input into memory with hard size limits, undoing gzip (RFC 1952) with {@link
 * GzipMembers} when it starts with 1F 8B.
 */
public final class BoundedInput {

  private BoundedInput() {}

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
  public record Slice(byte[] bytes, int length) {
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
   * Returns the JSON bytes of an in-memory input: the input itself, or its gzip content.
   *
   * @param input the input
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded or the gzip data is corrupt
   */
  public static byte[] jsonBytes(byte[] input, ReadLimits limits) {
    return json(input, limits).toArray();
  }

  /**
   * Returns the JSON bytes of an in-memory input without a final copy: the input itself, or its
   * gzip content in a buffer pre-sized from the gzip trailer (a hint, never trusted beyond the
   * limit).
   *
   * @param input the input
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded or the gzip data is corrupt
   */
  public static Slice json(byte[] input, ReadLimits limits) {
    long maxBytes = limits.maxDocumentBytes();
    if (isGzip(input, input.length)) {
      return GzipMembers.inflate(
          input,
          maxBytes,
          limits.maxGzipMembers(),
          limits.maxGzipHeaderFieldBytes(),
          sizeHint(input, maxBytes));
    }
    if (input.length > maxBytes) {
      throw tooLarge(maxBytes, "the document");
    }
    return new Slice(input, input.length);
  }

  /**
   * The initial buffer size for inflating an in-memory gzip input: the ISIZE of the trailer
   * (RFC 1952 §2.3.1, the size of the last member modulo 2^32) plus one, so that end of input is
   * seen without growing; clamped to the limit and to what deflate can expand the input to, as
   * the field is attacker-controlled.
   */
  private static int sizeHint(byte[] input, long maxBytes) {
    int n = input.length;
    if (n < 18) {
      return 64;
    }
    long isize =
        (input[n - 4] & 0xffL)
            | (input[n - 3] & 0xffL) << 8
            | (input[n - 2] & 0xffL) << 16
            | (input[n - 1] & 0xffL) << 24;
    // Deflate expands at most about 1032:1.
    long hint = Math.min(isize, Math.min(Math.max(maxBytes, 0), n * 1032L)) + 1;
    return (int) Math.max(64, Math.min(hint, Integer.MAX_VALUE - 8));
  }

  /**
   * Reads a stream (plain or gzip) into memory, reading at most about {@code maxDocumentBytes}
   * compressed and {@code maxDocumentBytes} decompressed bytes whatever the stream holds.
   *
   * @param in the stream (not closed)
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded, on corrupt gzip data or I/O errors
   */
  public static byte[] jsonBytes(InputStream in, ReadLimits limits) {
    return json(in, limits).toArray();
  }

  /**
   * Reads a stream (plain or gzip) into memory like {@link #jsonBytes(InputStream, ReadLimits)},
   * without a final copy.
   *
   * @param in the stream (not closed)
   * @param limits the limits (document size, gzip members and header fields)
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded, on corrupt gzip data or I/O errors
   */
  public static Slice json(InputStream in, ReadLimits limits) {
    long maxBytes = limits.maxDocumentBytes();
    try {
      byte[] head = new byte[2];
      int n = in.readNBytes(head, 0, 2);
      if (isGzip(head, n)) {
        return GzipMembers.inflate(
            head,
            n,
            in,
            maxBytes,
            limits.maxGzipMembers(),
            limits.maxGzipHeaderFieldBytes(),
            8192);
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
        ReportErrorCode.DOCUMENT_TOO_LARGE,
        "$",
        what + " exceeds the limit of " + maxBytes + " bytes; raise ReadLimits.maxDocumentBytes"
            + " if the report is genuine",
        null);
  }

  static ReportParseException ioError(IOException e) {
    return new ReportParseException(
        ReportErrorCode.IO_ERROR, "$", "reading the report failed: " + e.getMessage(), e);
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
