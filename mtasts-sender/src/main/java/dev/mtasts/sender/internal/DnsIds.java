package dev.mtasts.sender.internal;

import dev.mtasts.policy.MxPattern;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The DNS-IDs of a certificate and their matching against a host name: RFC 6125 as RFC 8461
 * §3.3 and §4.2 restrict it. Only subjectAltName dNSName entries count (never the subject's CN),
 * and a {@code *} is allowed only as the whole left-most label, covering exactly one label: the
 * rule of {@code mx} patterns (§4.1), so the SDK's one matcher, {@link MxPattern}, does it.
 */
public final class DnsIds {
  private static final int DNS_NAME = 2;

  private DnsIds() {}

  /**
   * Returns the subjectAltName dNSName entries of a certificate, as written.
   *
   * @param cert the certificate
   * @return the names, possibly empty
   */
  public static List<String> of(X509Certificate cert) {
    Collection<List<?>> sans;
    try {
      sans = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    if (sans == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (List<?> san : sans) {
      if (san.size() >= 2 && san.get(0) instanceof Integer type && type == DNS_NAME
          && san.get(1) instanceof String name) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Tells whether one DNS-ID covers the host.
   *
   * @param dnsId a subjectAltName dNSName, such as {@code *.example.com}
   * @param host the host, such as {@code mta-sts.example.com}
   * @return whether it matches; {@code false} for a DNS-ID that is not a name or a whole-label
   *     wildcard (such as {@code m*.example.com})
   */
  public static boolean matches(String dnsId, String host) {
    String id = dnsId.endsWith(".") ? dnsId.substring(0, dnsId.length() - 1) : dnsId;
    MxPattern pattern;
    try {
      pattern = MxPattern.of(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
    // RFC 6125 §7.2: a wildcard directly under a top-level domain ("*.com") is never honoured.
    if (pattern.wildcard() && pattern.pattern().indexOf('.', 2) < 0) {
      return false;
    }
    return pattern.matches(host);
  }

  /**
   * Tells whether any of the DNS-IDs covers the host.
   *
   * @param dnsIds the certificate's DNS-IDs
   * @param host the host
   * @return whether one matches
   */
  public static boolean anyMatches(List<String> dnsIds, String host) {
    for (String id : dnsIds) {
      if (matches(id, host)) {
        return true;
      }
    }
    return false;
  }
}
