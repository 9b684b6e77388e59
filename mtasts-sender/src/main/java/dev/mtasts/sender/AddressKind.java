package dev.mtasts.sender;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The kind of an IP address, for the fetcher's guard against server-side request forgery: a
 * service that fetches policies for user-supplied domains should not be made to dial its own
 * network. Only {@link #PUBLIC} addresses are dialled unless the fetcher allows more.
 */
public enum AddressKind {
  /** A globally routable address. */
  PUBLIC,
  /** {@code 127.0.0.0/8}, {@code ::1}. */
  LOOPBACK,
  /** {@code 169.254.0.0/16}, {@code fe80::/10}. */
  LINK_LOCAL,
  /**
   * Private networks: {@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}, the
   * shared address space {@code 100.64.0.0/10}, {@code fc00::/7} and the old {@code fec0::/10}.
   */
  PRIVATE,
  /** {@code 0.0.0.0/8}, {@code ::}. */
  UNSPECIFIED,
  /** Multicast addresses. */
  MULTICAST;

  /**
   * Returns the kind of an address.
   *
   * @param address the address
   * @return its kind
   */
  public static AddressKind of(InetAddress address) {
    byte[] b = address.getAddress();
    if (address.isAnyLocalAddress() || (address instanceof Inet4Address && b[0] == 0)) {
      return UNSPECIFIED;
    }
    if (address.isLoopbackAddress()) {
      return LOOPBACK;
    }
    if (address.isLinkLocalAddress()) {
      return LINK_LOCAL;
    }
    if (address.isMulticastAddress()) {
      return MULTICAST;
    }
    if (address.isSiteLocalAddress()) {
      return PRIVATE;
    }
    if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 0x40) {
      return PRIVATE;
    }
    if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return PRIVATE;
    }
    return PUBLIC;
  }
}
