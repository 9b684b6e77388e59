package dev.mtasts.testkit;

/**
 * The rules of an RFC 8460 §3 {@code _smtp._tls} TXT record that
 * {@link MtaStsArbitraries#nearValidTlsRptRecordTexts()} breaks, one per generated text.
 */
public enum TlsRptRecordRule implements BrokenRule {
  /** Breaks: the record starts with v=TLSRPTv1, with nothing before it (RFC 8460 §3). */
  LEADING_WHITESPACE("the record starts with v=TLSRPTv1, with nothing before it (RFC 8460 §3)"),

  /** Breaks: v=TLSRPTv1 is case-sensitive (RFC 8460 §3, RFC 7405). */
  VERSION_CASE("v=TLSRPTv1 is case-sensitive (RFC 8460 §3, RFC 7405)"),

  /** Breaks: the version is exactly TLSRPTv1 (RFC 8460 §3). */
  VERSION_VALUE("the version is exactly TLSRPTv1 (RFC 8460 §3)"),

  /** Breaks: the record has a rua field, in lower case (RFC 8460 §3). */
  MISSING_RUA("the record has a rua field, in lower case (RFC 8460 §3)"),

  /** Breaks: rua holds at least one URI (RFC 8460 §3). */
  EMPTY_RUA("rua holds at least one URI (RFC 8460 §3)"),

  /** Breaks: every rua entry is a URI with a scheme (RFC 8460 §3, RFC 3986). */
  URI_WITHOUT_SCHEME("every rua entry is a URI with a scheme (RFC 8460 §3, RFC 3986)"),

  /** Breaks: rua entries are separated by single commas (RFC 8460 §3). */
  EMPTY_URI("rua entries are separated by single commas (RFC 8460 §3)"),

  /** Breaks: a URI holds no spaces (RFC 3986). */
  SPACE_IN_URI("a URI holds no spaces (RFC 3986)"),

  /** Breaks: a ! inside a rua URI is percent-encoded (RFC 8460 §3). */
  UNENCODED_EXCLAMATION("a ! inside a rua URI is percent-encoded (RFC 8460 §3)"),

  /** Breaks: fields are separated by one semicolon; ;; is an empty field (RFC 8460 §3). */
  EMPTY_FIELD("fields are separated by one semicolon; ;; is an empty field (RFC 8460 §3)"),

  /** Breaks: nothing follows the last field but an optional semicolon (RFC 8460 §3). */
  TRAILING_WHITESPACE("nothing follows the last field but an optional semicolon (RFC 8460 §3)"),

  /** Breaks: an extension value has at least one character (RFC 8460 §3). */
  EMPTY_EXTENSION_VALUE("an extension value has at least one character (RFC 8460 §3)"),

  /** Breaks: an extension name starts with a letter or digit and has at most 32 characters (RFC 8460 §3). */
  EXTENSION_NAME("an extension name starts with a letter or digit and has at most 32 characters (RFC 8460 §3)");

  private final String description;

  TlsRptRecordRule(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
