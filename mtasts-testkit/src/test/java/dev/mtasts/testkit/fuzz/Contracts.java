package dev.mtasts.testkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.RecordParseException;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.lifecycle.HistoryFormatException;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.LineEnding;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The contract of every parser, checked on one input: it returns a value or throws its documented
 * exception (a subclass of {@code MtaStsException}), never anything else; and a returned value
 * serializes and parses back equal. Shared by the Jazzer fuzz tests and the corpus replay, so a
 * corpus file and a fuzzer finding are judged by the same rules.
 */
final class Contracts {
  private Contracts() {}

  /**
   * Policy file (RFC 8461 §3.2), strict and lenient: a parsed policy round-trips through its
   * canonical text with either line end, and the canonical text is a fixed point.
   */
  static void policy(byte[] input) {
    String text = strictUtf8(input);
    for (PolicyParser parser : new PolicyParser[] {PolicyParser.strict(), PolicyParser.lenient()}) {
      MtaStsPolicy policy = parseOrNull(() -> parser.parse(input).value());
      // The three entry points are one parser: bytes, stream and (well-formed) text agree.
      assertEquals(policy, parseOrNull(() -> parser.parse(new ByteArrayInputStream(input)).value()), "stream and bytes agree");
      if (text != null) {
        assertEquals(policy, parseOrNull(() -> parser.parse(text).value()), "text and bytes agree");
      }
      if (policy == null) {
        continue;
      }
      String canonical = policy.toText();
      assertEquals(policy, MtaStsPolicy.parse(canonical), "canonical CRLF text parses back equal");
      assertEquals(policy, MtaStsPolicy.parse(policy.toText(LineEnding.LF)), "canonical LF text parses back equal");
      assertEquals(canonical, MtaStsPolicy.parse(canonical).toText(), "canonical text is a fixed point");
    }
  }

  private static @Nullable MtaStsPolicy parseOrNull(Supplier<MtaStsPolicy> parse) {
    try {
      return parse.get();
    } catch (PolicyParseException documented) {
      return null;
    }
  }

  /** Returns the text of well-formed UTF-8, or {@code null} for malformed input. */
  static @Nullable String strictUtf8(byte[] input) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** {@code _mta-sts} TXT record (RFC 8461 §3.1), strict and lenient. */
  static void stsRecord(String input) {
    try {
      StsRecord r = StsRecord.parse(input);
      assertEquals(r, StsRecord.parse(r.toText()), "strict record parses back equal");
    } catch (RecordParseException documented) {
      // refused: allowed
    }
    try {
      StsRecord r = StsRecord.parseLenient(input).value();
      assertEquals(r, StsRecord.parseLenient(r.toText()).value(), "lenient record parses back equal");
    } catch (RecordParseException documented) {
      // refused: allowed
    }
  }

  /** {@code _smtp._tls} TXT record (RFC 8460 §3), strict and lenient. */
  static void tlsRptRecord(String input) {
    try {
      TlsRptRecord r = TlsRptRecord.parse(input);
      assertEquals(r, TlsRptRecord.parse(r.toText()), "strict record parses back equal");
    } catch (RecordParseException documented) {
      // refused: allowed
    }
    try {
      TlsRptRecord r = TlsRptRecord.parseLenient(input).value();
      assertEquals(r, TlsRptRecord.parseLenient(r.toText()).value(), "lenient record parses back equal");
    } catch (RecordParseException documented) {
      // refused: allowed
    }
  }

  /**
   * TLS-RPT report bytes (JSON, or gzip detected by its magic bytes), strict and lenient: a read
   * report written as compact JSON and as gzip reads back equal with the same reader.
   */
  static void report(byte[] input) {
    String text = input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b ? null : strictUtf8(input);
    for (TlsRptReader reader : new TlsRptReader[] {TlsRptReader.strict(), TlsRptReader.lenient()}) {
      TlsRptReport report = readOrNull(() -> reader.read(input).value());
      assertEquals(report, readOrNull(() -> reader.read(new ByteArrayInputStream(input)).value()), "stream and bytes agree");
      if (text != null) {
        assertEquals(report, readOrNull(() -> reader.read(text).value()), "text and bytes agree");
      }
      if (report == null) {
        continue;
      }
      assertEquals(report, reader.read(TlsRptWriter.compact().write(report)).value(), "compact JSON reads back equal");
      assertEquals(report, reader.read(TlsRptWriter.pretty().writeString(report)).value(), "pretty JSON reads back equal");
      assertEquals(report, reader.read(TlsRptWriter.compact().writeGzip(report)).value(), "gzip reads back equal");
    }
  }

  private static @Nullable TlsRptReport readOrNull(Supplier<TlsRptReport> read) {
    try {
      return read.get();
    } catch (ReportParseException documented) {
      return null;
    }
  }

  /** The same as {@link #report(byte[])} on the input compressed with gzip. */
  static void gzipReport(byte[] input) {
    report(gzip(input));
  }

  /**
   * The gzip member path (RFC 1952) on raw bytes behind the gzip magic number: the report
   * contract, and a differential check against the JDK. Whatever the reader inflates and reads,
   * {@link GZIPInputStream} (which is more lenient: it ignores trailing bytes and reserved flags)
   * inflates to a document that reads as the same report, so the member loop, the header fields
   * and the trailer checks never invent or drop content.
   */
  static void gzipMembers(byte[] input) {
    byte[] gz = input;
    if (input.length < 2 || (input[0] & 0xff) != 0x1f || (input[1] & 0xff) != 0x8b) {
      gz = new byte[input.length + 2];
      gz[0] = 0x1f;
      gz[1] = (byte) 0x8b;
      System.arraycopy(input, 0, gz, 2, input.length);
    }
    report(gz);
    byte[] bytes = gz;
    for (TlsRptReader reader : new TlsRptReader[] {TlsRptReader.strict(), TlsRptReader.lenient()}) {
      TlsRptReport report = readOrNull(() -> reader.read(bytes).value());
      if (report == null) {
        continue;
      }
      byte[] plain;
      try (GZIPInputStream jdk = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        plain = jdk.readAllBytes();
      } catch (IOException e) {
        throw new AssertionError("the reader accepted gzip data the JDK refuses: " + e.getMessage(), e);
      }
      assertEquals(report, reader.read(plain).value(), "the JDK's inflated document reads the same");
    }
  }

  /** Publication history JSON: a parsed history round-trips through {@code toJson()}. */
  static void history(String input) {
    PublicationHistory history;
    try {
      history = PublicationHistory.parse(input);
    } catch (HistoryFormatException documented) {
      return;
    }
    assertEquals(history, PublicationHistory.parse(history.toJson()), "history parses back equal");
  }

  /**
   * The saved-summary reader ({@link ReportSummary#fromBytes(byte[])}) on the input as it is and
   * framed as content behind a valid header and checksum: a summary or {@link
   * SummaryFormatException}, never anything else; a summary writes bytes that read back equal
   * and write the same bytes again.
   */
  static void summary(byte[] input) {
    byte[] framed = new byte[8 + input.length + 4];
    framed[0] = 'T';
    framed[1] = 'R';
    framed[2] = 'S';
    framed[3] = 1;
    putInt(framed, 4, input.length);
    System.arraycopy(input, 0, framed, 8, input.length);
    CRC32C crc = new CRC32C();
    crc.update(framed, 0, 8 + input.length);
    putInt(framed, 8 + input.length, (int) crc.getValue());
    for (byte[] bytes : new byte[][] {input, framed}) {
      ReportSummary s;
      try {
        s = ReportSummary.fromBytes(bytes);
      } catch (SummaryFormatException documented) {
        assertTrue(documented.offset() >= 0 && documented.offset() <= bytes.length, "offset in the input");
        continue;
      }
      byte[] written = s.toBytes();
      ReportSummary back = ReportSummary.fromBytes(written);
      assertEquals(s, back, "a summary reads back equal");
      assertArrayEquals(written, back.toBytes(), "a summary writes the same bytes again");
      for (String d : s.domains()) {
        s.domain(d).failureGroups();
      }
    }
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static byte[] gzip(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String utf8(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }
}
