package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.tlsrpt.mail.MailHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/** Reads the header fields RFC 8460 §5.3 puts on a report mail. */
final class HeaderFields {

  private HeaderFields() {}

  static MailHeaders of(MimeMessage msg) throws MessagingException {
    String dateText = raw(msg, "Date");
    return new MailHeaders(
        raw(msg, "TLS-Report-Domain"),
        raw(msg, "TLS-Report-Submitter"),
        decoded(msg, "Subject"),
        raw(msg, "Message-ID"),
        dateText,
        dateText == null ? null : date(dateText),
        decoded(msg, "From"));
  }

  private static @Nullable String raw(MimeMessage msg, String name) throws MessagingException {
    String v = msg.getHeader(name, null);
    if (v == null) {
      return null;
    }
    return MimeUtility.unfold(v).trim();
  }

  private static @Nullable String decoded(MimeMessage msg, String name) throws MessagingException {
    String v = raw(msg, name);
    if (v == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(v);
    } catch (UnsupportedEncodingException | RuntimeException e) {
      // An encoded word in a charset this JVM does not know: keep the text as sent.
      return v;
    }
  }

  /** Reads an RFC 5322 §3.3 date; obsolete forms through Angus Mail's lenient date parser. */
  static @Nullable OffsetDateTime date(String text) {
    String t = text.replaceAll("\\s*\\([^()]*\\)\\s*$", "").replaceAll("\\s+", " ").trim();
    if (t.length() > 200) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException e) {
      // Fall through to the lenient parser.
    }
    Date d = new MailDateFormat().parse(t, new ParsePosition(0));
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
  }
}
