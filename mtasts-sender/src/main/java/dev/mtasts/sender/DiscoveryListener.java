package dev.mtasts.sender;

/**
 * Receives the events of a {@link PolicyDiscovery}, on the thread that caused them; it must
 * return quickly and not call back into the discovery synchronously.
 */
@FunctionalInterface
public interface DiscoveryListener {
  /**
   * Receives one event.
   *
   * @param event the event
   */
  void onEvent(DiscoveryEvent event);
}
