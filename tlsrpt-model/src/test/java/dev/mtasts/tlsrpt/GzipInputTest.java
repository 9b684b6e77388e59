package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gzip member path (RFC 1952) of {@link TlsRptReader}: members, header fields, checks. */
final class GzipInputTest {
  private static final byte[] REPORT =
      TlsRptReaderTest.doc(TlsRptReaderTest.POLICY, TlsRptReaderTest.SUMMARY, TlsRptReaderTest.DETAIL, "")
          .getBytes(StandardCharsets.UTF_8);
  private static final TlsRptReport EXPECTED = TlsRptReader.strict().read(REPORT).value();

  // RFC 1952 §2.3.1 flag bits.
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;

  /** The three ways to hand the reader bytes; each must give the same answer. */
  private static List<Function<byte[], ParseResult<TlsRptReport>>> inputKinds(TlsRptReader reader, Path dir) {
    return List.of(
        reader::read,
        b -> reader.read(new ByteArrayInputStream(b)),
        b -> {
          try {
            Path file = Files.write(dir.resolve("r.json.gz"), b);
            return reader.read(file);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void sevenThousandEmptyMembersAreRefusedWithATypedErrorNotAStackOverflow(@TempDir Path dir)
      throws IOException {
    // The adversarial case of issue 13: 7,000 empty members, then a report (JDK GZIPInputStream
    // recursed once per member and overflowed the stack).
    byte[] input = concat(repeat(gzip(new byte[0]), 7000), gzip(REPORT));
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.lenient(), dir)) {
      ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(input));
      assertEquals(ReportErrorCode.TOO_MANY_GZIP_MEMBERS, e.code(), e.getMessage());
      assertEquals("$", e.location().path());
      assertTrue(e.detail().contains("more than 16 members"), e.detail());
    }
  }

  @Test
  void manyMembersAreWalkedInALoopWhenTheLimitAllowsThem(@TempDir Path dir) throws IOException {
    byte[] input = concat(repeat(gzip(new byte[0]), 7000), gzip(REPORT));
    TlsRptReader reader =
        TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxGzipMembers(7001));
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(reader, dir)) {
      assertEquals(EXPECTED, kind.apply(input).value());
    }
  }

  @Test
  void memberLimitIsInclusive(@TempDir Path dir) throws IOException {
    byte[] sixteen = concat(repeat(gzip(new byte[0]), 15), gzip(REPORT));
    byte[] seventeen = concat(repeat(gzip(new byte[0]), 16), gzip(REPORT));
    assertEquals(16, ReadLimits.DEFAULT.maxGzipMembers());
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.strict(), dir)) {
      assertEquals(EXPECTED, kind.apply(sixteen).value());
      ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(seventeen));
      assertEquals(ReportErrorCode.TOO_MANY_GZIP_MEMBERS, e.code(), e.getMessage());
    }
  }

  @Test
  void reportSplitOverMembersReadsAsTheirConcatenation(@TempDir Path dir) throws IOException {
    int half = REPORT.length / 2;
    byte[] input =
        concat(gzip(Arrays.copyOf(REPORT, half)), gzip(Arrays.copyOfRange(REPORT, half, REPORT.length)));
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.strict(), dir)) {
      assertEquals(EXPECTED, kind.apply(input).value());
    }
  }

  @Test
  void bytesAfterTheLastMemberAreRefusedNotIgnored(@TempDir Path dir) throws IOException {
    byte[] input = concat(gzip(REPORT), new byte[] {0, 0, 0, 0});
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.lenient(), dir)) {
      ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(input));
      assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code(), e.getMessage());
      assertTrue(e.detail().contains("00 00 follows gzip member 1"), e.detail());
    }
  }

  @ParameterizedTest(name = "flag {0}")
  @ValueSource(ints = {FNAME, FCOMMENT, FEXTRA})
  void headerFieldsAreCappedAtTheLimit(int flag, @TempDir Path dir) {
    int cap = ReadLimits.DEFAULT.maxGzipHeaderFieldBytes();
    assertEquals(1024, cap);
    byte[] atCap = member(flag, cap, REPORT);
    byte[] overCap = member(flag, cap + 1, REPORT);
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.strict(), dir)) {
      assertEquals(EXPECTED, kind.apply(atCap).value());
      ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(overCap));
      assertEquals(ReportErrorCode.GZIP_HEADER_FIELD_TOO_LONG, e.code(), e.getMessage());
      assertTrue(e.detail().contains("maxGzipHeaderFieldBytes"), e.detail());
    }
    TlsRptReader raised =
        TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxGzipHeaderFieldBytes(cap + 1));
    assertEquals(EXPECTED, raised.read(overCap).value());
  }

  @Test
  void hugeFileNameIsRefusedAfterReadingLittleOfIt() {
    // Issue 13 item 6: a 17 MiB FNAME was read byte by byte to the 16 MiB compressed limit.
    byte[] input = member(FNAME, 17 << 20, REPORT);
    CountingStream counting = new CountingStream(new ByteArrayInputStream(input));
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(counting));
    assertEquals(ReportErrorCode.GZIP_HEADER_FIELD_TOO_LONG, e.code(), e.getMessage());
    assertTrue(counting.count <= 16 << 10, "read " + counting.count + " bytes");
    // In memory, input over the compressed limit is refused before any inflating; below it the
    // header field is refused by its own cap.
    byte[] eightMib = member(FNAME, 8 << 20, REPORT);
    ReportParseException e2 =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(eightMib));
    assertEquals(ReportErrorCode.GZIP_HEADER_FIELD_TOO_LONG, e2.code(), e2.getMessage());
  }

  @Test
  void headerChecksumIsVerified() {
    byte[] good = member(FHCRC | FNAME, 10, REPORT);
    assertEquals(EXPECTED, TlsRptReader.strict().read(good).value());
    byte[] bad = good.clone();
    // The two CRC16 bytes follow the header: 10 fixed bytes, 10 name bytes and its terminator.
    bad[21] ^= 1;
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(bad));
    assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code());
    assertTrue(e.detail().contains("FHCRC"), e.detail());
  }

  @Test
  void reservedFlagBitsAreRefused() {
    byte[] input = gzip(REPORT);
    input[3] = (byte) 0x20;
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
    assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code());
  }

  @Test
  void wrongChecksumTruncationAndOtherMethodsAreCorrupt() {
    byte[] crc = gzip(REPORT);
    crc[crc.length - 8] ^= 1;
    byte[] truncated = Arrays.copyOf(gzip(REPORT), gzip(REPORT).length - 3);
    byte[] inData = Arrays.copyOf(gzip(REPORT), 14);
    byte[] method = gzip(REPORT);
    method[2] = 7;
    for (byte[] input : List.of(crc, truncated, inData, method, new byte[] {0x1f, (byte) 0x8b})) {
      ReportParseException e =
          assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(input));
      assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code(), e.getMessage());
      ReportParseException e2 =
          assertThrows(
              ReportParseException.class,
              () -> TlsRptReader.lenient().read(new ByteArrayInputStream(input)));
      assertEquals(ReportErrorCode.CORRUPT_GZIP, e2.code(), e2.getMessage());
    }
  }

  @Test
  void aGzipFaultIsTheReasonEvenWhenTheJsonBeforeItIsMalformed(@TempDir Path dir) {
    // The parser reads the inflating stream and meets the JSON error first; the reader still
    // reads the gzip data to its end and names the gzip fault, as when it inflated everything
    // before parsing.
    byte[] malformed = Arrays.copyOf(REPORT, REPORT.length / 2);
    byte[] badCrc = gzip(malformed);
    badCrc[badCrc.length - 8] ^= 1;
    byte[] corruptSecondMember = concat(gzip(malformed), new byte[] {0x1f, (byte) 0x8b, 8, 0});
    for (byte[] input : List.of(badCrc, corruptSecondMember)) {
      for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(TlsRptReader.lenient(), dir)) {
        ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(input));
        assertEquals(ReportErrorCode.CORRUPT_GZIP, e.code(), e.getMessage());
      }
    }
    ReportParseException json =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(gzip(malformed)));
    assertEquals(ReportErrorCode.MALFORMED_JSON, json.code(), json.getMessage());
  }

  @Test
  void aReportInLargeGzipIsReadAsItInflatesWithTheSameLimits(@TempDir Path dir) {
    // Far more than one read buffer of the parser, split over three members: the stream is read
    // in many pieces and each member's checks still apply.
    String padding = " ".repeat(200_000);
    byte[] big = (new String(REPORT, StandardCharsets.UTF_8) + padding).getBytes(StandardCharsets.UTF_8);
    int third = big.length / 3;
    byte[] input = concat(concat(gzip(Arrays.copyOfRange(big, 0, third)),
        gzip(Arrays.copyOfRange(big, third, 2 * third))), gzip(Arrays.copyOfRange(big, 2 * third, big.length)));
    TlsRptReader exact = TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(big.length));
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(exact, dir)) {
      assertEquals(EXPECTED, kind.apply(input).value());
    }
    TlsRptReader below = TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(big.length - 1));
    for (Function<byte[], ParseResult<TlsRptReport>> kind : inputKinds(below, dir)) {
      ReportParseException e = assertThrows(ReportParseException.class, () -> kind.apply(input));
      assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.code(), e.getMessage());
    }
  }

  @Test
  void compressedInputOverTheLimitIsRefusedInMemoryToo() {
    // A stored (level 0) deflate stream is larger than its content.
    byte[] stored = member(0, 0, REPORT, Deflater.NO_COMPRESSION);
    TlsRptReader reader =
        TlsRptReader.strict().withLimits(ReadLimits.DEFAULT.withMaxDocumentBytes(REPORT.length + 1));
    ReportParseException e = assertThrows(ReportParseException.class, () -> reader.read(stored));
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.code(), e.getMessage());
    assertTrue(e.detail().contains("compressed input"), e.detail());
  }

  @Test
  void aStreamThatFailsUnexpectedlyGivesATypedErrorNotItsException() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() {
            throw new IllegalStateException("stream in a broken state");
          }
        };
    ReportParseException e =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(broken));
    assertEquals(ReportErrorCode.UNEXPECTED_FAILURE, e.code(), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
    InputStream overflowing =
        new InputStream() {
          @Override
          public int read() {
            throw new StackOverflowError();
          }
        };
    ReportParseException e2 =
        assertThrows(ReportParseException.class, () -> TlsRptReader.lenient().read(overflowing));
    assertEquals(ReportErrorCode.UNEXPECTED_FAILURE, e2.code(), e2.getMessage());
  }

  @Test
  void limitsRefuseNonPositiveGzipBounds() {
    assertThrows(IllegalArgumentException.class, () -> ReadLimits.DEFAULT.withMaxGzipMembers(0));
    assertThrows(
        IllegalArgumentException.class, () -> ReadLimits.DEFAULT.withMaxGzipHeaderFieldBytes(0));
  }

  /** One gzip member with the optional header fields {@code flags} asks for, each {@code size} bytes. */
  private static byte[] member(int flags, int size, byte[] content) {
    return member(flags, size, content, Deflater.DEFAULT_COMPRESSION);
  }

  private static byte[] member(int flags, int size, byte[] content, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x1f);
    out.write(0x8b);
    out.write(8);
    out.write(flags);
    out.writeBytes(new byte[] {0, 0, 0, 0, 0, (byte) 0xff});
    if ((flags & FEXTRA) != 0) {
      out.write(size & 0xff);
      out.write(size >>> 8);
      out.writeBytes(filled(size, (byte) 'x'));
    }
    if ((flags & FNAME) != 0) {
      out.writeBytes(filled(size, (byte) 'n'));
      out.write(0);
    }
    if ((flags & FCOMMENT) != 0) {
      out.writeBytes(filled(size, (byte) 'c'));
      out.write(0);
    }
    if ((flags & FHCRC) != 0) {
      CRC32 crc = new CRC32();
      crc.update(out.toByteArray());
      out.write((int) crc.getValue() & 0xff);
      out.write((int) (crc.getValue() >>> 8) & 0xff);
    }
    Deflater deflater = new Deflater(level, true);
    deflater.setInput(content);
    deflater.finish();
    byte[] buf = new byte[content.length + 1024];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(content);
    long[] trailer = {crc.getValue(), content.length};
    for (long v : trailer) {
      for (int i = 0; i < 4; i++) {
        out.write((int) (v >>> (8 * i)) & 0xff);
      }
    }
    return out.toByteArray();
  }

  private static byte[] filled(int size, byte b) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, b);
    return bytes;
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static byte[] repeat(byte[] bytes, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < times; i++) {
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
