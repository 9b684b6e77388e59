package dev.mtasts.sender;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves the policy host to the addresses the fetcher may dial. The default asks the system
 * ({@link InetAddress#getAllByName(String)}); a custom one lets tests and private deployments
 * pin addresses without touching the machine's configuration. With a custom resolver the fetcher
 * dials the first allowed address it returns, still sending the policy host as SNI and checking
 * the certificate for it.
 */
@FunctionalInterface
public interface HostAddressResolver {
  /**
   * Resolves a host name.
   *
   * @param host the policy host, for example {@code mta-sts.example.com}
   * @return its addresses, possibly empty
   * @throws UnknownHostException when the name has no address
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * Returns the system's resolver.
   *
   * @return a resolver calling {@link InetAddress#getAllByName(String)}
   */
  static HostAddressResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
