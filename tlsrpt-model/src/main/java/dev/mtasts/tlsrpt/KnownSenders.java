package dev.mtasts.tlsrpt;

import dev.mtasts.tlsrpt.internal.IpAddresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The sending MTAs a domain owner knows: partners and own relays, as IP ranges (CIDR) and as
 * the {@code organization-name} their reports carry (RFC 8460 §4.4). Failures from them are
 * never "usually safe to ignore" in {@link Triage#playbook(Collection, KnownSenders)}: a known
 * sender that cannot negotiate TLS with us loses mail once the policy is enforced.
 *
 * <pre>{@code
 * KnownSenders known = KnownSenders.of(List.of("203.0.113.0/24", "2001:db8::/32"),
 *     List.of("Partner Mail Inc."));
 * known.knows("203.0.113.9", "Someone Else"); // true: the IP is in a known range
 * }</pre>
 */
public final class KnownSenders {
  /** At most this many ranges and names: an owner's list, not a database. */
  public static final int MAX_ENTRIES = 10_000;

  private static final KnownSenders NONE = new KnownSenders(List.of(), Set.of());

  private final List<Network> networks;
  private final Set<String> organizations;

  @SuppressWarnings("ArrayRecordComponent") // private; KnownSenders compares networks by text
  private record Network(byte[] address, int prefix, String text) {}

  private KnownSenders(List<Network> networks, Set<String> organizations) {
    this.networks = List.copyOf(networks);
    this.organizations = Set.copyOf(organizations);
  }

  /**
   * Returns the empty list: no sender is known.
   *
   * @return the empty list
   */
  public static KnownSenders none() {
    return NONE;
  }

  /**
   * Returns a list of known senders.
   *
   * @param networks IP ranges in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32});
   *     a plain address is a range of one
   * @param organizations organization names as reports carry them; compared ignoring case and
   *     surrounding white space
   * @return the list
   * @throws IllegalArgumentException if a range is not an IP address with an optional prefix
   *     length that fits it, a name is blank, or there are more than {@link #MAX_ENTRIES} entries
   */
  public static KnownSenders of(Collection<String> networks, Collection<String> organizations) {
    if (networks.size() + (long) organizations.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("more than " + MAX_ENTRIES + " known senders");
    }
    List<Network> parsed = new ArrayList<>();
    for (String n : networks) {
      String problem = cidrProblem(Objects.requireNonNull(n, "network"));
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      parsed.add(network(n.strip()));
    }
    Set<String> names = new LinkedHashSet<>();
    for (String o : organizations) {
      String name = Objects.requireNonNull(o, "organization").strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("blank organization name");
      }
      names.add(name.toLowerCase(Locale.ROOT));
    }
    return new KnownSenders(parsed, names);
  }

  /**
   * Returns why the text is not an IP range in CIDR notation, or {@code null} when it is one.
   *
   * @param text the candidate, such as {@code 192.0.2.0/24}
   * @return the problem, or {@code null}
   */
  public static @Nullable String cidrProblem(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = IpAddresses.parse(address);
    if (bytes == null) {
      return "\"" + address + "\" is not an IPv4 or IPv6 address";
    }
    if (slash >= 0) {
      String prefix = t.substring(slash + 1);
      int max = bytes.length * 8;
      if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(prefix) > max) {
        return "prefix length \"" + prefix + "\" of " + t + " must be 0 to " + max;
      }
    }
    return null;
  }

  /**
   * Tells whether the text looks like an IP range or address rather than an organization name:
   * it starts with a hex digit or a colon and holds only address characters.
   *
   * @param text the candidate
   * @return {@code true} for something meant as an address or range
   */
  public static boolean looksLikeNetwork(String text) {
    String t = text.strip();
    if (t.isEmpty() || !(Character.digit(t.charAt(0), 16) >= 0 || t.charAt(0) == ':')) {
      return false;
    }
    boolean digitOrColon = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean hex = Character.digit(c, 16) >= 0 && c < 128;
      if (!(hex || c == '.' || c == ':' || c == '/')) {
        return false;
      }
      digitOrColon |= (c >= '0' && c <= '9') || c == ':';
    }
    return digitOrColon;
  }

  private static Network network(String text) {
    int slash = text.indexOf('/');
    byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("\"" + text + "\" is not an IP range");
    }
    int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
    return new Network(address, prefix, text);
  }

  /**
   * Tells whether a failure came from a known sender: its sending IP is in a known range, or its
   * report's organization is a known name.
   *
   * @param sendingMtaIp the sending MTA's IP, or {@code null} when not reported
   * @param organization the reporting organization, or {@code null} when unknown
   * @return {@code true} for a known sender
   */
  public boolean knows(@Nullable String sendingMtaIp, @Nullable String organization) {
    if (organization != null && organizations.contains(organization.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (sendingMtaIp == null || networks.isEmpty()) {
      return false;
    }
    byte[] ip = IpAddresses.parse(sendingMtaIp);
    if (ip == null) {
      return false;
    }
    for (Network n : networks) {
      if (n.address().length == ip.length && samePrefix(n.address(), ip, n.prefix())) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (a[full] & mask) == (b[full] & mask);
  }

  /**
   * Tells whether no sender is known.
   *
   * @return {@code true} for an empty list
   */
  public boolean isEmpty() {
    return networks.isEmpty() && organizations.isEmpty();
  }

  /**
   * Returns the number of ranges and names.
   *
   * @return the size
   */
  public int size() {
    return networks.size() + organizations.size();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KnownSenders k
        && k.organizations.equals(organizations) && texts(k.networks).equals(texts(networks));
  }

  @Override
  public int hashCode() {
    return organizations.hashCode() * 31 + texts(networks).hashCode();
  }

  private static List<String> texts(List<Network> list) {
    List<String> out = new ArrayList<>();
    for (Network n : list) {
      out.add(n.text());
    }
    return out;
  }

  @Override
  public String toString() {
    return "KnownSenders[networks=" + texts(networks) + ", organizations=" + organizations + "]";
  }
}
