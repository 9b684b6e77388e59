package dev.mtasts.testkit;

/**
 * The rules of an RFC 8461 §3.2 policy file that {@link MtaStsArbitraries#nearValidPolicyTexts()}
 * breaks, one per generated text.
 */
public enum PolicyRule implements BrokenRule {
  /** Breaks: nothing precedes the first key, not even a UTF-8 byte order mark (RFC 8461 §3.2 ABNF). */
  BYTE_ORDER_MARK("nothing precedes the first key, not even a UTF-8 byte order mark (RFC 8461 §3.2 ABNF)"),

  /** Breaks: lines end with LF or CRLF; a bare CR is not a terminator (RFC 8461 §3.2, erratum 6253). */
  BARE_CR_LINE_ENDS("lines end with LF or CRLF; a bare CR is not a terminator (RFC 8461 §3.2, erratum 6253)"),

  /** Breaks: no empty line at the start, between fields or after the final terminator (RFC 8461 §3.2 ABNF). */
  BLANK_LINE("no empty line at the start, between fields or after the final terminator (RFC 8461 §3.2 ABNF)"),

  /** Breaks: a line starts with its key; there is no header folding (RFC 8461 §3.2 ABNF). */
  LEADING_WHITESPACE("a line starts with its key; there is no header folding (RFC 8461 §3.2 ABNF)"),

  /** Breaks: the colon follows the key directly (sts-policy-field-delim, RFC 8461 §3.2). */
  WHITESPACE_BEFORE_COLON("the colon follows the key directly (sts-policy-field-delim, RFC 8461 §3.2)"),

  /** Breaks: every line is key, colon, value (RFC 8461 §3.2). */
  MISSING_COLON("every line is key, colon, value (RFC 8461 §3.2)"),

  /** Breaks: registered keys are case-sensitive, so Mode is an extension and mode is missing (RFC 8461 §3.2, RFC 7405). */
  REGISTERED_KEY_CASE("registered keys are case-sensitive, so Mode is an extension and mode is missing (RFC 8461 §3.2, RFC 7405)"),

  /** Breaks: an extension name starts with a letter or digit (sts-policy-ext-name, RFC 8461 §3.2). */
  INVALID_KEY("an extension name starts with a letter or digit (sts-policy-ext-name, RFC 8461 §3.2)"),

  /** Breaks: an extension name has at most 32 characters (sts-policy-ext-name, RFC 8461 §3.2). */
  KEY_TOO_LONG("an extension name has at most 32 characters (sts-policy-ext-name, RFC 8461 §3.2)"),

  /** Breaks: values hold no control characters (RFC 8461 §3.2 ABNF). */
  CONTROL_CHARACTER("values hold no control characters (RFC 8461 §3.2 ABNF)"),

  /** Breaks: every field has a value after the colon (RFC 8461 §3.2 ABNF). */
  EMPTY_VALUE("every field has a value after the colon (RFC 8461 §3.2 ABNF)"),

  /** Breaks: an extension value holds spaces but no tabs inside (sts-policy-ext-value, RFC 8461 §3.2). */
  TAB_IN_EXTENSION_VALUE("an extension value holds spaces but no tabs inside (sts-policy-ext-value, RFC 8461 §3.2)"),

  /** Breaks: version is exactly STSv1 (RFC 8461 §3.2). */
  VERSION_VALUE("version is exactly STSv1 (RFC 8461 §3.2)"),

  /** Breaks: mode is exactly testing, enforce or none, in lower case (RFC 8461 §3.2). */
  MODE_VALUE("mode is exactly testing, enforce or none, in lower case (RFC 8461 §3.2)"),

  /** Breaks: max_age is a run of decimal digits (RFC 8461 §3.2). */
  MAX_AGE_NOT_DIGITS("max_age is a run of decimal digits (RFC 8461 §3.2)"),

  /** Breaks: max_age has at most 10 digits (sts-policy-max-age-value, RFC 8461 §3.2). */
  MAX_AGE_TOO_MANY_DIGITS("max_age has at most 10 digits (sts-policy-max-age-value, RFC 8461 §3.2)"),

  /** Breaks: max_age is at most 31557600 (RFC 8461 §3.2). */
  MAX_AGE_ABOVE_LIMIT("max_age is at most 31557600 (RFC 8461 §3.2)"),

  /** Breaks: a wildcard is only a leading {@code *.} on a full domain (RFC 8461 §3.2, §4.1). */
  MX_MISPLACED_WILDCARD("a wildcard is only a leading *. on a full domain (RFC 8461 §3.2, §4.1)"),

  /** Breaks: an mx value has no trailing dot (RFC 5321 §4.1.2 Domain). */
  MX_TRAILING_DOT("an mx value has no trailing dot (RFC 5321 §4.1.2 Domain)"),

  /** Breaks: internationalized mx values are written as A-labels (RFC 8461 §3.2). */
  MX_U_LABEL("internationalized mx values are written as A-labels (RFC 8461 §3.2)"),

  /** Breaks: an mx value is a host name, not an address (RFC 8461 §3.2). */
  MX_IP_ADDRESS("an mx value is a host name, not an address (RFC 8461 §3.2)"),

  /** Breaks: mx labels are LDH, non-empty, without a hyphen at either end, at most 63 characters (RFC 5321 §4.1.2, RFC 1035). */
  MX_BAD_LABEL("mx labels are LDH, non-empty, without a hyphen at either end, at most 63 characters (RFC 5321 §4.1.2, RFC 1035)"),

  /** Breaks: version is required (RFC 8461 §3.2). */
  MISSING_VERSION("version is required (RFC 8461 §3.2)"),

  /** Breaks: mode is required (RFC 8461 §3.2). */
  MISSING_MODE("mode is required (RFC 8461 §3.2)"),

  /** Breaks: max_age is required (RFC 8461 §3.2). */
  MISSING_MAX_AGE("max_age is required (RFC 8461 §3.2)"),

  /** Breaks: testing and enforce need at least one mx (RFC 8461 §3.2). */
  MISSING_MX("testing and enforce need at least one mx (RFC 8461 §3.2)");

  private final String description;

  PolicyRule(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
