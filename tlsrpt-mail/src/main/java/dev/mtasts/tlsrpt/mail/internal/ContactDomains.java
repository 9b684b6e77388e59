package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.policy.DomainName;
import org.jspecify.annotations.Nullable;

/**
 * The domain a {@code contact-info} names, in the form domains are compared between header fields,
 * file names and report bodies ({@link DomainName#comparisonKey}).
 */
public final class ContactDomains {

  private ContactDomains() {}

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
    host = DomainName.comparisonKey(host.substring(0, end));
    return host.isEmpty() ? null : host;
  }
}
