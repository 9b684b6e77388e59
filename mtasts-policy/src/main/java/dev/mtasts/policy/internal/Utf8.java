package dev.mtasts.policy.internal;

/** Strict UTF-8 validation (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF. */
public final class Utf8 {
  private Utf8() {}

  /**
   * Returns the index of the first byte of the first malformed sequence, or -1.
   *
   * @param b the bytes
   * @param len how many bytes to check from index 0
   * @return the index of the first malformed sequence, or -1 when all are well-formed
   */
  public static int firstMalformed(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c == 0xe0) {
          lo = 0xa0; // no overlong 3-byte forms
        } else if (c == 0xed) {
          hi = 0x9f; // no UTF-16 surrogates
        }
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c == 0xf0) {
          lo = 0x90; // no overlong 4-byte forms
        } else if (c == 0xf4) {
          hi = 0x8f; // nothing above U+10FFFF
        }
      } else {
        return i;
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= len) {
          return i;
        }
        int t = b[i + k] & 0xff;
        if (k == 1 ? (t < lo || t > hi) : (t < 0x80 || t > 0xbf)) {
          return i;
        }
      }
      i += need + 1;
    }
    return -1;
  }

  /**
   * Returns the 1-based line and column (in code points) of a byte offset, counting LF, CRLF and
   * a bare CR as line ends.
   *
   * @param b the bytes
   * @param offset the offset
   * @return {@code {line, column}}
   */
  public static int[] position(byte[] b, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      int c = b[i] & 0xff;
      if (c == '\n' || (c == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r' && (c & 0xc0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
