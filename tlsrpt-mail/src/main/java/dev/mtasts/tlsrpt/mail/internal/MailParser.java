package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.MailErrorCode;
import dev.mtasts.tlsrpt.mail.MailHeaders;
import dev.mtasts.tlsrpt.mail.MailLimits;
import dev.mtasts.tlsrpt.mail.MailOutcome;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.NotReportMail;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds and reads the report parts of one message held in memory, with Angus Mail's MIME parser.
 * One instance per message; not thread-safe.
 */
public final class MailParser {

  /** One session for every message: it only carries parsing defaults, no store or transport. */
  static final Session SESSION = Session.getInstance(new Properties());

  private static final Set<String> TLSRPT_TYPES =
      Set.of("application/tlsrpt+gzip", "application/tlsrpt+json", "application/tlsrpt");

  private static final Set<String> REPORT_LIKE_TYPES =
      Set.of("application/gzip", "application/x-gzip", "application/json",
          "application/octet-stream", "application/x-json", "text/json");

  private static final Set<String> ENCODINGS =
      Set.of("7bit", "8bit", "binary", "base64", "quoted-printable", "uuencode", "x-uuencode",
          "x-uue");

  private final MailLimits limits;
  private final TlsRptReader reader;
  private int parts;
  private final List<ReportAttachment> attachments = new ArrayList<>();
  private final boolean keepContents;
  private final List<byte[]> contents = new ArrayList<>();
  private final List<String> outsideReport = new ArrayList<>();
  private final List<String> weakFailures = new ArrayList<>();
  private final List<Warning> partWarnings = new ArrayList<>();
  private boolean sawTlsrptContainer;
  private @Nullable String otherReportType;

  /**
   * Creates a parser.
   *
   * @param limits the mail limits
   * @param reader the report reader (with its own limits)
   */
  public MailParser(MailLimits limits, TlsRptReader reader) {
    this(limits, reader, false);
  }

  /**
   * Creates a parser that may keep the decoded content of each report part.
   *
   * @param limits the mail limits
   * @param reader the report reader (with its own limits)
   * @param keepContents whether {@link #contents()} gets each report part's decoded bytes (to
   *     store the report as it was sent)
   */
  public MailParser(MailLimits limits, TlsRptReader reader, boolean keepContents) {
    this.limits = limits;
    this.reader = reader;
    this.keepContents = keepContents;
  }

  /**
   * Returns the decoded content of each report part found, in the order of the attachments, when
   * the parser was asked to keep them.
   *
   * @return the contents (empty unless kept)
   */
  public List<byte[]> contents() {
    return contents;
  }

  /**
   * Reads a message.
   *
   * @param bytes the buffer
   * @param length how many bytes of it are the message
   * @return a {@link ReportMail} or a {@link NotReportMail}
   * @throws MailParseException when the message is broken or over a limit
   */
  public MailOutcome parse(byte[] bytes, int length) {
    return StreamProviderLookup.run(() -> parseMessage(bytes, length));
  }

  private MailOutcome parseMessage(byte[] bytes, int length) {
    MimeMessage msg;
    MailHeaders headers;
    try {
      msg = new MimeMessage(SESSION, new SharedByteArrayInputStream(bytes, 0, length));
      headers = HeaderFields.of(msg);
    } catch (MessagingException e) {
      throw new MailParseException(MailErrorCode.MALFORMED_MIME, "message",
          "the header section cannot be read: " + e.getMessage(), e);
    }
    walk(msg, "", 0, false);
    if (attachments.isEmpty()) {
      return new NotReportMail(headers, notReportReason());
    }
    List<Warning> warnings = new ArrayList<>();
    HeaderChecks.check(headers, attachments, warnings);
    if (!outsideReport.isEmpty()) {
      warnings.add(new Warning(MailErrorCode.NOT_MULTIPART_REPORT, new Location.Part("part " + outsideReport.get(0)),
          "the report is not inside a multipart/report; report-type=tlsrpt part (RFC 8460 §5.3)"));
    }
    warnings.addAll(partWarnings);
    return new ReportMail(headers, attachments, warnings);
  }

  private String notReportReason() {
    if (!weakFailures.isEmpty()) {
      return "no TLS-RPT report: " + weakFailures.get(0);
    }
    if (otherReportType != null) {
      return "a multipart/report of type \"" + otherReportType + "\", not tlsrpt";
    }
    if (sawTlsrptContainer) {
      return "a multipart/report; report-type=tlsrpt without a report part";
    }
    return "no TLS-RPT report part (application/tlsrpt+gzip or application/tlsrpt+json)";
  }

  private void walk(Part part, String path, int depth, boolean inTlsrpt) {
    String where = "part " + (path.isEmpty() ? "1" : path);
    parts++;
    if (parts > limits.maxParts()) {
      throw tooManyParts(where);
    }
    ContentType type = contentType(part);
    String primary = type.getPrimaryType().toLowerCase(Locale.ROOT);
    String base = type.getBaseType().toLowerCase(Locale.ROOT);
    if (primary.equals("multipart")) {
      if (depth + 1 > limits.maxDepth()) {
        throw new MailParseException(MailErrorCode.NESTING_TOO_DEEP, where,
            "multiparts nest deeper than the limit of " + limits.maxDepth());
      }
      boolean tlsrpt = inTlsrpt;
      if (base.equals("multipart/report")) {
        String reportType = type.getParameter("report-type");
        if (reportType != null && reportType.trim().equalsIgnoreCase("tlsrpt")) {
          tlsrpt = true;
          sawTlsrptContainer = true;
        } else if (otherReportType == null) {
          otherReportType = reportType == null ? "" : reportType;
        }
      }
      MimeMultipart mp;
      int count;
      try {
        String boundary = type.getParameter("boundary");
        if (boundary != null) {
          // Counted before Angus Mail parses the parts: its parse of thousands of parts at one
          // level takes seconds, so the limit is checked first, in one pass over the bytes.
          long lines = BoundaryLines.count(raw((MimePart) part), boundary,
              limits.maxParts() - parts + 1L);
          if (lines - 1 > limits.maxParts() - parts) {
            throw tooManyParts(where);
          }
        }
        mp = new MimeMultipart(new MimePartDataSource((MimePart) part));
        count = mp.getCount();
      } catch (MessagingException e) {
        throw new MailParseException(MailErrorCode.MALFORMED_MIME, where,
            "the multipart cannot be read: " + e.getMessage(), e);
      }
      if (parts + (long) count > limits.maxParts()) {
        throw tooManyParts(where);
      }
      for (int i = 0; i < count; i++) {
        String child = path.isEmpty() ? Integer.toString(i + 1) : path + "." + (i + 1);
        try {
          walk(mp.getBodyPart(i), child, depth + 1, tlsrpt);
        } catch (MessagingException e) {
          throw new MailParseException(MailErrorCode.MALFORMED_MIME, "part " + child,
              "the part cannot be read: " + e.getMessage(), e);
        }
      }
      return;
    }
    String fileName = fileName(part);
    String lowerName = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    boolean jsonName = lowerName.endsWith(".json") || lowerName.endsWith(".json.gz")
        || lowerName.endsWith(".gz");
    boolean rfcName = fileName != null && FileNames.isRfcName(fileName);
    boolean strong;
    if (TLSRPT_TYPES.contains(base)) {
      strong = true;
    } else if (jsonName && (primary.equals("application") || primary.equals("text"))) {
      strong = rfcName || inTlsrpt;
    } else if (inTlsrpt && REPORT_LIKE_TYPES.contains(base)) {
      strong = true;
    } else {
      return;
    }
    readReport((MimePart) part, where, path.isEmpty() ? "1" : path, base, fileName, strong,
        inTlsrpt);
  }

  private void readReport(MimePart part, String where, String number, String base,
      @Nullable String fileName, boolean strong, boolean inTlsrpt) {
    String encoding;
    try {
      encoding = part.getEncoding();
    } catch (MessagingException e) {
      encoding = null;
    }
    if (encoding != null && !ENCODINGS.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
      if (!strong) {
        weakFailures.add(where + " has an unknown Content-Transfer-Encoding");
        return;
      }
      throw new MailParseException(MailErrorCode.UNKNOWN_TRANSFER_ENCODING, where,
          "Content-Transfer-Encoding \"" + Printable.of(encoding)
              + "\" is not one of 7bit, 8bit, binary, base64, quoted-printable");
    }
    ParseResult<TlsRptReport> result;
    try (InputStream raw = part.getInputStream();
        BufferedInputStream in = new BufferedInputStream(raw, 8192)) {
      in.mark(4);
      byte[] magic = in.readNBytes(4);
      in.reset();
      if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3
          && magic[3] == 4) {
        if (!strong) {
          weakFailures.add(where + " is a zip archive");
          return;
        }
        throw new MailParseException(MailErrorCode.ZIP_ATTACHMENT, where,
            "the attachment is a zip archive; RFC 8460 §5.2 reports are gzip (1F 8B) or plain"
                + " JSON");
      }
      if (keepContents) {
        // Bounded: the decoded content of a part is never longer than the message, which is
        // within MailLimits#maxMessageBytes.
        byte[] content = in.readAllBytes();
        result = reader.read(content);
        contents.add(content);
      } else {
        result = reader.read(in);
      }
    } catch (ReportParseException e) {
      if (!strong) {
        weakFailures.add(where + " is not a report: " + e.getMessage());
        return;
      }
      if (e.code() == ReportErrorCode.READ_FAILED) {
        throw new MailParseException(MailErrorCode.BROKEN_TRANSFER_ENCODING, where,
            "the " + encodingName(encoding) + " content cannot be decoded: " + e.detail(), e);
      }
      throw new MailParseException(MailErrorCode.INVALID_REPORT, where,
          "the attachment is not a TLS-RPT report: " + e.getMessage(), e);
    } catch (IOException | MessagingException e) {
      if (!strong) {
        weakFailures.add(where + " cannot be decoded");
        return;
      }
      throw new MailParseException(MailErrorCode.BROKEN_TRANSFER_ENCODING, where,
          "the " + encodingName(encoding) + " content cannot be decoded: " + e.getMessage(), e);
    }
    if (!TLSRPT_TYPES.contains(base)) {
      partWarnings.add(new Warning(MailErrorCode.NONSTANDARD_MEDIA_TYPE, new Location.Part(where),
          "the report is sent as " + Printable.of(base)
              + " instead of application/tlsrpt+gzip or application/tlsrpt+json"));
    }
    FileNames.check(where, fileName, result.value(), partWarnings);
    if (!inTlsrpt) {
      outsideReport.add(number);
    }
    attachments.add(new ReportAttachment(result, number, base, fileName));
  }

  private static InputStream raw(MimePart part) throws MessagingException {
    if (part instanceof MimeMessage m) {
      return m.getRawInputStream();
    }
    return ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
  }

  private static String encodingName(@Nullable String encoding) {
    return encoding == null ? "7bit" : Printable.of(encoding.trim().toLowerCase(Locale.ROOT));
  }

  private MailParseException tooManyParts(String where) {
    return new MailParseException(MailErrorCode.TOO_MANY_PARTS, where,
        "the message has more MIME parts than the limit of " + limits.maxParts());
  }

  private static ContentType contentType(Part part) {
    String text;
    try {
      text = part.getContentType();
    } catch (MessagingException e) {
      text = null;
    }
    if (text != null) {
      try {
        return new ContentType(MimeUtility.unfold(text));
      } catch (ParseException e) {
        // RFC 2045 §5.2: a Content-Type that cannot be read is taken as text/plain.
      }
    }
    return new ContentType("text", "plain", null);
  }

  private static @Nullable String fileName(Part part) {
    try {
      String name = part.getFileName();
      if (name != null) {
        name = MimeUtility.unfold(name).trim();
        try {
          name = MimeUtility.decodeText(name);
        } catch (IOException e) {
          // An encoded word with an unknown charset: keep the name as sent.
        }
      }
      return name == null || name.isEmpty() ? null : name;
    } catch (MessagingException e) {
      return null;
    }
  }
}
