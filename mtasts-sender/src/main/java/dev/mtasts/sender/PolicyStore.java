package dev.mtasts.sender;

import dev.mtasts.sender.internal.DirectoryPolicyStore;
import dev.mtasts.sender.internal.MemoryPolicyStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@link PolicyDiscovery} keeps its policies between restarts (RFC 8461 §5.1: a cache that
 * survives a restart keeps protecting the first message after it). Implementations must be
 * thread-safe; the discovery calls them outside its locks, on its executor, one call per domain
 * at a time.
 */
public interface PolicyStore {
  /**
   * Loads a domain's policy.
   *
   * @param domain the Policy Domain, lower-case A-labels
   * @return the stored policy, expired or not, or empty
   * @throws PolicyStoreException when the entry exists but cannot be read or is corrupt
   */
  Optional<CachedPolicy> load(String domain);

  /**
   * Stores a domain's policy, replacing the one stored before.
   *
   * @param policy the policy
   * @throws PolicyStoreException when it cannot be written
   */
  void save(CachedPolicy policy);

  /**
   * Removes a domain's policy, if any.
   *
   * @param domain the Policy Domain
   * @throws PolicyStoreException when it cannot be removed
   */
  void remove(String domain);

  /**
   * Returns a store that keeps policies in memory (lost on restart).
   *
   * @return a new empty store
   */
  static PolicyStore inMemory() {
    return new MemoryPolicyStore();
  }

  /**
   * Returns a store that keeps one file per domain in a directory. Writes are atomic (a temporary
   * file, forced to disk, then renamed over the old one), so a kill at any point leaves either the
   * old or the new entry; a corrupt file is reported with {@link PolicyStoreException} for that
   * domain only.
   *
   * @param directory the directory; created if missing
   * @return the store
   * @throws PolicyStoreException if the directory cannot be created
   */
  static PolicyStore directory(Path directory) {
    return new DirectoryPolicyStore(directory);
  }
}
