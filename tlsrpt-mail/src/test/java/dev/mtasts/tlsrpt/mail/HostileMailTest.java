package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile mail: each is refused with a typed reason, in bounded time and memory. */
final class HostileMailTest {

  static final String NAME = ReportMailReaderTest.NAME;

  static MailParseException refused(byte[] mail) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThrows(MailParseException.class, () -> ReportMailReader.lenient().read(mail)));
  }

  /** Produces a message lazily: the head, then {@code count} copies of one byte, then the tail. */
  static final class Generated extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final byte fill;
    private final long count;
    private long pos;
    long served;

    Generated(String head, byte fill, long count, String tail) {
      this.head = head.getBytes(StandardCharsets.US_ASCII);
      this.tail = tail.getBytes(StandardCharsets.US_ASCII);
      this.fill = fill;
      this.count = count;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + count + tail.length;
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      for (int i = 0; i < n; i++) {
        long p = pos + i;
        b[off + i] = p < head.length ? head[(int) p]
            : p < head.length + count ? fill : tail[(int) (p - head.length - count)];
      }
      pos += n;
      served += n;
      return n;
    }
  }

  @Test
  void tenThousandPartsAreRefusedAsTooManyParts() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      body.append("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n");
    }
    body.append("--b--\r\n");
    byte[] mail = (Mails.HEADERS + "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.TOO_MANY_PARTS, e.code());
    assertEquals("part 1", e.location().name());
  }

  @Test
  void nestingOneThousandDeepIsRefusedAsTooDeep() {
    StringBuilder sb = new StringBuilder(Mails.HEADERS)
        .append("Content-Type: multipart/mixed; boundary=b0\r\n\r\n");
    for (int i = 1; i <= 1000; i++) {
      sb.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=b")
          .append(i).append("\r\n\r\n");
    }
    for (int i = 1000; i >= 0; i--) {
      sb.append("--b").append(i).append("--\r\n");
    }
    MailParseException e = refused(sb.toString().getBytes(StandardCharsets.US_ASCII));
    assertEquals(MailErrorCode.NESTING_TOO_DEEP, e.code());
    assertTrue(e.location().name().startsWith("part 1.1.1.1.1.1.1.1.1"), e.location().name());
  }

  @Test
  void aBase64GzipBombIsRefusedByTheReportReadersLimit() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      out.write('{');
      for (int i = 0; i < 64; i++) {
        out.write(zeros);
      }
    }
    byte[] mail = Mails.multipart("", "multipart/report; report-type=tlsrpt; boundary=b1", "b1",
        "Content-Type: text/plain", "A report.", ReportMailReaderTest.gzipPart(
            "application/tlsrpt+gzip"), Mails.base64(gz.toByteArray()));
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.INVALID_REPORT, e.code());
    assertEquals(ReportErrorCode.INPUT_TOO_LARGE, e.reportError().orElseThrow().code());
    assertEquals("part 2", e.location().name());
  }

  @Test
  void aHundredMegabyteHeaderLineIsRefusedAfterReadingLittleMoreThanTheLineLimit() {
    Generated in = new Generated(Mails.HEADERS + "Subject: ", (byte) 'a', 100L << 20,
        "\r\n\r\nbody\r\n");
    MailParseException e = assertThrows(MailParseException.class,
        () -> ReportMailReader.lenient().read(in));
    assertEquals(MailErrorCode.LINE_TOO_LONG, e.code());
    assertEquals("line 6", e.location().name());
    assertTrue(in.served < (1 << 20) + 64 * 1024, "read " + in.served + " bytes");
  }

  @Test
  void aMessageOverTheSizeLimitIsRefusedWithoutReadingItAll() {
    // 30 MiB of short lines: over the 25 MiB message limit, every line within its limit.
    Generated in = new Generated(Mails.HEADERS + "Subject: big\r\n\r\n", (byte) '\n', 30L << 20,
        "");
    MailParseException e = assertThrows(MailParseException.class,
        () -> ReportMailReader.lenient().read(in));
    assertEquals(MailErrorCode.INPUT_TOO_LARGE, e.code());
    assertTrue(in.served < (25L << 20) + 64 * 1024, "read " + in.served + " bytes");
  }

  @Test
  void aZipRenamedJsonGzIsRefusedAsAZipAttachment() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("report.json"));
      out.write(TlsRptWriter.compact().write(ReportMailReaderTest.REPORT));
      out.closeEntry();
    }
    byte[] mail = Mails.multipart("", "multipart/mixed; boundary=b1", "b1",
        "Content-Type: text/plain", "A report.",
        ReportMailReaderTest.gzipPart("application/gzip"), Mails.base64(zip.toByteArray()));
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.ZIP_ATTACHMENT, e.code());
    assertEquals("part 2", e.location().name());
  }

  @Test
  void invalidCharsetsLeaveTheReportReadable() {
    String headers = "TLS-Report-Domain: example.com\r\nTLS-Report-Submitter: sender.example\r\n"
        + "Subject: =?x-no-such-charset?B?UmVwb3J0?=\r\n";
    ReportMail m = assertInstanceOf(ReportMail.class, ReportMailReader.lenient().read(
        Mails.multipart(headers, "multipart/report; report-type=tlsrpt; boundary=b1", "b1",
            "Content-Type: text/plain; charset=x-no-such-charset", "A r\u00e9port.",
            "Content-Type: application/tlsrpt+gzip; charset=\"\u00ff\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"=?bogus?Q?x?=\"",
            Mails.gzipBase64(ReportMailReaderTest.REPORT))));
    assertEquals(java.util.List.of(ReportMailReaderTest.REPORT), m.reports());
    assertEquals("=?x-no-such-charset?B?UmVwb3J0?=", m.headers().subject());
    assertEquals("=?bogus?Q?x?=", m.attachments().get(0).fileName());
  }

  @Test
  void aNulByteInTheHeaderSectionIsRefused() {
    byte[] mail = (Mails.HEADERS + "Subject: a\u0000b\r\n\r\nbody\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.NUL_IN_HEADER, e.code());
    assertEquals("line 6", e.location().name());
  }

  @Test
  void aNulByteInTheReportIsAnInvalidReport() {
    byte[] mail = Mails.multipart("", "multipart/report; report-type=tlsrpt; boundary=b1", "b1",
        "Content-Type: text/plain", "A report.",
        "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: binary",
        "{\"organization-name\": \"a\u0000b\"}");
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.INVALID_REPORT, e.code());
  }

  @Test
  void anUnknownTransferEncodingIsRefused() {
    byte[] mail = Mails.multipart("", "multipart/report; report-type=tlsrpt; boundary=b1", "b1",
        "Content-Type: text/plain", "A report.",
        "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: x-rot13", "abc");
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.UNKNOWN_TRANSFER_ENCODING, e.code());
  }

  @Test
  void aMultipartWithoutAnyBoundaryLineIsMalformed() {
    byte[] mail = (Mails.HEADERS + "Content-Type: multipart/report; report-type=tlsrpt\r\n\r\n"
        + "no boundary here\r\n").getBytes(StandardCharsets.US_ASCII);
    MailParseException e = refused(mail);
    assertEquals(MailErrorCode.MALFORMED_MIME, e.code());
  }

  static byte[] bytes(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
