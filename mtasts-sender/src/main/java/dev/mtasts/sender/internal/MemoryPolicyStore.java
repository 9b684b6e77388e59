package dev.mtasts.sender.internal;

import dev.mtasts.sender.CachedPolicy;
import dev.mtasts.sender.PolicyStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PolicyStore#inMemory()}. */
public final class MemoryPolicyStore implements PolicyStore {
  private final ConcurrentHashMap<String, CachedPolicy> policies = new ConcurrentHashMap<>();

  @Override
  public Optional<CachedPolicy> load(String domain) {
    return Optional.ofNullable(policies.get(domain));
  }

  @Override
  public void save(CachedPolicy policy) {
    policies.put(policy.domain(), policy);
  }

  @Override
  public void remove(String domain) {
    policies.remove(domain);
  }
}
