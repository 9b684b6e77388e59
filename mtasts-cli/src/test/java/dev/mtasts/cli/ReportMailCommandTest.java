package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtasts report mail}: the RFC 8460 §5.3 message of a report file. */
final class ReportMailCommandTest {

  @TempDir Path dir;

  ReportMailCommandTest withDir(Path d) {
    this.dir = d;
    return this;
  }

  Path reportFile(boolean rfcName) throws IOException {
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder("Sender", "tlsrpt@sender.example", "sender.example");
    b.recordSuccesses(AppliedPolicy.sts("example.com",
        List.of("version: STSv1", "mode: enforce", "mx: mx.example.com", "max_age: 604800"),
        List.of("mx.example.com")), Instant.parse("2026-11-24T10:00:00Z"), 7);
    GeneratedReport g = b.drainAll().get(0);
    Path f = dir.resolve(rfcName ? g.fileName().fileName() : "report.json.gz");
    Files.write(f, TlsRptWriter.compact().writeGzip(g.report()));
    return f;
  }

  @Test
  void printsTheSection53MessageThatSummarizeReadsBack() throws IOException {
    Path f = reportFile(true);
    Cli.Result r = Cli.exec("report", "mail", f.toString(), "--from", "tlsrpt@sender.example",
        "--to", "tlsrpt@example.com");
    assertEquals(0, r.status(), r::toString);
    String mail = r.out();
    assertTrue(mail.contains("\r\nTLS-Report-Domain: example.com\r\n"), mail);
    assertTrue(mail.contains("\r\nTLS-Required: No\r\n"), mail);
    assertTrue(mail.contains("\r\nAuto-Submitted: auto-generated\r\n"), mail);
    assertTrue(mail.contains("filename=\"" + f.getFileName() + "\""), mail);
    Cli.Result back = new Cli().stdin(mail).run("report", "summarize", "--json", "-");
    assertEquals(0, back.status(), back::toString);
    Json json = Json.parse(back.out());
    assertEquals(1L, json.get("reports"));
    assertEquals(7L, json.objects("domains").get(0).get("successfulSessions"));
  }

  @Test
  void aReportWithoutAnRfcFileNameIsNamedFromItsBody() throws IOException {
    Cli.Result r = Cli.exec("report", "mail", reportFile(false).toString(), "--from",
        "tlsrpt@sender.example", "--to", "tlsrpt@example.com");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("filename=\"sender.example!example.com!1795478400!1795564799.json.gz\""),
        r::toString);
  }

  @Test
  void aBadAddressIsAUsageErrorAndABadReportIsNegative() throws IOException {
    Cli.Result addr = Cli.exec("report", "mail", reportFile(true).toString(), "--from", "no address",
        "--to", "tlsrpt@example.com");
    assertEquals(2, addr.status(), addr::toString);
    assertTrue(addr.err().contains("from address"), addr::toString);
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"organization-name\": 1}", StandardCharsets.UTF_8);
    Cli.Result report = Cli.exec("report", "mail", bad.toString(), "--from", "a@b.example", "--to", "c@d.example");
    assertEquals(1, report.status(), report::toString);
    assertTrue(report.err().contains("bad.json: "), report::toString);
  }
}
