package dev.mtasts.policy;

/** The line terminator written by {@link MtaStsPolicy#toText(LineEnding)}. */
public enum LineEnding {
  /** CR LF, the form named by the RFC 8461 §3.2 prose ("CRLF-separated"). */
  CRLF("\r\n"),
  /** A bare LF, also allowed by the §3.2 ABNF ({@code sts-policy-term = LF / CRLF}). */
  LF("\n");

  private final String chars;

  LineEnding(String chars) {
    this.chars = chars;
  }

  /**
   * Returns the terminator characters.
   *
   * @return {@code "\r\n"} or {@code "\n"}
   */
  public String chars() {
    return chars;
  }
}
