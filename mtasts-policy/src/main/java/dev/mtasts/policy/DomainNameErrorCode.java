package dev.mtasts.policy;

/**
 * Stable codes of the reasons {@link DomainName#parse(CharSequence, DomainName.Syntax)} refuses a
 * text, carried by {@link DomainNameException}.
 *
 * <p>The names and their {@link #id()}s are part of the API: they do not change between releases,
 * so callers may switch on them or log them.
 */
public enum DomainNameErrorCode implements ProblemCode {
  /** The text is empty (or only a root dot, where one is allowed). */
  EMPTY,
  /**
   * A character that is not a letter, digit, hyphen or dot (RFC 5321 §4.1.2), such as a space or,
   * outside {@link DomainName.Syntax#LENIENT}, an underscore.
   */
  INVALID_CHARACTER,
  /** Non-ASCII characters where only A-labels are allowed (RFC 8461 §3.2, RFC 8460 §4.4). */
  U_LABEL,
  /** An empty label: a leading dot or two dots in a row. */
  EMPTY_LABEL,
  /** A dot at the end, where the root dot is not allowed (RFC 5321 §4.1.2 {@code Domain}). */
  TRAILING_DOT,
  /** A label that starts or ends with a hyphen (RFC 5321 §4.1.2 {@code Ldh-str}). */
  HYPHEN_AT_LABEL_END,
  /** A label longer than 63 characters (RFC 1035 §2.3.4). */
  LABEL_TOO_LONG,
  /** A name longer than 253 characters without the root dot (RFC 1035 §2.3.4). */
  NAME_TOO_LONG,
  /** A {@code *}: domain names have no wildcard (only {@link MxPattern}s start with {@code *.}). */
  WILDCARD,
  /** Four all-digit labels: an IPv4 address, not a domain name. */
  IP_ADDRESS,
  /**
   * A U-label holding ß, ẞ, ς, ZERO WIDTH JOINER or ZERO WIDTH NON-JOINER, which the JDK's IDNA2003
   * conversion ({@link java.net.IDN}) maps to a different name than IDNA2008 (RFC 5891) does.
   */
  IDNA_DEVIATION,
  /** A U-label that IDNA refuses to convert to an A-label (RFC 3490 §4.1). */
  INVALID_IDN
}
