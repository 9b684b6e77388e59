package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.policy.ProblemCode;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What real senders send instead of the RFC 8460 §5.3 form, each read with its warning. */
final class ReportMailReaderTest {

  static final GeneratedReport GENERATED = ReportMailWriterTest.generated();
  static final TlsRptReport REPORT = GENERATED.report();
  static final String NAME = GENERATED.fileName().fileName();

  static ReportMail read(byte[] mail) {
    MailOutcome o = ReportMailReader.lenient().read(mail);
    return assertInstanceOf(ReportMail.class, o, o.toString());
  }

  static List<ProblemCode> kinds(ReportMail m) {
    return m.warnings().stream().map(Warning::code).toList();
  }

  static String gzipPart(String type) {
    return "Content-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"" + NAME + "\"";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "multipart/report; report-type=tlsrpt; boundary=\"b1\"",
      "multipart/report; boundary=\"b1\"; report-type=\"tlsrpt\"",
      "multipart/report; boundary=b1; REPORT-TYPE=TLSRPT",
      "Multipart/Report;\r\n\treport-type=tlsrpt;\r\n boundary=\"b1\""})
  void readsTheReportTypeParameterQuotedOrNotInAnyOrderAndCase(String contentType) {
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        contentType, "b1", "Content-Type: text/plain", "A report.",
        gzipPart("application/tlsrpt+gzip"), Mails.gzipBase64(REPORT)));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals(List.of(), m.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/gzip", "application/x-gzip", "application/octet-stream"})
  void readsAGzipReportSentWithAnotherMediaTypeAndWarns(String type) {
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        "multipart/mixed; boundary=b1", "b1", "Content-Type: text/plain", "A report.",
        gzipPart(type), Mails.gzipBase64(REPORT)));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals(List.of(MailErrorCode.NOT_MULTIPART_REPORT,
        MailErrorCode.NONSTANDARD_MEDIA_TYPE), kinds(m));
  }

  @Test
  void readsPlainJsonSentAsApplicationJsonWithAJsonFileName() {
    String json = TlsRptWriter.compact().writeString(REPORT);
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", "Content-Type: application/json\r\nContent-Disposition: attachment;"
            + " filename=\"" + NAME.replace(".json.gz", ".json") + "\"", json));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals(List.of(MailErrorCode.NONSTANDARD_MEDIA_TYPE), kinds(m));
  }

  @Test
  void readsQuotedPrintableJson() {
    String json = TlsRptWriter.compact().writeString(REPORT);
    StringBuilder qp = new StringBuilder();
    for (int i = 0; i < json.length(); i += 60) {
      qp.append(json.substring(i, Math.min(json.length(), i + 60)).replace("=", "=3D"))
          .append("=\r\n");
    }
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding:"
            + " quoted-printable\r\nContent-Disposition: attachment; filename=\""
            + NAME.replace(".json.gz", ".json") + "\"", qp.toString()));
    assertEquals(List.of(REPORT), m.reports());
  }

  @Test
  void readsAReportNestedInAMultipartMixedAGatewayWrappedAround() {
    String inner = "Content-Type: multipart/report; report-type=tlsrpt; boundary=b2\r\n\r\n"
        + "--b2\r\nContent-Type: text/plain\r\n\r\nA report.\r\n"
        + "--b2\r\n" + gzipPart("application/tlsrpt+gzip") + "\r\n\r\n"
        + Mails.gzipBase64(REPORT) + "\r\n--b2--";
    int split = inner.indexOf("\r\n\r\n");
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        "multipart/mixed; boundary=b1", "b1",
        "Content-Type: text/plain", "External e-mail: be careful.",
        inner.substring(0, split), inner.substring(split + 4)));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals("2.2", m.attachments().get(0).part());
    assertEquals(List.of(), m.warnings());
  }

  @Test
  void readsAReportPartWithoutFileNameAndWarns() {
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("example.com", "sender.example"),
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64",
        Mails.gzipBase64(REPORT)));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals(List.of(MailErrorCode.MISSING_FILE_NAME), kinds(m));
  }

  @Test
  void readsAFoldedSubjectWithAReportIdWithoutAngleBrackets() {
    String headers = "TLS-Report-Domain: example.com\r\nTLS-Report-Submitter: sender.example\r\n"
        + "Subject: Report Domain: example.com Submitter: sender.example Report-ID:\r\n"
        + "  r1+example.com\r\n";
    ReportMail m = read(Mails.multipart(headers,
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", gzipPart("application/tlsrpt+gzip"), Mails.gzipBase64(REPORT)));
    assertEquals("r1+example.com", m.headers().subjectFields().orElseThrow().reportId());
    assertEquals(List.of(), m.warnings());
  }

  @Test
  void headersThatDisagreeWithTheBodyAreWarningsAndTheBodyWins() {
    ReportMail m = read(Mails.multipart(Mails.reportHeaders("other.example", "elsewhere.example"),
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", gzipPart("application/tlsrpt+gzip"), Mails.gzipBase64(REPORT)));
    assertEquals(List.of(REPORT), m.reports());
    assertEquals(List.of(MailErrorCode.HEADER_MISMATCH, MailErrorCode.HEADER_MISMATCH,
        MailErrorCode.SUBJECT_MISMATCH, MailErrorCode.SUBJECT_MISMATCH), kinds(m));
  }

  @Test
  void missingReportHeaderFieldsAreWarnings() {
    ReportMail m = read(Mails.multipart("Subject: TLS report\r\n",
        "multipart/report; report-type=tlsrpt; boundary=b1", "b1", "Content-Type: text/plain",
        "A report.", gzipPart("application/tlsrpt+gzip"), Mails.gzipBase64(REPORT)));
    assertEquals(List.of(MailErrorCode.MISSING_HEADER, MailErrorCode.MISSING_HEADER,
        MailErrorCode.SUBJECT_NOT_RFC), kinds(m));
  }

  @Test
  void aMailWithoutReportIsNotAReportMail() {
    byte[] mail = (Mails.HEADERS + "Subject: hello\r\nContent-Type: text/plain\r\n\r\nHi.\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    NotReportMail n = assertInstanceOf(NotReportMail.class, ReportMailReader.lenient().read(mail));
    assertEquals("hello", n.headers().subject());
  }

  @Test
  void aBounceOfAReportMailIsNotAReportMail() {
    byte[] report = ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(GENERATED, "tlsrpt@sender.example", "reports@example.com");
    byte[] mail = Mails.multipart("Subject: Undelivered Mail\r\n",
        "multipart/report; report-type=delivery-status; boundary=b1", "b1",
        "Content-Type: text/plain", "Your message could not be delivered.",
        "Content-Type: message/delivery-status", "Final-Recipient: rfc822; a@example.com",
        "Content-Type: message/rfc822", new String(report, StandardCharsets.ISO_8859_1));
    NotReportMail n = assertInstanceOf(NotReportMail.class, ReportMailReader.lenient().read(mail));
    assertTrue(n.reason().contains("delivery-status"), n.reason());
  }

  @Test
  void anUnrelatedJsonAttachmentIsNotAReportMail() {
    byte[] mail = Mails.multipart("Subject: our config\r\n", "multipart/mixed; boundary=b1", "b1",
        "Content-Type: text/plain", "See attached.",
        "Content-Type: application/json\r\nContent-Disposition: attachment; filename=package.json",
        "{\"name\": \"x\"}");
    NotReportMail n = assertInstanceOf(NotReportMail.class, ReportMailReader.lenient().read(mail));
    assertTrue(n.reason().contains("not a report"), n.reason());
  }

  @Test
  void readingAMailLeavesTheJvmWideStreamProviderPropertyAlone() {
    assumeTrue(System.getProperty("jakarta.mail.util.StreamProvider") == null,
        "something else in this JVM set the property");
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    read(ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(GENERATED, "tlsrpt@sender.example", "reports@example.com"));
    // The lookup is answered per parse (StreamProviderLookup), not by a system property.
    assertNull(System.getProperty("jakarta.mail.util.StreamProvider"));
    assertSame(before, Thread.currentThread().getContextClassLoader());
  }
}
