package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.testkit.MtaStsArbitraries;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Compose → parse round trips, and the reader's contract on arbitrary and mangled bytes. */
final class MailPropertiesTest {

  @Provide
  Arbitrary<GeneratedReport> generated() {
    return Combinators.combine(MtaStsArbitraries.reports(), MtaStsArbitraries.hostnames(),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).injectNull(0.3))
        .as((report, sender, unique) -> new GeneratedReport(report,
            ReportFileName.of(sender, policyDomain(report), report.dateRange(), unique, true)));
  }

  private static String policyDomain(TlsRptReport report) {
    for (PolicyResult p : report.policies()) {
      String d = p.policyDomain();
      if (d != null && d.matches("[A-Za-z0-9._-]{1,253}")) {
        return d;
      }
    }
    return "example.com";
  }

  @Property(tries = 300)
  void whatTheWriterComposesTheReaderReadsBackToTheSameReport(
      @ForAll("generated") GeneratedReport r) {
    byte[] mail = ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(r, "tlsrpt@sender.example", "tlsrpt@example.com");
    ReportMail back = (ReportMail) ReportMailReader.lenient().read(mail);
    assertEquals(List.of(r.report()), back.reports());
    assertEquals(r.fileName().fileName(), back.attachments().get(0).fileName());
    assertEquals(r.fileName().policyDomain(), back.headers().reportDomain());
    // Through an mbox too.
    List<MailEntry> entries = new ArrayList<>();
    MailSource.readMbox(new ByteArrayInputStream(MailSourceTest.mboxrd(List.of(mail, mail))),
        "box", ReportMailReader.lenient(), entries::add);
    assertEquals(2, entries.size());
    for (MailEntry e : entries) {
      assertEquals(List.of(r.report()), ((ReportMail) e.outcome()).reports());
    }
  }

  @Property(tries = 500)
  void arbitraryBytesGiveAnOutcomeOrTheDocumentedException(@ForAll byte[] input) {
    readOrRefuse(input);
  }

  @Provide
  Arbitrary<byte[]> mangled() {
    byte[] mail = ReportMailWriter.of(ReportMailWriterTest.CLOCK)
        .write(ReportMailReaderTest.GENERATED, "tlsrpt@sender.example", "tlsrpt@example.com");
    return Combinators.combine(Arbitraries.integers().between(0, mail.length - 1),
            Arbitraries.integers().between(0, 64), Arbitraries.bytes().array(byte[].class)
                .ofMaxSize(32))
        .as((at, cut, insert) -> {
          int end = Math.min(mail.length, at + cut);
          byte[] out = new byte[at + insert.length + (mail.length - end)];
          System.arraycopy(mail, 0, out, 0, at);
          System.arraycopy(insert, 0, out, at, insert.length);
          System.arraycopy(mail, end, out, at + insert.length, mail.length - end);
          return out;
        });
  }

  @Property(tries = 1000)
  void aMangledReportMailGivesAnOutcomeOrTheDocumentedException(@ForAll("mangled") byte[] input) {
    readOrRefuse(input);
  }

  private static void readOrRefuse(byte[] input) {
    MailOutcome bytes;
    try {
      bytes = ReportMailReader.lenient().read(input);
    } catch (MailParseException documented) {
      bytes = new BrokenMail(documented);
    }
    MailOutcome stream;
    try {
      stream = ReportMailReader.lenient().read(new ByteArrayInputStream(input));
    } catch (MailParseException documented) {
      stream = new BrokenMail(documented);
    }
    assertEquals(bytes.getClass(), stream.getClass(), "bytes and stream agree");
    if (bytes instanceof BrokenMail b && stream instanceof BrokenMail s) {
      assertEquals(b.error().code(), s.error().code());
    }
    if (bytes instanceof ReportMail m) {
      assertEquals(m, stream);
    }
  }
}
