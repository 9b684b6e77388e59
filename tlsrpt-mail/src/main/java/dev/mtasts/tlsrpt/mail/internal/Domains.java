package dev.mtasts.tlsrpt.mail.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Domain names as compared between header fields, file names and report bodies. */
public final class Domains {

  private Domains() {}

  /**
   * Returns a domain in the form compared: trimmed, lower case, without a final dot.
   *
   * @param domain the domain as sent
   * @return the comparable form
   */
  public static String normalize(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  /**
   * Returns the domain of a {@code contact-info}: the part after the last {@code @} of an address
   * ({@code mailto:} or bare), or the host of a URI.
   *
   * @param contactInfo the contact-info, or {@code null}
   * @return the domain, or {@code null} when none can be found
   */
  public static @Nullable String ofContactInfo(@Nullable String contactInfo) {
    if (contactInfo == null) {
      return null;
    }
    String c = contactInfo.trim();
    int at = c.lastIndexOf('@');
    String host;
    if (at >= 0) {
      host = c.substring(at + 1);
    } else {
      int scheme = c.indexOf("://");
      if (scheme < 0) {
        return null;
      }
      host = c.substring(scheme + 3);
    }
    int end = 0;
    while (end < host.length()) {
      char ch = host.charAt(end);
      if (ch == '/' || ch == '>' || ch == ':' || ch == '?' || ch == ' ' || ch == ',') {
        break;
      }
      end++;
    }
    host = normalize(host.substring(0, end));
    return host.isEmpty() ? null : host;
  }
}
