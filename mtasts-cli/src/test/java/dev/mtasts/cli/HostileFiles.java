package dev.mtasts.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Hostile inputs of issue 13, built in the test: reports, gzip streams, endless streams. */
final class HostileFiles {
  /** A domain name that retitles the terminal and turns what follows red (issue 13 item 10). */
  static final String TITLE_INJECTION = "ex\u001b]0;pwned\u0007\u001b[31m.com";

  private HostileFiles() {}

  /** A small valid report with one failure detail, each value as given (JSON-escaped here). */
  static String report(String id, String domain, String resultType, String mx, String ip) {
    return "{\"organization-name\":\"Hostile Org\","
        + "\"date-range\":{\"start-datetime\":\"2026-11-01T00:00:00Z\",\"end-datetime\":\"2026-11-01T23:59:59Z\"},"
        + "\"contact-info\":\"tls@hostile.example\",\"report-id\":" + json(id) + ","
        + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\","
        + "\"mode: testing\",\"mx: mx.example.com\",\"max_age: 86400\"],\"policy-domain\":" + json(domain) + ","
        + "\"mx-host\":[\"mx.example.com\"]},"
        + "\"summary\":{\"total-successful-session-count\":10,\"total-failure-session-count\":2},"
        + "\"failure-details\":[{\"result-type\":" + json(resultType) + ",\"sending-mta-ip\":" + json(ip) + ","
        + "\"receiving-mx-hostname\":" + json(mx) + ",\"failed-session-count\":2}]}]}";
  }

  /** A clean report for {@code domain}. */
  static String cleanReport(String id, String domain) {
    return report(id, domain, "certificate-expired", "mx.example.com", "192.0.2.1");
  }

  /** {@code members} empty gzip members and then {@code {}} (issue 13 item 1). */
  static byte[] multiMemberGzip(int members) {
    byte[] empty = gzip(new byte[0]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < members; i++) {
      out.writeBytes(empty);
    }
    out.writeBytes(gzip("{}".getBytes(StandardCharsets.UTF_8)));
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JSON string literal, with every control character escaped as JSON requires. */
  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** An endless stream of one byte that counts what was read from it, like {@code /dev/zero}. */
  static final class Endless extends InputStream {
    private final byte value;
    private long read;

    Endless(char value) {
      this.value = (byte) value;
    }

    long bytesRead() {
      return read;
    }

    @Override
    public int read() {
      read++;
      return value & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, value);
      read += len;
      return len;
    }
  }
}
