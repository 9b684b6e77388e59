package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Inflates gzip data (RFC 1952) member after member in one loop, with every size bounded, as a
 * stream: the parser reads the inflated bytes straight from the inflater, so no decompressed
 * copy of the document is ever held.
 *
 * <p>{@link java.util.zip.GZIPInputStream} is not used: it reads each further member by
 * recursing from its trailer check (thousands of empty members overflow the stack), reads
 * FNAME and FCOMMENT byte by byte without a bound, and silently ignores bytes after the last
 * member. Here the number of members and the length of each optional header field are capped,
 * the compressed bytes read and the inflated size never exceed the document limit, and anything
 * that is not a member where one must start is refused. Every failure is a {@link
 * ReportParseException}; {@link #failed()} tells afterwards whether one came from here. The
 * stream is not thread-safe; closing it frees the inflater (not the underlying stream).
 */
public final class GzipMembers extends InputStream implements BoundedInput.Source {
  // RFC 1952 §2.3.1: FLG bits.
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED = 0xe0;
  private static final int DEFLATE = 8;

  private final @Nullable InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;
  private long compressedRead;
  private final long maxBytes;
  private final int maxMembers;
  private final int maxFieldBytes;
  private final CRC32 headerCrc = new CRC32();
  private final CRC32 dataCrc = new CRC32();
  private final Inflater inflater = new Inflater(true);
  /** Members started so far. */
  private int members;
  /** Inside a member's compressed data. */
  private boolean inMember;
  private long memberSize;
  private long inflated;
  private boolean done;
  private boolean closed;
  private boolean failed;

  private GzipMembers(
      @Nullable InputStream in, byte[] buf, int lim, long maxBytes, int maxMembers, int maxFieldBytes) {
    this.in = in;
    this.buf = buf;
    this.lim = lim;
    this.compressedRead = lim;
    this.maxBytes = maxBytes;
    this.maxMembers = maxMembers;
    this.maxFieldBytes = maxFieldBytes;
  }

  /**
   * Opens gzip data held in memory (the array is read, never written).
   *
   * @param input the gzip bytes
   * @param maxBytes the limit on the compressed and on the inflated size
   * @param maxMembers the most members accepted
   * @param maxFieldBytes the longest FEXTRA, FNAME or FCOMMENT field accepted
   * @return the stream of inflated bytes
   * @throws ReportParseException when the input is over the limit
   */
  public static GzipMembers open(byte[] input, long maxBytes, int maxMembers, int maxFieldBytes) {
    if (input.length > maxBytes) {
      throw BoundedInput.tooLarge(maxBytes, "the compressed input");
    }
    return new GzipMembers(null, input, input.length, maxBytes, maxMembers, maxFieldBytes);
  }

  /**
   * Opens gzip data from a stream, reading at most {@code maxBytes} (plus one buffer) of it.
   *
   * @param head the first bytes, already read from the stream
   * @param headLength how many of them are valid
   * @param in the rest of the stream (not closed)
   * @param maxBytes the limit on the compressed and on the inflated size
   * @param maxMembers the most members accepted
   * @param maxFieldBytes the longest FEXTRA, FNAME or FCOMMENT field accepted
   * @return the stream of inflated bytes
   */
  public static GzipMembers open(
      byte[] head, int headLength, InputStream in, long maxBytes, int maxMembers, int maxFieldBytes) {
    byte[] buf = Arrays.copyOf(head, Math.max(8192, headLength));
    return new GzipMembers(in, buf, headLength, maxBytes, maxMembers, maxFieldBytes);
  }

  /**
   * Tells whether this stream refused its input (corrupt gzip, a limit, an I/O error).
   *
   * @return {@code true} after a failure of the stream itself
   */
  public boolean failed() {
    return failed;
  }

  /**
   * Reads and checks whatever the parser left unread: the rest of the last member, its trailer
   * and any further members, all within the same limits.
   *
   * @throws ReportParseException when the rest is not valid gzip or is over a limit
   */
  public void finish() {
    if (done) {
      // The usual case: the parser looked for content after the report and met the end.
      return;
    }
    byte[] skip = new byte[8192];
    while (read(skip, 0, skip.length) >= 0) {
      // Inflated bytes after the document are counted and checked, then dropped.
    }
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int r = read(one, 0, 1);
    return r < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IllegalStateException("the gzip stream is closed");
    }
    if (len == 0) {
      return 0;
    }
    try {
      // RFC 1952 §2.2: a gzip file is a series of members; the loop, not recursion, walks them.
      while (!done) {
        if (!inMember) {
          startMember();
          continue;
        }
        if (inflater.needsInput()) {
          if (!fill()) {
            throw corrupt("member " + members + " ends before its compressed data does");
          }
          inflater.setInput(buf, pos, lim - pos);
          pos = lim;
        }
        int n = inflater.inflate(b, off, len);
        if (n > 0) {
          dataCrc.update(b, off, n);
          memberSize += n;
          inflated += n;
          if (inflated > maxBytes) {
            throw BoundedInput.tooLarge(maxBytes, "the decompressed gzip content");
          }
        }
        if (inflater.finished()) {
          // Hand the bytes the inflater did not use back to the buffer: the trailer starts there.
          pos = lim - inflater.getRemaining();
          readTrailer(members, memberSize);
          inMember = false;
          done = !fill();
        } else if (n == 0 && !inflater.needsInput()) {
          throw corrupt("member " + members + " asks for a preset dictionary");
        }
        if (n > 0) {
          return n;
        }
      }
      return -1;
    } catch (DataFormatException e) {
      failed = true;
      throw corrupt("the compressed data is not valid deflate data (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  private void startMember() {
    members++;
    readHeader(members);
    inflater.reset();
    dataCrc.reset();
    memberSize = 0;
    inMember = true;
  }

  /** Frees the inflater; the underlying stream stays open. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      inflater.end();
    }
  }

  // RFC 1952 §2.3: ID1 ID2 CM FLG MTIME(4) XFL OS, then the optional fields FLG announces.
  private void readHeader(int member) {
    headerCrc.reset();
    int id1 = headerByte(member);
    int id2 = headerByte(member);
    if (id1 != 0x1f || id2 != 0x8b) {
      throw corrupt(member == 1
          ? "the input does not start with the gzip magic bytes 1F 8B"
          : String.format(Locale.ROOT,
              "%02X %02X follows gzip member %d where another member or the end must be",
              id1, id2, member - 1));
    }
    if (member > maxMembers) {
      throw new ReportParseException(
          ReportErrorCode.TOO_MANY_GZIP_MEMBERS,
          "$",
          "the gzip input has more than " + maxMembers + " members (a report is one member);"
              + " raise ReadLimits.maxGzipMembers if the report is genuine",
          null);
    }
    int cm = headerByte(member);
    if (cm != DEFLATE) {
      throw corrupt("member " + member + " uses compression method " + cm + "; gzip defines only 8"
          + " (deflate)");
    }
    int flg = headerByte(member);
    if ((flg & RESERVED) != 0) {
      // RFC 1952 §2.3.1.2: a decompressor must give an error if a reserved bit is set.
      throw corrupt(String.format(Locale.ROOT,
          "member %d sets reserved header flag bits (FLG %02X)", member, flg));
    }
    for (int i = 0; i < 6; i++) {
      headerByte(member);
    }
    if ((flg & FEXTRA) != 0) {
      int xlen = headerByte(member) | headerByte(member) << 8;
      if (xlen > maxFieldBytes) {
        throw fieldTooLong("FEXTRA", member, xlen + " bytes");
      }
      for (int i = 0; i < xlen; i++) {
        headerByte(member);
      }
    }
    if ((flg & FNAME) != 0) {
      skipZeroTerminated("FNAME (file name)", member);
    }
    if ((flg & FCOMMENT) != 0) {
      skipZeroTerminated("FCOMMENT", member);
    }
    if ((flg & FHCRC) != 0) {
      int expected = (int) (headerCrc.getValue() & 0xffff);
      int crc16 = rawByte(member) | rawByte(member) << 8;
      if (crc16 != expected) {
        throw corrupt("the header checksum (FHCRC) of member " + member + " does not match");
      }
    }
  }

  private void skipZeroTerminated(String field, int member) {
    int length = 0;
    while (headerByte(member) != 0) {
      length++;
      if (length > maxFieldBytes) {
        throw fieldTooLong(field, member, "more than " + maxFieldBytes + " bytes");
      }
    }
  }

  private ReportParseException fieldTooLong(String field, int member, String size) {
    return new ReportParseException(
        ReportErrorCode.GZIP_HEADER_FIELD_TOO_LONG,
        "$",
        "the " + field + " field of gzip member " + member + " is " + size + ", over the limit of "
            + maxFieldBytes + " bytes; raise ReadLimits.maxGzipHeaderFieldBytes if the report is"
            + " genuine",
        null);
  }

  // RFC 1952 §2.3.1: CRC32 then ISIZE (the size modulo 2^32), both little-endian.
  private void readTrailer(int member, long memberSize) {
    long crc = trailerInt(member);
    long isize = trailerInt(member);
    if (crc != dataCrc.getValue()) {
      throw corrupt("the CRC32 of member " + member + " does not match its content");
    }
    if (isize != (memberSize & 0xffffffffL)) {
      throw corrupt("the size in the trailer of member " + member + " (" + isize
          + " bytes) is not the size of its content (" + memberSize + " bytes)");
    }
  }

  private long trailerInt(int member) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      if (!fill()) {
        throw corrupt("member " + member + " ends inside its 8-byte trailer");
      }
      v |= (buf[pos++] & 0xffL) << (8 * i);
    }
    return v;
  }

  private int headerByte(int member) {
    int b = rawByte(member);
    headerCrc.update(b);
    return b;
  }

  private int rawByte(int member) {
    if (!fill()) {
      throw corrupt("member " + member + " ends inside its header");
    }
    return buf[pos++] & 0xff;
  }

  /** Makes at least one unread byte available; returns {@code false} at the end of input. */
  private boolean fill() {
    if (pos < lim) {
      return true;
    }
    if (in == null) {
      return false;
    }
    try {
      int r = in.read(buf, 0, buf.length);
      if (r == 0) {
        // A stream that returns nothing without being at its end: take one byte the slow way.
        int b = in.read();
        if (b < 0) {
          return false;
        }
        buf[0] = (byte) b;
        r = 1;
      }
      if (r < 0) {
        return false;
      }
      pos = 0;
      lim = r;
      compressedRead += r;
      if (compressedRead > maxBytes) {
        throw BoundedInput.tooLarge(maxBytes, "the compressed input");
      }
      return true;
    } catch (IOException e) {
      throw BoundedInput.ioError(e);
    }
  }

  private static ReportParseException corrupt(String detail) {
    return new ReportParseException(
        ReportErrorCode.CORRUPT_GZIP,
        "$",
        "the input starts like gzip (1F 8B) but is not valid gzip: " + detail,
        null);
  }
}
