package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.tlsrpt.mail.MailLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an mbox stream (RFC 4155) into messages, in one pass with a fixed buffer: a message
 * starts after a {@code From } line at the start of the file or after an empty line; in its lines
 * one {@code >} is taken off {@code >From }, {@code >>From }, ... (mboxrd; for mboxo this undoes
 * its quoting of {@code From }). Each message is collected in a {@link MessageBytes}, which stops
 * storing once the message is over a limit, so memory stays bounded whatever the file holds.
 */
public final class MboxSplitter {

  /** Receives each message. */
  public interface Sink {
    /**
     * Receives one message.
     *
     * @param number the message's number in the file, from 1
     * @param line the line of its {@code From } separator, from 1
     * @param bytes the message (or its refusal)
     */
    void accept(long number, long line, MessageBytes bytes);
  }

  private static final int BUFFER = 64 * 1024;
  private static final int PEEK = 16;

  private final InputStream in;
  private final MailLimits limits;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  private boolean eof;

  /**
   * Creates a splitter.
   *
   * @param in the mbox content (not closed)
   * @param limits the limits for each message
   */
  public MboxSplitter(InputStream in, MailLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  /**
   * Reads the whole stream, handing each message to the sink.
   *
   * @param sink receives the messages
   * @throws IOException when the stream fails
   */
  public void forEach(Sink sink) throws IOException {
    MessageBytes current = null;
    long number = 0;
    long line = 1;
    long fromLine = 0;
    boolean previousEmpty = true;
    boolean skippingSeparator = false;
    boolean atLineStart = true;
    long lineLength = 0;
    byte lastByte = 0;
    while (true) {
      if (atLineStart) {
        peek();
      } else if (pos == lim) {
        fill();
      }
      if (pos == lim) {
        break;
      }
      int lf = -1;
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          lf = i;
          break;
        }
      }
      int end = lf < 0 ? lim : lf + 1;
      if (atLineStart) {
        skippingSeparator = false;
        if (previousEmpty && startsWith(pos, end, "From ")) {
          if (current != null) {
            sink.accept(number, fromLine, current);
          }
          current = new MessageBytes(limits);
          number++;
          fromLine = line;
          skippingSeparator = true;
        } else if (current != null) {
          int off = pos;
          if (buf[pos] == '>') {
            int q = pos;
            while (q < end && buf[q] == '>') {
              q++;
            }
            if (startsWith(q, end, "From ")) {
              off = pos + 1;
            }
          }
          current.write(buf, off, end - off);
        }
      } else if (!skippingSeparator && current != null) {
        current.write(buf, pos, end - pos);
      }
      lineLength += end - pos;
      byte beforeLf = lf > pos ? buf[lf - 1] : lastByte;
      lastByte = buf[end - 1];
      pos = end;
      if (lf >= 0) {
        long content = lineLength - 1;
        if (content > 0 && beforeLf == '\r') {
          content--;
        }
        previousEmpty = content == 0;
        line++;
        lineLength = 0;
        atLineStart = true;
      } else {
        atLineStart = false;
      }
    }
    if (current != null) {
      sink.accept(number, fromLine, current);
    }
  }

  /** Makes sure at least {@code PEEK} bytes (or the rest of the stream) are buffered. */
  private void peek() throws IOException {
    if (lim - pos >= PEEK || eof) {
      return;
    }
    System.arraycopy(buf, pos, buf, 0, lim - pos);
    lim -= pos;
    pos = 0;
    while (lim < PEEK && !eof) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
      } else {
        lim += n;
      }
    }
  }

  private void fill() throws IOException {
    pos = 0;
    lim = 0;
    while (lim == 0 && !eof) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
      } else {
        lim = n;
      }
    }
  }

  private boolean startsWith(int from, int end, String prefix) {
    if (end - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (buf[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
