package dev.mtasts.testkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

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
    for (PolicyParser parser : new PolicyParser[] {PolicyParser.strict(), PolicyParser.lenient()}) {
      MtaStsPolicy policy;
      try {
        policy = parser.parse(input).policy();
      } catch (PolicyParseException documented) {
        continue;
      }
      String text = policy.toText();
      assertEquals(policy, MtaStsPolicy.parse(text), "canonical CRLF text parses back equal");
      assertEquals(policy, MtaStsPolicy.parse(policy.toText(LineEnding.LF)), "canonical LF text parses back equal");
      assertEquals(text, MtaStsPolicy.parse(text).toText(), "canonical text is a fixed point");
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
      StsRecord r = StsRecord.parseLenient(input).record();
      assertEquals(r, StsRecord.parseLenient(r.toText()).record(), "lenient record parses back equal");
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
      TlsRptRecord r = TlsRptRecord.parseLenient(input).record();
      assertEquals(r, TlsRptRecord.parseLenient(r.toText()).record(), "lenient record parses back equal");
    } catch (RecordParseException documented) {
      // refused: allowed
    }
  }

  /**
   * TLS-RPT report bytes (JSON, or gzip detected by its magic bytes), strict and tolerant: a read
   * report written as compact JSON and as gzip reads back equal with the same reader.
   */
  static void report(byte[] input) {
    for (TlsRptReader reader : new TlsRptReader[] {TlsRptReader.strict(), TlsRptReader.tolerant()}) {
      TlsRptReport report;
      try {
        report = reader.read(input).report();
      } catch (ReportParseException documented) {
        continue;
      }
      assertEquals(report, reader.read(TlsRptWriter.compact().write(report)).report(), "compact JSON reads back equal");
      assertEquals(report, reader.read(TlsRptWriter.pretty().writeString(report)).report(), "pretty JSON reads back equal");
      assertEquals(report, reader.read(TlsRptWriter.compact().writeGzip(report)).report(), "gzip reads back equal");
    }
  }

  /** The same as {@link #report(byte[])} on the input compressed with gzip. */
  static void gzipReport(byte[] input) {
    report(gzip(input));
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
