package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads input into memory with hard size limits, undoing gzip (RFC 1952) when it starts with 1F 8B. */
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
   * Returns the JSON bytes of an in-memory input: the input itself, or its gzip content.
   *
   * @param input the input
   * @param maxBytes the limit on the plain or decompressed size
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded or the gzip data is corrupt
   */
  public static byte[] jsonBytes(byte[] input, long maxBytes) {
    if (isGzip(input, input.length)) {
      return gunzip(new ByteArrayInputStream(input), maxBytes);
    }
    if (input.length > maxBytes) {
      throw tooLarge(maxBytes, "the document");
    }
    return input;
  }

  /**
   * Reads a stream (plain or gzip) into memory, reading at most about {@code maxBytes} compressed
   * and {@code maxBytes} decompressed bytes whatever the stream holds.
   *
   * @param in the stream (not closed)
   * @param maxBytes the limit on the plain or decompressed size
   * @return the JSON bytes
   * @throws ReportParseException when a limit is exceeded, on corrupt gzip data or I/O errors
   */
  public static byte[] jsonBytes(InputStream in, long maxBytes) {
    try {
      byte[] head = new byte[2];
      int n = in.readNBytes(head, 0, 2);
      InputStream limited = new LimitedStream(in, maxBytes - n);
      if (isGzip(head, n)) {
        InputStream all =
            new java.io.SequenceInputStream(new ByteArrayInputStream(head, 0, n), limited);
        return gunzip(all, maxBytes);
      }
      byte[] rest = readAtMost(limited, maxBytes - n, "the document");
      byte[] out = Arrays.copyOf(head, n + rest.length);
      System.arraycopy(rest, 0, out, n, rest.length);
      return out;
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private static byte[] gunzip(InputStream compressed, long maxBytes) {
    try (GZIPInputStream gz = new GZIPInputStream(compressed, 8192)) {
      return readAtMost(gz, maxBytes, "the decompressed gzip content");
    } catch (ZipException | EOFException e) {
      throw new ReportParseException(
          ReportErrorCode.CORRUPT_GZIP,
          "$",
          "the input starts like gzip (1F 8B) but is not valid gzip: " + e.getMessage(),
          e);
    } catch (LimitExceeded e) {
      throw tooLarge(maxBytes, "the compressed input");
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private static byte[] readAtMost(InputStream in, long maxBytes, String what) throws IOException {
    byte[] buf = new byte[(int) Math.min(Math.max(maxBytes, 0) + 1, 8192)];
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
    return len == buf.length ? buf : Arrays.copyOf(buf, len);
  }

  private static ReportParseException tooLarge(long maxBytes, String what) {
    return new ReportParseException(
        ReportErrorCode.DOCUMENT_TOO_LARGE,
        "$",
        what + " exceeds the limit of " + maxBytes + " bytes; raise ReadLimits.maxDocumentBytes"
            + " if the report is genuine",
        null);
  }

  private static ReportParseException ioError(IOException e) {
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
    public int available() throws IOException {
      // GZIPInputStream reads a further member only when bytes are available.
      return (int) Math.max(0, Math.min(in.available(), remaining + 1));
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
