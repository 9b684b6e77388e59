package dev.mtasts.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2) with every size bounded: a line longer than {@link
 * #MAX_LINE} bytes or a reply of more than {@link #MAX_LINES} lines is a protocol error, found
 * after reading no more than that many bytes, so a server sending a 10 MB line costs 4 KiB.
 */
public final class ReplyReader {
  /** Longest reply line read, CRLF included; RFC 5321 §4.5.3.1.5 allows 512, servers exceed it a little. */
  public static final int MAX_LINE = 4096;

  /** Most lines in one multi-line reply (an EHLO answer lists about a dozen extensions). */
  public static final int MAX_LINES = 100;

  /** A reply: its code and its lines' text (after the code and separator). */
  public record Reply(int code, List<String> lines) {
    /**
     * Copies the lines.
     *
     * @param code the three-digit code
     * @param lines the texts
     */
    public Reply {
      lines = List.copyOf(lines);
    }

    /**
     * Returns the first line as the server sent it, with its code.
     *
     * @return for example {@code "220 mx.example.com ESMTP"}
     */
    public String firstLine() {
      return code + (lines.isEmpty() ? "" : " " + lines.get(0));
    }
  }

  /** The server broke the protocol; the message says how. */
  public static final class ProtocolViolation extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the server did
     */
    public ProtocolViolation(String message) {
      super(message);
    }
  }

  private final InputStream in;

  /**
   * Reads from a stream.
   *
   * @param in the connection's input, buffered by the caller
   */
  public ReplyReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads one reply.
   *
   * @return the reply
   * @throws ProtocolViolation if the server sent something that is not a reply, too long a line,
   *     too many lines, or closed the connection mid-reply
   * @throws IOException if reading failed (a timeout is a {@link java.net.SocketTimeoutException})
   */
  public Reply read() throws IOException {
    List<String> lines = new ArrayList<>();
    int code = -1;
    while (true) {
      String line = readLine();
      if (line.length() < 3 || !digits(line) || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
        throw new ProtocolViolation("the server sent \"" + Texts.quote(line) + "\", which is not an SMTP reply (RFC 5321 §4.2)");
      }
      int c = Integer.parseInt(line.substring(0, 3));
      if (code >= 0 && c != code) {
        throw new ProtocolViolation("a multi-line reply changed its code from " + code + " to " + c);
      }
      code = c;
      lines.add(line.length() > 4 ? line.substring(4) : "");
      if (line.length() == 3 || line.charAt(3) == ' ') {
        return new Reply(code, lines);
      }
      if (lines.size() >= MAX_LINES) {
        throw new ProtocolViolation("a reply of more than " + MAX_LINES + " lines");
      }
    }
  }

  private static boolean digits(String line) {
    for (int i = 0; i < 3; i++) {
      char ch = line.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return line.charAt(0) >= '2' && line.charAt(0) <= '5';
  }

  private String readLine() throws IOException {
    byte[] buf = new byte[MAX_LINE];
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new ProtocolViolation(n == 0 ? "the server closed the connection"
            : "the server closed the connection in the middle of a line");
      }
      if (b == '\n') {
        int end = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
        return new String(buf, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (n == MAX_LINE) {
        throw new ProtocolViolation("a reply line longer than " + MAX_LINE + " bytes (RFC 5321 §4.5.3.1.5 allows 512);"
            + " reading stopped there");
      }
      buf[n++] = (byte) b;
    }
  }
}
