package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiles policies, once per distinct (id, document). Not thread-safe: use one per compilation of
 * a snapshot, then drop it.
 */
public final class PolicyCompiler {
  private final Map<NamedPolicy, CompiledPolicy> cache = new HashMap<>();

  /** The compiled form of a policy, compiled on first request. */
  public CompiledPolicy compile(NamedPolicy policy) {
    return cache.computeIfAbsent(policy, CompiledPolicy::compile);
  }
}
