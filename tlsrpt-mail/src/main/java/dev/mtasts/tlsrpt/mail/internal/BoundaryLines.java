package dev.mtasts.tlsrpt.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jakarta.mail.MessagingException;

/** Counts the delimiter lines of a multipart body (RFC 2046 §5.1.1), to bound it before parsing. */
final class BoundaryLines {

  private BoundaryLines() {}

  /**
   * Counts the lines that start with {@code --boundary}, stopping once the count passes a cap.
   *
   * @param body the multipart body (closed here)
   * @param boundary the boundary parameter
   * @param cap where to stop counting
   * @return the count, at most {@code cap + 1}
   * @throws MessagingException when the body cannot be read
   */
  static long count(InputStream body, String boundary, long cap) throws MessagingException {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    long count = 0;
    int matched = 0;
    boolean atLineStart = true;
    boolean pending = false;
    byte[] buf = new byte[8192];
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          byte c = buf[i];
          if (pending) {
            // A delimiter line is the boundary followed by "--", white space or the line end; a
            // longer boundary that merely starts with this one is not it.
            pending = false;
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '-') {
              count++;
              if (count > cap) {
                return count;
              }
            }
          }
          if (c == '\n') {
            atLineStart = true;
            matched = 0;
            continue;
          }
          if (atLineStart) {
            if (c == delimiter[matched]) {
              matched++;
              if (matched == delimiter.length) {
                pending = true;
                atLineStart = false;
                matched = 0;
              }
            } else {
              atLineStart = false;
              matched = 0;
            }
          }
        }
      }
      if (pending) {
        count++;
      }
    } catch (IOException e) {
      throw new MessagingException("cannot read the multipart body: " + e.getMessage(), e);
    }
    return count;
  }
}
