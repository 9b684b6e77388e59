package dev.mtasts.policy;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An extension field of a policy file: a key that is not registered ({@code version}, {@code
 * mode}, {@code max_age}, {@code mx}) with its value. RFC 8461 §3.2 says parsers accept and ignore
 * unknown keys; this SDK keeps them, in order, so a policy can be written back unchanged.
 *
 * <p>The name follows {@code sts-policy-ext-name} (a letter or digit, then up to 31 letters,
 * digits, {@code _}, {@code -} or {@code .}) and is case-sensitive; the value follows {@code
 * sts-policy-ext-value} (visible ASCII or UTF-8 characters, inner spaces allowed, no leading or
 * trailing space, no control characters).
 *
 * @param name the key, for example {@code "report_uri"}
 * @param value the value, for example {@code "mailto:tls@example.com"}
 */
public record Extension(String name, String value) {
  /** Longest extension name (RFC 8461 §3.2, {@code sts-policy-ext-name}). */
  public static final int MAX_NAME_LENGTH = 32;

  /**
   * Validates the name and value.
   *
   * @param name the key
   * @param value the value
   * @throws IllegalArgumentException if either breaks the RFC 8461 §3.2 grammar, or the name is a
   *     registered key
   */
  public Extension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String nameProblem = nameProblem(name);
    if (nameProblem != null) {
      throw new IllegalArgumentException(nameProblem);
    }
    String valueProblem = valueProblem(value);
    if (valueProblem != null) {
      throw new IllegalArgumentException("extension " + name + ": " + valueProblem);
    }
  }

  /**
   * Returns the extension for these name and value.
   *
   * @param name the key
   * @param value the value
   * @return the extension
   * @throws IllegalArgumentException if either breaks the RFC 8461 §3.2 grammar, or the name is a
   *     registered key
   */
  public static Extension of(String name, String value) {
    return new Extension(name, value);
  }

  static boolean isRegistered(String name) {
    return name.equals("version") || name.equals("mode") || name.equals("max_age") || name.equals("mx");
  }

  private static @Nullable String nameProblem(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return "extension name \"" + name + "\" must have 1 to " + MAX_NAME_LENGTH + " characters";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      if (!alnum && (i == 0 || (c != '_' && c != '-' && c != '.'))) {
        return "extension name \"" + name + "\" must start with a letter or digit and contain only"
            + " letters, digits, '_', '-' and '.'";
      }
    }
    if (isRegistered(name)) {
      return "\"" + name + "\" is a registered policy field, not an extension";
    }
    return null;
  }

  private static @Nullable String valueProblem(String value) {
    int n = value.length();
    if (n == 0) {
      return "the value is empty";
    }
    if (value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') {
      return "the value must not start or end with a space";
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "the value contains the control character U+" + String.format(Locale.ROOT, "%04X", (int) c);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return "the value contains an unpaired surrogate";
        }
      } else if (Character.isLowSurrogate(c)) {
        return "the value contains an unpaired surrogate";
      }
    }
    return null;
  }
}
