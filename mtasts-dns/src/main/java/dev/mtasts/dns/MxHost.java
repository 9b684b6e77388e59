package dev.mtasts.dns;

import java.util.Comparator;
import java.util.Objects;

/**
 * One MX record of a domain: a mail exchanger and its preference (RFC 5321 §5.1).
 *
 * @param preference the preference, 0 to 65535; lower is tried first
 * @param host the exchanger's host name in lower-case A-labels without the trailing dot; the empty
 *     string for a null MX ({@code 0 .}, RFC 7505), which says the domain accepts no mail
 */
public record MxHost(int preference, String host) {
  /** Orders by preference, then host name. */
  public static final Comparator<MxHost> BY_PREFERENCE =
      Comparator.comparingInt(MxHost::preference).thenComparing(MxHost::host);

  /**
   * Validates the parts.
   *
   * @param preference the preference
   * @param host the host name
   * @throws IllegalArgumentException if the preference is outside 0 to 65535
   */
  public MxHost {
    Objects.requireNonNull(host, "host");
    if (preference < 0 || preference > 65535) {
      throw new IllegalArgumentException("MX preference " + preference + " must be 0 to 65535");
    }
  }

  /**
   * Tells whether this is a null MX ({@code 0 .}, RFC 7505).
   *
   * @return whether the host is the root
   */
  public boolean isNullMx() {
    return host.isEmpty();
  }
}
