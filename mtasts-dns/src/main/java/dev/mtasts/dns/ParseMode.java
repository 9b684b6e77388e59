package dev.mtasts.dns;

/** How strictly a TXT record is read. */
public enum ParseMode {
  /**
   * Exactly the RFC 8461 §3.1 / RFC 8460 §3 ABNF. Warnings are still reported for what the ABNF
   * allows but implementations read differently (duplicate fields, whitespace before {@code ;}).
   */
  STRICT,
  /**
   * Accepts what is published in the wild and reports each deviation as a warning: ids with
   * {@code -} or {@code _} (up to 64 characters), whitespace after the last field, empty fields
   * ({@code ;;}) and extension fields without a value (which are dropped).
   */
  LENIENT
}
