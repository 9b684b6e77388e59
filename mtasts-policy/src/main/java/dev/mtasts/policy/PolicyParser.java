package dev.mtasts.policy;

import dev.mtasts.policy.internal.PolicyScanner;
import dev.mtasts.policy.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses MTA-STS policy files (RFC 8461 §3.2). Immutable and thread-safe; configure once and share.
 *
 * <ul>
 *   <li>{@link #strict()} accepts exactly the §3.2 ABNF (RFC 5234 with RFC 7405 case-sensitive strings):
 *       LF or CRLF line ends (mixed too), at most one final line end, no blank line, no leading
 *       whitespace, {@code key:} with optional SP/HTAB after the colon, trailing SP/HTAB ignored,
 *       fields in any order, case-sensitive keys and values, the first {@code version}/{@code
 *       mode}/{@code max_age} winning over later ones (each reported as a {@link
 *       PolicyErrorCode#DUPLICATE_FIELD} warning), unknown keys kept as {@link Extension}s.
 *   <li>{@link #lenient()} also reads what is commonly served, reporting each deviation as a
 *       {@link Warning} with the code a strict parse would fail with: a UTF-8 byte order
 *       mark, CR-only line ends, blank and whitespace-only lines, indented lines, whitespace
 *       before the colon, keys and mode values in other letter case, a trailing dot or U-labels in
 *       {@code mx}, and {@code max_age} above the maximum (clamped).
 * </ul>
 *
 * <p>U-labels in {@code mx} are converted with {@link java.net.IDN}, which implements IDNA2003. An
 * {@code mx} holding one of the characters IDNA2003 maps differently from IDNA2008 (ß, ẞ, ς, ZERO
 * WIDTH JOINER, ZERO WIDTH NON-JOINER: {@code straße.de} would become {@code strasse.de}) is an
 * {@link PolicyErrorCode#MX_U_LABEL} error even in lenient mode, as is any other U-label that
 * cannot be converted: the lenient parser only tolerates deviations it can read unambiguously.
 *
 * <p>Every problem is a {@link PolicyParseException}; nothing else escapes for any input. Input
 * larger than {@link #maxBytes()} (default {@value #DEFAULT_MAX_BYTES}, the 64 KiB of RFC 8461
 * §3.3) is refused before it is read whole.
 *
 * <pre>{@code
 * ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(body);
 * for (Warning w : r.warnings()) {
 *   log.warn("mta-sts.txt {}", w);
 * }
 * MtaStsPolicy policy = r.value();
 * }</pre>
 */
public final class PolicyParser {
  /** The default input limit: 65536 bytes. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  private static final PolicyParser STRICT = new PolicyParser(false, DEFAULT_MAX_BYTES);
  private static final PolicyParser LENIENT = new PolicyParser(true, DEFAULT_MAX_BYTES);

  private final boolean lenient;
  private final int maxBytes;

  private PolicyParser(boolean lenient, int maxBytes) {
    this.lenient = lenient;
    this.maxBytes = maxBytes;
  }

  /**
   * Returns the strict parser with the default limit.
   *
   * @return the strict parser
   */
  public static PolicyParser strict() {
    return STRICT;
  }

  /**
   * Returns the lenient parser with the default limit.
   *
   * @return the lenient parser
   */
  public static PolicyParser lenient() {
    return LENIENT;
  }

  /**
   * Returns a parser like this one with another input limit.
   *
   * @param maxBytes the largest accepted input in UTF-8 bytes, at least 1
   * @return a parser with that limit
   * @throws IllegalArgumentException if {@code maxBytes} is below 1 or above {@code
   *     Integer.MAX_VALUE - 8}
   */
  public PolicyParser withMaxBytes(int maxBytes) {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", not " + maxBytes);
    }
    return maxBytes == this.maxBytes ? this : new PolicyParser(lenient, maxBytes);
  }

  /**
   * Returns whether this parser is lenient.
   *
   * @return {@code true} for {@link #lenient()} and parsers derived from it
   */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Returns the input limit in bytes.
   *
   * @return the largest accepted input, in UTF-8 bytes
   */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Parses a policy file given as text.
   *
   * @param text the body of the policy file
   * @return the policy and the tolerated deviations
   * @throws PolicyParseException if the text is not a valid policy for this parser, or longer than
   *     the limit in UTF-8 bytes
   */
  public ParseResult<MtaStsPolicy> parse(CharSequence text) {
    checkSize(text);
    return PolicyScanner.scan(text, lenient, MxPattern.TRUSTED);
  }

  /** Like {@link #parse(CharSequence)} without the result object, for {@link MtaStsPolicy#parse}. */
  MtaStsPolicy parsePolicy(CharSequence text) {
    checkSize(text);
    return PolicyScanner.scanPolicy(text, lenient, MxPattern.TRUSTED);
  }

  private void checkSize(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int len = text.length();
    if (len > maxBytes || ((long) len * 3 > maxBytes && utf8Length(text) > maxBytes)) {
      throw tooLarge();
    }
  }

  /**
   * Parses a policy file given as bytes, which must be well-formed UTF-8 (RFC 3629).
   *
   * @param body the body of the HTTPS response
   * @return the policy and the tolerated deviations
   * @throws PolicyParseException if the bytes are longer than the limit ({@link
   *     PolicyErrorCode#INPUT_TOO_LARGE}), not UTF-8 ({@link PolicyErrorCode#MALFORMED_UTF8}) or
   *     not a valid policy
   */
  public ParseResult<MtaStsPolicy> parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length > maxBytes) {
      throw tooLarge();
    }
    return decodeAndScan(body, body.length);
  }

  /**
   * Parses a policy file read from a stream, reading at most the limit plus one byte; the stream
   * is not closed.
   *
   * @param body the body of the HTTPS response
   * @return the policy and the tolerated deviations
   * @throws PolicyParseException if the stream is longer than the limit ({@link
   *     PolicyErrorCode#INPUT_TOO_LARGE}), cannot be read ({@link PolicyErrorCode#READ_FAILED},
   *     with the {@link IOException} as cause), is not UTF-8 or not a valid policy
   */
  public ParseResult<MtaStsPolicy> parse(InputStream body) {
    Objects.requireNonNull(body, "body");
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new PolicyParseException(PolicyErrorCode.READ_FAILED, 1, 1,
          "the policy could not be read: " + e.getMessage(), e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge();
    }
    return decodeAndScan(bytes, bytes.length);
  }

  private ParseResult<MtaStsPolicy> decodeAndScan(byte[] bytes, int len) {
    int bad = Utf8.firstMalformed(bytes, len);
    if (bad >= 0) {
      int[] pos = Utf8.position(bytes, bad);
      throw new PolicyParseException(PolicyErrorCode.MALFORMED_UTF8, pos[0], pos[1],
          "byte 0x" + Integer.toHexString(bytes[bad] & 0xff) + " at offset " + bad
              + " is not valid UTF-8; serve the policy as UTF-8 (RFC 8461 §3.2)");
    }
    return PolicyScanner.scan(new String(bytes, 0, len, StandardCharsets.UTF_8), lenient, MxPattern.TRUSTED);
  }

  private PolicyParseException tooLarge() {
    return new PolicyParseException(PolicyErrorCode.INPUT_TOO_LARGE, 1, 1,
        "the policy is larger than " + maxBytes + " bytes (RFC 8461 §3.3 suggests a 64 KiB limit)");
  }

  private static long utf8Length(CharSequence text) {
    long total = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      total += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return total;
  }

  /**
   * Returns {@code PolicyParser[strict]} or {@code PolicyParser[lenient]} with the limit.
   *
   * @return a description for logs
   */
  @Override
  public String toString() {
    return "PolicyParser[" + (lenient ? "lenient" : "strict") + ", maxBytes=" + maxBytes + "]";
  }
}
