package dev.mtasts.dns;

import dev.mtasts.dns.internal.RecordGrammar;
import java.util.Objects;

/**
 * An extension field {@code name=value} of a TXT record (RFC 8461 §3.1 {@code sts-extension}, RFC
 * 8460 §3 {@code tlsrpt-extension}). Unknown fields must be accepted and ignored by senders; the
 * SDK keeps them so that a record round-trips.
 *
 * @param name 1 to 32 characters: a letter or digit, then letters, digits, {@code _}, {@code -},
 *     {@code .}
 * @param value one or more printable US-ASCII characters other than {@code =} and {@code ;}
 */
public record ExtensionField(String name, String value) {
  /**
   * Validates the field against the ABNF.
   *
   * @param name the field name
   * @param value the field value
   * @throws IllegalArgumentException if the name or value does not match the ABNF
   */
  public ExtensionField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!RecordGrammar.isExtensionName(name)) {
      throw new IllegalArgumentException(
          "extension name \"" + name + "\" must be 1 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit");
    }
    if (!RecordGrammar.isExtensionValue(value)) {
      throw new IllegalArgumentException(
          "extension value \"" + value + "\" must be one or more printable US-ASCII characters other than '=', ';' and space");
    }
  }

  /**
   * Returns the field as it appears in a record: {@code name=value}.
   *
   * @return the field text
   */
  public String toText() {
    return name + "=" + value;
  }
}
