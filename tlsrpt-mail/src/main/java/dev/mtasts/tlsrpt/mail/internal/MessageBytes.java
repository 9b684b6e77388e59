package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.tlsrpt.mail.MailErrorCode;
import dev.mtasts.tlsrpt.mail.MailLimits;
import dev.mtasts.tlsrpt.mail.MailParseException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Collects the bytes of one message, refusing as soon as it grows over the size limit, a line over
 * the line limit, or the header section holds a NUL byte; after a refusal it stores nothing more,
 * so a hostile message costs no memory however long it is.
 */
public final class MessageBytes {

  private final MailLimits limits;
  private byte[] buf = new byte[16 * 1024];
  private int len;
  private long total;
  private long line = 1;
  private long lineLength;
  private boolean inHeader = true;
  private boolean lastWasCr;
  private @Nullable MailParseException error;

  /**
   * Creates an empty buffer.
   *
   * @param limits the limits to enforce
   */
  public MessageBytes(MailLimits limits) {
    this.limits = limits;
  }

  /**
   * Appends bytes, checking them.
   *
   * @param b the bytes
   * @param off where they start
   * @param n how many
   * @return {@code false} once the message is refused (see {@link #error()})
   */
  public boolean write(byte[] b, int off, int n) {
    if (error != null) {
      return false;
    }
    for (int i = off; i < off + n; i++) {
      byte c = b[i];
      if (c == '\n') {
        long content = lastWasCr ? lineLength - 1 : lineLength;
        if (inHeader && content == 0) {
          inHeader = false;
        }
        line++;
        lineLength = 0;
      } else {
        lineLength++;
        // The line end is not counted; a CR before it is allowed for.
        if (lineLength > limits.maxLineBytes() + 1L
            || (lineLength == limits.maxLineBytes() + 1L && c != '\r')) {
          return refuse(MailErrorCode.LINE_TOO_LONG, "line " + line,
              "the line is longer than the limit of " + limits.maxLineBytes() + " bytes");
        }
        if (c == 0 && inHeader) {
          return refuse(MailErrorCode.NUL_IN_HEADER, "line " + line,
              "the header section holds a NUL byte, which RFC 5322 §2.2 does not allow");
        }
      }
      lastWasCr = c == '\r';
    }
    total += n;
    if (total > limits.maxMessageBytes()) {
      return refuse(MailErrorCode.INPUT_TOO_LARGE, "message",
          "the message is larger than the limit of " + limits.maxMessageBytes() + " bytes");
    }
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(Math.max(buf.length * 2L, (long) len + n),
          limits.maxMessageBytes()));
    }
    System.arraycopy(b, off, buf, len, n);
    len += n;
    return true;
  }

  private boolean refuse(MailErrorCode code, String location, String detail) {
    error = new MailParseException(code, location, detail, null);
    buf = new byte[0];
    len = 0;
    return false;
  }

  /**
   * Returns why the message was refused.
   *
   * @return the refusal, or {@code null} while the message is within the limits
   */
  public @Nullable MailParseException error() {
    return error;
  }

  /**
   * Returns the bytes collected (shared, not copied).
   *
   * @return the buffer; only the first {@link #length()} bytes count
   */
  public byte[] bytes() {
    return buf;
  }

  /**
   * Returns how many bytes were collected.
   *
   * @return the length
   */
  public int length() {
    return len;
  }
}
