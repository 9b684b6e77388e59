package dev.mtasts.tlsrpt.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.internal.ContactDomains;
import dev.mtasts.tlsrpt.mail.internal.Printable;
import dev.mtasts.tlsrpt.mail.internal.ReportStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of RFC 8460 §5.4, as an embeddable {@link HttpHandler} for the JDK's {@code
 * com.sun.net.httpserver}: accepts a POSTed report ({@code application/tlsrpt+gzip} or {@code
 * application/tlsrpt+json}), validates it with the lenient report reader, and stores it atomically
 * in a folder under its RFC 8460 §5.1 file name, whose unique id is derived from the organization
 * and report-id, so the same report posted twice is stored once.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8443), 0);
 * server.createContext("/tlsrpt", ReportReceiver.into(Path.of("reports")));
 * server.start();
 * }</pre>
 *
 * <p>Answers: {@code 201} with the file name for a new report, {@code 200} for one already
 * stored, {@code 400} with the reason for a body that is not a report, {@code 405} for another
 * method, {@code 413} over the size limit, {@code 415} for another content type, {@code 500}
 * when the report cannot be stored. The reason is plain text, control characters escaped.
 */
public final class ReportReceiver implements HttpHandler {

  /** The default size limit of a POSTed body: 10 MiB (RFC 8460 §5.2: receivers commonly cap there). */
  public static final long DEFAULT_MAX_BYTES = 10L << 20;

  private final Path folder;
  private final long maxBytes;
  private final TlsRptReader reader;

  private ReportReceiver(Path folder, long maxBytes, TlsRptReader reader) {
    this.folder = folder;
    this.maxBytes = maxBytes;
    this.reader = reader;
  }

  /**
   * Returns a receiver that stores into a folder, with the 10 MiB limit.
   *
   * @param folder where to store the reports (created when missing)
   * @return the receiver
   */
  public static ReportReceiver into(Path folder) {
    return new ReportReceiver(Objects.requireNonNull(folder, "folder"), DEFAULT_MAX_BYTES,
        TlsRptReader.lenient());
  }

  /**
   * Returns a receiver with another body size limit (compressed size; the decompressed size is
   * bounded by the report reader's limits).
   *
   * @param bytes the largest body accepted
   * @return the receiver
   * @throws IllegalArgumentException when the limit is not positive or 2 GiB or more
   */
  public ReportReceiver withMaxBytes(long bytes) {
    if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + bytes);
    }
    return new ReportReceiver(folder, bytes, reader);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, "only POST is accepted (RFC 8460 §5.4)");
        return;
      }
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
          .toLowerCase(Locale.ROOT);
      int semicolon = type.indexOf(';');
      String base = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
      boolean gzip = base.equals("application/tlsrpt+gzip");
      if (!gzip && !base.equals("application/tlsrpt+json")) {
        answer(exchange, 415, "Content-Type must be application/tlsrpt+gzip or"
            + " application/tlsrpt+json (RFC 8460 §5.4), found " + Printable.of(base));
        return;
      }
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      if (length != null && isLongerThan(length, maxBytes)) {
        answer(exchange, 413, "the report is larger than the limit of " + maxBytes + " bytes");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes((int) maxBytes + 1);
      }
      if (body.length > maxBytes) {
        answer(exchange, 413, "the report is larger than the limit of " + maxBytes + " bytes");
        return;
      }
      ParseResult<TlsRptReport> result;
      try {
        result = reader.read(body);
      } catch (ReportParseException e) {
        answer(exchange, 400, "not a TLS-RPT report: " + e.code().id() + " at " + e.location() + ": "
            + Printable.of(e.detail()));
        return;
      }
      boolean isGzip = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
      ReportFileName name;
      try {
        name = fileName(result.value(), isGzip);
      } catch (IllegalArgumentException e) {
        answer(exchange, 400, "the report cannot be named as RFC 8460 §5.1 asks: "
            + Printable.of(String.valueOf(e.getMessage())));
        return;
      }
      Path target = folder.resolve(name.fileName());
      if (Files.exists(target)) {
        answer(exchange, 200, "already stored as " + name.fileName());
        return;
      }
      try {
        ReportStore.write(target, body);
      } catch (TransportException e) {
        answer(exchange, 500, "the report cannot be stored");
        return;
      }
      answer(exchange, 201, "stored as " + name.fileName());
    }
  }

  /**
   * Returns the file name a report is stored under: the RFC 8460 §5.1 name with the contact-info
   * domain (or the organization) as sender, the first policy domain, the period, and a unique id
   * made of the first 16 hex digits of SHA-256 over the organization and the report-id, so equal
   * reports get equal names.
   *
   * @param report the report
   * @param gzip whether the name ends in {@code .json.gz}
   * @return the name
   * @throws IllegalArgumentException when no ASCII domain can be found for a part of the name
   */
  public static ReportFileName fileName(TlsRptReport report, boolean gzip) {
    @Nullable String sender = ContactDomains.ofContactInfo(report.contactInfo());
    @Nullable String domain = null;
    for (PolicyResult p : report.policies()) {
      String d = p.policyDomain();
      if (d != null && isNameDomain(d)) {
        domain = DomainName.comparisonKey(d);
        break;
      }
    }
    if (sender == null || !isNameDomain(sender)) {
      sender = "unknown-sender";
    }
    if (domain == null) {
      domain = "unknown-domain";
    }
    return ReportFileName.of(sender, domain, report.dateRange(), uniqueId(report), gzip);
  }

  private static String uniqueId(TlsRptReport report) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(report.organizationName().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(report.reportId().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static boolean isNameDomain(String d) {
    return d.matches("[A-Za-z0-9._-]{1,253}");
  }

  private static boolean isLongerThan(String contentLength, long max) {
    try {
      return Long.parseLong(contentLength.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void answer(HttpExchange exchange, int status, String reason) throws IOException {
    byte[] text = (reason + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, text.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(text);
    }
  }
}
