package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.mail.ReportSubject;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Builds and writes the RFC 8460 §5.3 message with Angus Mail. */
public final class ReportMessage {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private ReportMessage() {}

  /**
   * Writes the message.
   *
   * @param report the report and its file name
   * @param gzip the gzip bytes of the report
   * @param text the human-readable first part
   * @param from the From address
   * @param to the To address
   * @param now the Date
   * @param out where to write
   * @throws IOException when the stream fails
   * @throws IllegalArgumentException when an address is not an RFC 5322 address
   */
  public static void write(GeneratedReport report, byte[] gzip, String text, String from,
      String to, Instant now, OutputStream out) throws IOException {
    String domain = report.fileName().policyDomain().toLowerCase(Locale.ROOT);
    String submitter = submitter(report);
    String id = dotAtom(report.report().reportId()) + "@" + submitter;
    try {
      MimeMessage msg = new FixedIdMessage("<" + id + ">");
      msg.setFrom(address("from", from));
      msg.setRecipient(Message.RecipientType.TO, address("to", to));
      msg.setHeader("Date", date(now));
      msg.setSubject(new ReportSubject(domain, submitter, id).text(), "US-ASCII");
      // RFC 8460 §5.3: both header fields MUST be present.
      msg.setHeader("TLS-Report-Domain", domain);
      msg.setHeader("TLS-Report-Submitter", submitter);
      // RFC 3834 §5: a machine-made message; RFC 8689 §5: deliver even without TLS, so a report
      // about TLS failures can still arrive, and never report on report mail.
      msg.setHeader("Auto-Submitted", "auto-generated");
      msg.setHeader("TLS-Required", "No");

      MimeBodyPart human = new MimeBodyPart();
      human.setDataHandler(new DataHandler(new ByteArrayDataSource(
          text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8")));
      human.setHeader("Content-Type", "text/plain; charset=UTF-8");

      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(
          new DataHandler(new ByteArrayDataSource(gzip, "application/tlsrpt+gzip")));
      // RFC 8460 §6.5: application/tlsrpt+gzip has no parameters; the name goes into the
      // Content-Disposition only (§5.3).
      attachment.setHeader("Content-Type", "application/tlsrpt+gzip");
      attachment.setHeader("Content-Transfer-Encoding", "base64");
      // Written by hand so that the name stays one quoted filename parameter, as every reader
      // expects, rather than RFC 2231 continuations (the §5.1 name is ASCII and has no quote).
      attachment.setHeader("Content-Disposition",
          "attachment;\r\n\tfilename=\"" + report.fileName().fileName() + "\"");

      MimeMultipart mp = new ReportMultipart();
      mp.addBodyPart(human);
      mp.addBodyPart(attachment);
      msg.setContent(mp);
      msg.saveChanges();
      msg.writeTo(out);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot compose the report mail: " + e.getMessage(), e);
    }
  }

  private static InternetAddress address(String what, String text) {
    try {
      InternetAddress a = new InternetAddress(text, true);
      a.validate();
      return a;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          what + " address \"" + Printable.of(text) + "\" is not an RFC 5322 address: "
              + e.getMessage(), e);
    }
  }

  /** RFC 8460 §5.3: the submitter is the domain of contact-info, else the sending domain. */
  static String submitter(GeneratedReport report) {
    String d = ContactDomains.ofContactInfo(report.report().contactInfo());
    if (d != null && d.matches("[a-z0-9]([a-z0-9._-]*[a-z0-9])?")) {
      return d;
    }
    return report.fileName().sender().toLowerCase(Locale.ROOT);
  }

  /** Turns a report-id into an RFC 5322 dot-atom-text for the Report-ID and the Message-ID. */
  static String dotAtom(String reportId) {
    StringBuilder sb = new StringBuilder(Math.min(reportId.length(), 200));
    for (int i = 0; i < reportId.length() && sb.length() < 200; i++) {
      char c = reportId.charAt(i);
      boolean atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
      if (atext) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '.') {
        sb.append('.');
      }
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '.') {
      sb.setLength(sb.length() - 1);
    }
    return sb.length() == 0 ? "report" : sb.toString();
  }

  static String date(Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%s, %d %s %04d %02d:%02d:%02d +0000",
        DAYS[t.getDayOfWeek().getValue() - 1], t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1],
        t.getYear(), t.getHour(), t.getMinute(), t.getSecond());
  }

  /** A message that keeps the Message-ID it is given instead of making one from the host name. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(String messageId) {
      super(MailParser.SESSION);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /** RFC 8460 §5.3: {@code multipart/report; report-type="tlsrpt"} (RFC 6522). */
  private static final class ReportMultipart extends MimeMultipart {
    ReportMultipart() {
      super("report");
      contentType = contentType + "; report-type=\"tlsrpt\"";
    }
  }
}
