package dev.mtasts.lifecycle.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks policy domain names: LDH labels, no trailing dot (RFC 5321 §4.1.2, RFC 8461 §3). */
public final class Domains {
  private Domains() {}

  /**
   * Returns why the text is not a domain name, or {@code null} when it is one.
   *
   * @param domain the candidate
   * @return the problem, or {@code null}
   */
  public static @Nullable String problem(String domain) {
    if (domain.isEmpty() || domain.length() > 253) {
      return "domain \"" + domain + "\" must have 1 to 253 characters";
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return "domain \"" + domain + "\" has an empty or over-long label";
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean letDig = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letDig && !(c == '-' && i > 0 && i < label.length() - 1)) {
          return "domain \"" + domain + "\" contains \"" + c + "\"; only letters, digits and"
              + " inner hyphens are allowed (use the A-label form for IDNs, no trailing dot)";
        }
      }
    }
    return null;
  }

  /**
   * Validates and lower-cases a domain name.
   *
   * @param domain the domain
   * @return its lower-case form
   * @throws IllegalArgumentException if it is not a domain name
   */
  public static String normalize(String domain) {
    String problem = problem(domain);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return domain.toLowerCase(Locale.ROOT);
  }
}
