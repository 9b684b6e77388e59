package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReportMailWriterTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T06:07:08Z"), ZoneOffset.UTC);

  static GeneratedReport generated() {
    return generated("sender.example");
  }

  static GeneratedReport generated(String senderDomain) {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder(
        "Example Sender", "tlsrpt@sender.example", senderDomain);
    AppliedPolicy sts = AppliedPolicy.sts("example.com",
        List.of("version: STSv1", "mode: enforce", "mx: mx.example.com", "max_age: 604800"),
        List.of("mx.example.com"));
    Instant when = Instant.parse("2026-11-24T10:00:00Z");
    b.recordSuccesses(sts, when, 41);
    b.recordFailure(sts, when, FailureDetail.of(
        ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.example.com", 1));
    return b.drainAll().get(0);
  }

  @Test
  void writesTheRfc8460Section53Message() {
    GeneratedReport r = generated();
    String mail = new String(ReportMailWriter.of(CLOCK)
        .write(r, "tlsrpt@sender.example", "reports@example.com"), StandardCharsets.US_ASCII);
    String headers = mail.substring(0, mail.indexOf("\r\n\r\n"));
    List<String> lines = List.of(headers.split("\r\n"));
    assertTrue(lines.contains("TLS-Report-Domain: example.com"), headers);
    assertTrue(lines.contains("TLS-Report-Submitter: sender.example"), headers);
    assertTrue(lines.contains("Auto-Submitted: auto-generated"), headers);
    assertTrue(lines.contains("TLS-Required: No"), headers);
    assertTrue(lines.contains("Date: Wed, 25 Nov 2026 06:07:08 +0000"), headers);
    assertTrue(lines.contains("From: tlsrpt@sender.example"), mail);
    assertTrue(lines.contains("To: reports@example.com"), headers);
    assertTrue(headers.contains("report-type=\"tlsrpt\""), headers);
    assertTrue(headers.contains("Content-Type: multipart/report;"), headers);
    assertTrue(mail.contains("Content-Type: application/tlsrpt+gzip\r\n"), mail);
    assertTrue(mail.contains("Content-Transfer-Encoding: base64\r\n"), mail);
    assertTrue(mail.contains("\tfilename=\"" + r.fileName().fileName() + "\"\r\n"), mail);
    // The human-readable part comes first (RFC 6522 §3).
    assertTrue(mail.indexOf("text/plain") < mail.indexOf("application/tlsrpt+gzip"), mail);
  }

  @Test
  void whatItWritesReadsBackToTheSameReportWithoutWarnings() {
    GeneratedReport r = generated();
    byte[] mail = ReportMailWriter.of(CLOCK).write(r, "tlsrpt@sender.example", "a@example.com");
    ReportMail back = (ReportMail) ReportMailReader.lenient().read(mail);
    assertEquals(List.of(r.report()), back.reports());
    assertEquals(List.of(), back.warnings());
    assertEquals(r.fileName().fileName(), back.attachments().get(0).fileName());
    ReportSubject s = back.headers().subjectFields().orElseThrow();
    assertEquals("example.com", s.policyDomain());
    assertEquals("sender.example", s.submitter());
    assertEquals("<" + s.reportId() + ">", back.headers().messageId());
  }

  @Test
  void aSendingDomainOtherThanTheContactInfoDomainIsTheOneWarningOnReadingBack() {
    GeneratedReport r = generated("mta.sender.example");
    byte[] mail = ReportMailWriter.of(CLOCK).write(r, "tlsrpt@sender.example", "a@example.com");
    ReportMail back = (ReportMail) ReportMailReader.lenient().read(mail);
    assertEquals(List.of(r.report()), back.reports());
    assertEquals(List.of(MailErrorCode.FILE_NAME_MISMATCH),
        back.warnings().stream().map(Warning::code).toList());
    // RFC 8460 §5.3: the submitter is the contact-info domain, not the file name's sender.
    assertEquals("sender.example", back.headers().reportSubmitter());
  }

  @Test
  void refusesAnAddressThatIsNotRfc5322() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportMailWriter.of(CLOCK).write(generated(), "not an address", "a@example.com"));
    assertTrue(e.getMessage().contains("from address"), e.getMessage());
  }
}
