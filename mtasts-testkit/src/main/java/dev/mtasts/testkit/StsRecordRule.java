package dev.mtasts.testkit;

/**
 * The rules of an RFC 8461 §3.1 {@code _mta-sts} TXT record that
 * {@link MtaStsArbitraries#nearValidStsRecordTexts()} breaks, one per generated text.
 */
public enum StsRecordRule implements BrokenRule {
  /** Breaks: the record starts with v=STSv1, with nothing before it (RFC 8461 §3.1). */
  LEADING_WHITESPACE("the record starts with v=STSv1, with nothing before it (RFC 8461 §3.1)"),

  /** Breaks: v=STSv1 is case-sensitive (RFC 8461 §3.1, RFC 7405). */
  VERSION_CASE("v=STSv1 is case-sensitive (RFC 8461 §3.1, RFC 7405)"),

  /** Breaks: the version is exactly STSv1 (RFC 8461 §3.1). */
  VERSION_VALUE("the version is exactly STSv1 (RFC 8461 §3.1)"),

  /** Breaks: the record has an id field (RFC 8461 §3.1). */
  MISSING_ID("the record has an id field (RFC 8461 §3.1)"),

  /** Breaks: an id has 1 to 32 letters and digits (RFC 8461 §3.1). */
  EMPTY_ID("an id has 1 to 32 letters and digits (RFC 8461 §3.1)"),

  /** Breaks: an id has at most 32 characters (RFC 8461 §3.1). */
  ID_TOO_LONG("an id has at most 32 characters (RFC 8461 §3.1)"),

  /** Breaks: an id holds only letters and digits (RFC 8461 §3.1). */
  ID_CHARACTER("an id holds only letters and digits (RFC 8461 §3.1)"),

  /** Breaks: fields are separated by one semicolon; ;; is an empty field (RFC 8461 §3.1). */
  EMPTY_FIELD("fields are separated by one semicolon; ;; is an empty field (RFC 8461 §3.1)"),

  /** Breaks: nothing follows the last field but an optional semicolon (RFC 8461 §3.1). */
  TRAILING_WHITESPACE("nothing follows the last field but an optional semicolon (RFC 8461 §3.1)"),

  /** Breaks: there is no whitespace around = (RFC 8461 §3.1). */
  WHITESPACE_AROUND_EQUALS("there is no whitespace around = (RFC 8461 §3.1)"),

  /** Breaks: an extension value has at least one character (RFC 8461 §3.1). */
  EMPTY_EXTENSION_VALUE("an extension value has at least one character (RFC 8461 §3.1)"),

  /** Breaks: an extension value holds visible ASCII other than = and ; (RFC 8461 §3.1). */
  EXTENSION_VALUE_CHARACTER("an extension value holds visible ASCII other than = and ; (RFC 8461 §3.1)"),

  /** Breaks: an extension name starts with a letter or digit and has at most 32 characters (RFC 8461 §3.1). */
  EXTENSION_NAME("an extension name starts with a letter or digit and has at most 32 characters (RFC 8461 §3.1)"),

  /** Breaks: fields are separated by a semicolon (RFC 8461 §3.1). */
  MISSING_SEPARATOR("fields are separated by a semicolon (RFC 8461 §3.1)");

  private final String description;

  StsRecordRule(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
