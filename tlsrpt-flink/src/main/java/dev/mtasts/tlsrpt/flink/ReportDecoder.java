package dev.mtasts.tlsrpt.flink;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.BrokenMail;
import dev.mtasts.tlsrpt.mail.MailOutcome;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.MailSource;
import dev.mtasts.tlsrpt.mail.NotReportMail;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns raw inputs into reports: plain JSON and gzip (RFC 8460 §5.3) with the lenient reader, and
 * report mails (an {@code .eml} message or an mbox, told by content) with their report
 * attachments. What cannot be read goes to {@link #REJECTED} with the reader's code, location and
 * reason; the job goes on. Every input is bounded by the readers' limits ({@code ReadLimits}:
 * 16 MiB of JSON, also after gzip inflation, so a gzip bomb is refused; {@code MailLimits}: 25
 * MiB per message).
 *
 * <pre>{@code
 * SingleOutputStreamOperator<TlsRptReport> reports =
 *     raw.process(new ReportDecoder(), TlsRptTypes.REPORT);
 * DataStream<RejectedInput> unreadable = reports.getSideOutput(ReportDecoder.REJECTED);
 * }</pre>
 */
public final class ReportDecoder extends ProcessFunction<RawReport, TlsRptReport> {
  private static final long serialVersionUID = 1L;

  /** The side output of inputs that are not readable reports. */
  public static final OutputTag<RejectedInput> REJECTED =
      new OutputTag<>("tlsrpt-unreadable", TlsRptTypes.REJECTED);

  /** Creates the decoder with the readers' default limits. */
  public ReportDecoder() {}

  @Override
  public void processElement(RawReport raw, Context ctx, Collector<TlsRptReport> out) {
    byte[] bytes = raw.content();
    try {
      Optional<MailSource.Kind> mail = MailSource.detect(bytes);
      if (mail.isEmpty()) {
        out.collect(TlsRptReader.lenient().read(bytes).value());
      } else if (mail.get() == MailSource.Kind.MBOX) {
        MailSource.readMbox(new ByteArrayInputStream(bytes), raw.source(),
            ReportMailReader.lenient(), e -> mail(e.location(), e.outcome(), ctx, out));
      } else {
        mail(raw.source(), ReportMailReader.lenient().read(bytes), ctx, out);
      }
    } catch (ReportParseException e) {
      reject(ctx, raw.source(), RejectedInput.Kind.UNREADABLE,
          e.code().id() + " at " + e.location().path() + ": " + e.detail());
    } catch (MailParseException e) {
      reject(ctx, raw.source(), RejectedInput.Kind.UNREADABLE,
          e.code().id() + " at " + e.location() + ": " + e.detail());
    } catch (MtaStsException e) {
      reject(ctx, raw.source(), RejectedInput.Kind.UNREADABLE, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // One hostile input must not fail the job and replay forever from the last checkpoint.
      reject(ctx, raw.source(), RejectedInput.Kind.UNREADABLE, "the reader failed unexpectedly on"
          + " it (" + e.getClass().getSimpleName() + "; a bug in mtasts: please report it with the"
          + " input)");
    }
  }

  private static void mail(String where, MailOutcome outcome, Context ctx,
      Collector<TlsRptReport> out) {
    if (outcome instanceof ReportMail m) {
      for (ReportAttachment a : m.attachments()) {
        out.collect(a.report());
      }
    } else if (outcome instanceof NotReportMail n) {
      reject(ctx, where, RejectedInput.Kind.NOT_A_REPORT,
          "an email message without a TLS-RPT report: " + n.reason());
    } else if (outcome instanceof BrokenMail b) {
      MailParseException e = b.error();
      reject(ctx, where, RejectedInput.Kind.UNREADABLE,
          e.code().id() + " at " + e.location() + ": " + e.detail());
    }
  }

  private static void reject(Context ctx, String source, RejectedInput.Kind kind, String reason) {
    ctx.output(REJECTED, new RejectedInput(source, kind, reason));
  }
}
