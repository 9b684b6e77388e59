package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Test messages written out by hand, to hold exactly the deviation a test is about. */
final class Mails {

  private Mails() {}

  static final String HEADERS = "From: tlsrpt@sender.example\r\n"
      + "To: reports@example.com\r\n"
      + "Date: Wed, 25 Nov 2026 06:07:08 +0000\r\n"
      + "Message-ID: <r1@sender.example>\r\n"
      + "MIME-Version: 1.0\r\n";

  static String base64(byte[] b) {
    return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(b);
  }

  static String gzipBase64(TlsRptReport r) {
    return base64(TlsRptWriter.compact().writeGzip(r));
  }

  /** A multipart mail: extra header lines, the Content-Type value, and parts (head, body) pairs. */
  static byte[] multipart(String extraHeaders, String contentType, String boundary,
      String... headBodyPairs) {
    StringBuilder sb = new StringBuilder(HEADERS).append(extraHeaders)
        .append("Content-Type: ").append(contentType).append("\r\n\r\n");
    for (int i = 0; i < headBodyPairs.length; i += 2) {
      sb.append("--").append(boundary).append("\r\n").append(headBodyPairs[i]).append("\r\n\r\n")
          .append(headBodyPairs[i + 1]).append("\r\n");
    }
    sb.append("--").append(boundary).append("--\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static String reportHeaders(String domain, String submitter) {
    return "TLS-Report-Domain: " + domain + "\r\nTLS-Report-Submitter: " + submitter + "\r\n"
        + "Subject: Report Domain: " + domain + " Submitter: " + submitter
        + " Report-ID: <r1@" + submitter + ">\r\n";
  }
}
