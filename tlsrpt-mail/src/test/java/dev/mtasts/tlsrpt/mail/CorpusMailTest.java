package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ProblemCode;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class CorpusMailTest {

  static Stream<Path> emls() {
    return Corpus.emls().stream();
  }

  @ParameterizedTest
  @MethodSource("emls")
  void everyCorpusMailReadsToTheReportOfItsExtractedAttachment(Path eml) {
    MailOutcome outcome = ReportMailReader.lenient().read(eml);
    ReportMail mail = assertInstanceOf(ReportMail.class, outcome, eml + ": " + outcome);
    assertEquals(1, mail.attachments().size(), eml.toString());
    Map<String, Corpus.Entry> sources = Corpus.sources();
    Optional<Corpus.Entry> extracted =
        Corpus.extractedFrom(sources, "tlsrpt/eml/" + eml.getFileName());
    if (extracted.isEmpty()) {
      // SOURCES.md names no extracted sibling (the RFC-style examples): the mail still holds a
      // report whose header fields agree with it.
      assertTrue(mail.headers().reportDomain() != null, eml.toString());
      return;
    }
    Path sibling = Corpus.dir().resolve(extracted.get().file());
    TlsRptReport expected = TlsRptReader.lenient().read(sibling).value();
    assertEquals(expected, mail.reports().get(0), eml.toString());
    Corpus.originalFileName(extracted.get())
        .ifPresent(name -> assertEquals(name, mail.attachments().get(0).fileName()));
  }

  @Test
  void everyCorpusMailHasAnExtractedSiblingExceptTheRfcStyleExamples() {
    Map<String, Corpus.Entry> sources = Corpus.sources();
    long withSibling = Corpus.emls().stream()
        .filter(e -> Corpus.extractedFrom(sources, "tlsrpt/eml/" + e.getFileName()).isPresent())
        .count();
    long rfcStyle = Corpus.emls().stream()
        .filter(e -> e.getFileName().toString().startsWith("rfc8460-style-"))
        .count();
    assertEquals(Corpus.emls().size() - rfcStyle, withSibling);
  }

  @Test
  void realGoogleMailReadsWithoutWarnings() {
    ReportMail mail = (ReportMail) ReportMailReader.lenient()
        .read(Corpus.dir().resolve("tlsrpt/eml/google-2022-09-15.eml"));
    assertEquals(List.of(), mail.warnings());
    assertEquals("test.xmox.nl", mail.headers().reportDomain());
    assertEquals("google.com", mail.headers().reportSubmitter());
    assertEquals("<000000000000f47cc505e8c8905c@google.com>", mail.headers().messageId());
    ReportSubject s = mail.headers().subjectFields().orElseThrow();
    assertEquals("test.xmox.nl", s.policyDomain());
    assertEquals("google.com", s.submitter());
    assertEquals("2022.09.15T00.00.00Z+test.xmox.nl@google.com", s.reportId());
    assertEquals("2022-09-16T03:10:06-07:00", String.valueOf(mail.headers().date()));
    assertEquals("application/tlsrpt+gzip", mail.attachments().get(0).mediaType());
    assertEquals("2", mail.attachments().get(0).part());
  }

  @Test
  void editedAttachmentDisagreesWithItsFileNameAndTheBodyWins() {
    ReportMail mail = (ReportMail) ReportMailReader.lenient()
        .read(Corpus.dir().resolve("tlsrpt/eml/google-edited-2026-05-12-failure.eml"));
    assertTrue(mail.warnings().stream()
            .anyMatch(w -> w.code() == MailErrorCode.FILE_NAME_MISMATCH),
        mail.warnings().toString());
    assertEquals("2026-02-08T00:00:00Z",
        mail.reports().get(0).dateRange().start().toString());
  }

  @Test
  void rfcStyleExampleWarnsForEachDisagreementAndTheBodyWins() {
    ReportMail mail = (ReportMail) ReportMailReader.lenient()
        .read(Corpus.dir().resolve("tlsrpt/eml/rfc8460-style-example-gzip.eml"));
    List<ProblemCode> kinds = mail.warnings().stream().map(Warning::code).toList();
    assertTrue(kinds.contains(MailErrorCode.HEADER_MISMATCH), kinds.toString());
    assertTrue(kinds.contains(MailErrorCode.SUBJECT_MISMATCH), kinds.toString());
    assertTrue(kinds.contains(MailErrorCode.FILE_NAME_MISMATCH), kinds.toString());
    // The RFC's own example Date "Fri, May 09 2017" is not RFC 5322.
    assertTrue(kinds.contains(MailErrorCode.INVALID_DATE), kinds.toString());
    assertEquals(null, mail.headers().date());
    assertEquals("company-y.example", mail.reports().get(0).policies().get(0).policyDomain());
  }
}
