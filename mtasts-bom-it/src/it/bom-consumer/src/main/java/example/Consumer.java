package example;

import dev.mtasts.audit.FindingId;
import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.lifecycle.LifecycleState;
import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.sender.FetchErrorCode;
import dev.mtasts.sender.PolicyFetcher;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.mail.MailOutcome;
import dev.mtasts.tlsrpt.mail.NotReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import dev.mtasts.tlsrpt.mail.ReportMailWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Touches the public API of each module, so the compile proves the exports are usable. */
public final class Consumer {
  private Consumer() {}

  /** Entry point. */
  public static void main(String[] args) {
    MtaStsPolicy policy =
        MtaStsPolicy.parse("version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\n");
    StsRecord record = StsRecord.of(PolicyId.of("20261124000000"));
    ReportSummary summary = ReportSummary.empty();
    TlsRptReader reader = TlsRptReader.lenient();
    System.out.println(policy.toText() + record.toText() + summary + reader);
    System.out.println(PolicyFetcher.policyUrl("example.com") + " "
        + FetchErrorCode.REDIRECT.resultType().wireName());
    System.out.println(FindingId.MX_CERTIFICATE_HOST_MISMATCH.id());
    System.out.println(LifecycleState.ABSENT + " " + MtaStsException.class.getName());
    MailOutcome mail = ReportMailReader.lenient()
        .read("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
    System.out.println((mail instanceof NotReportMail) + " " + ReportMailWriter.of(Clock.systemUTC()));
  }
}
