package dev.mtasts.policy;

/**
 * Stable codes of the problems the policy parser reports, as errors ({@link PolicyParseException})
 * or, where the parser accepted the deviation, as warnings ({@link Warning}).
 *
 * <p>The names and their {@link #id()}s are part of the API: they do not change between releases,
 * so callers may switch on them or log them.
 */
public enum PolicyErrorCode implements ProblemCode {
  /** The input is larger than the parser's byte limit (64 KiB by default, RFC 8461 §3.3). */
  INPUT_TOO_LARGE,
  /** The input could not be read (an {@link java.io.IOException} from the stream). */
  READ_FAILED,
  /** The bytes are not well-formed UTF-8 (RFC 3629). */
  MALFORMED_UTF8,
  /** The input is empty. */
  EMPTY_POLICY,
  /** The input starts with a byte order mark (U+FEFF); tolerated by the lenient parser. */
  BYTE_ORDER_MARK,
  /** A carriage return not followed by a line feed; CR-only line ends are tolerated by the lenient parser. */
  BARE_CR,
  /** An empty or whitespace-only line, including one at the end; tolerated by the lenient parser. */
  BLANK_LINE,
  /** Whitespace before the key (no header folding, RFC 8461 §3.2); tolerated by the lenient parser. */
  LEADING_WHITESPACE,
  /** A line without the {@code :} that separates key and value. */
  MISSING_COLON,
  /** Whitespace between the key and the {@code :}; tolerated by the lenient parser. */
  WHITESPACE_BEFORE_COLON,
  /** A key that does not follow {@code sts-policy-ext-name} (starts with {@code _}, {@code -}, {@code .}, or other characters). */
  INVALID_KEY,
  /** A key longer than 32 characters. */
  KEY_TOO_LONG,
  /** A registered key in the wrong case, such as {@code Mode}; the lenient parser reads it as the registered key. */
  KEY_CASE,
  /** A control character (other than a trailing tab) in a line. */
  INVALID_CHARACTER,
  /** A field with nothing after the colon. */
  EMPTY_VALUE,
  /** A value that breaks the ABNF in another way, such as a tab inside an extension value. */
  INVALID_VALUE,
  /** {@code version} is not exactly {@code STSv1}. */
  INVALID_VERSION,
  /** {@code mode} is not exactly one of {@code testing}, {@code enforce}, {@code none}; the lenient parser accepts other letter case. */
  INVALID_MODE,
  /** {@code max_age} is not a run of decimal digits. */
  INVALID_MAX_AGE,
  /** {@code max_age} has more than 10 digits. */
  MAX_AGE_TOO_LONG,
  /** {@code max_age} is above 31557600; the lenient parser clamps it to the maximum. */
  MAX_AGE_OUT_OF_RANGE,
  /** An {@code mx} value that is not {@code ["*."] Domain} (RFC 8461 §3.2, RFC 5321 §4.1.2). */
  INVALID_MX,
  /** An {@code *} anywhere but as the whole leftmost label of an {@code mx} value. */
  MX_WILDCARD,
  /** An {@code mx} value ending in a dot; the lenient parser removes it. */
  MX_TRAILING_DOT,
  /**
   * An {@code mx} value with non-ASCII characters (a U-label); the lenient parser converts it to
   * its A-label, except a name it cannot convert or one holding ß, ẞ, ς, ZWJ or ZWNJ (which
   * IDNA2003 maps to a different name than IDNA2008), which stays an error.
   */
  MX_U_LABEL,
  /** An {@code mx} value that is an IPv4 address rather than a host name. */
  MX_IP_ADDRESS,
  /** A field other than {@code mx} appears again; the first occurrence wins (RFC 8461 §3.2). Only ever a warning. */
  DUPLICATE_FIELD,
  /** No {@code version} field. */
  MISSING_VERSION,
  /** No {@code mode} field. */
  MISSING_MODE,
  /** No {@code max_age} field. */
  MISSING_MAX_AGE,
  /** Mode {@code testing} or {@code enforce} without any {@code mx} field. */
  MISSING_MX
}
