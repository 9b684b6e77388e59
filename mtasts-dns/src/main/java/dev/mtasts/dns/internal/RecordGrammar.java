package dev.mtasts.dns.internal;

import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;

/** Character classes of the RFC 8461 §3.1 / RFC 8460 §3 ABNF, shared by the records. */
public final class RecordGrammar {
  /** Longest RFC 8461 id. */
  public static final int MAX_ID_LENGTH = 32;

  /** Longest id the lenient mode accepts (UUIDs with hyphens are 36 characters). */
  public static final int MAX_LENIENT_ID_LENGTH = 64;

  private RecordGrammar() {}

  /**
   * ALPHA / DIGIT.
   *
   * @param c a character
   * @return whether it is an ASCII letter or digit
   */
  public static boolean isAlphaDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * WSP = SP / HTAB.
   *
   * @param c a character
   * @return whether it is a space or a tab
   */
  public static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * {@code %x21-3A / %x3C / %x3E-7E}: printable ASCII except {@code ;} and {@code =}.
   *
   * @param c a character
   * @return whether it may appear in an extension value
   */
  public static boolean isExtensionValueChar(char c) {
    return c >= 0x21 && c <= 0x7E && c != ';' && c != '=';
  }

  /**
   * {@code (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")}.
   *
   * @param s a text
   * @return whether it is an extension name
   */
  public static boolean isExtensionName(CharSequence s) {
    return isExtensionName(s, 0, s.length());
  }

  /**
   * {@code (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")}, on a part of a text.
   *
   * @param s a text
   * @param start the index of the first character
   * @param end the index after the last character
   * @return whether {@code s[start, end)} is an extension name
   */
  public static boolean isExtensionName(CharSequence s, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 32 || !isAlphaDigit(s.charAt(start))) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      char c = s.charAt(i);
      if (!isAlphaDigit(c) && c != '_' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code 1*(%x21-3A / %x3C / %x3E-7E)}.
   *
   * @param s a text
   * @return whether it is an extension value
   */
  public static boolean isExtensionValue(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isExtensionValueChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code 1*32(ALPHA / DIGIT)}.
   *
   * @param s a text
   * @return whether it is an RFC 8461 id
   */
  public static boolean isStrictId(CharSequence s) {
    if (s.length() < 1 || s.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isAlphaDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * 1 to 64 letters, digits, {@code -} and {@code _}.
   *
   * @param s a text
   * @return whether it is an id the lenient mode accepts
   */
  public static boolean isLenientId(CharSequence s) {
    if (s.length() < 1 || s.length() > MAX_LENIENT_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlphaDigit(c) && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * Throws unless the text is an RFC 8461 id.
   *
   * @param id the id text
   * @param column the column of the id's first character in the record
   * @throws RecordParseException with code {@link RecordErrorCode#INVALID_ID}
   */
  public static void checkStrictId(String id, int column) {
    if (id.isEmpty()) {
      throw new RecordParseException(RecordErrorCode.INVALID_ID, column,
          "id is empty; it must be 1 to 32 letters and digits (RFC 8461 §3.1)");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isAlphaDigit(c)) {
        throw new RecordParseException(RecordErrorCode.INVALID_ID, column + i,
            "id \"" + id + "\" contains " + describe(c)
                + "; ids are letters and digits only (RFC 8461 §3.1)");
      }
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new RecordParseException(RecordErrorCode.INVALID_ID, column + MAX_ID_LENGTH,
          "id \"" + id + "\" is " + id.length() + " characters long; the maximum is 32 (RFC 8461 §3.1)");
    }
  }

  /**
   * Describes a character for a message: {@code '-'} or {@code U+00E9}.
   *
   * @param c the character
   * @return its description
   */
  public static String describe(char c) {
    if (c >= 0x21 && c <= 0x7E) {
      return "'" + c + "'";
    }
    if (c == ' ') {
      return "a space";
    }
    if (c == '\t') {
      return "a tab";
    }
    return String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
  }
}
