package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLevel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles policies, once per distinct (id, document). Not thread-safe: use one per compilation of
 * a snapshot, then drop it.
 */
public final class PolicyCompiler {
  private final Map<NamedPolicy, CompiledPolicy> cache = new HashMap<>();

  /** Chains of control policy levels by identity: the layers of many roles share one list. */
  private final Map<List<PolicyLevel>, ControlLevels> chains = new IdentityHashMap<>();

  /** The compiled form of a policy, compiled on first request. */
  public CompiledPolicy compile(NamedPolicy policy) {
    return cache.computeIfAbsent(policy, CompiledPolicy::compile);
  }

  /** The compiled levels of a chain, shared by the layers given the same list. */
  ControlLevels levels(List<PolicyLevel> levels) {
    ControlLevels kept = chains.get(levels);
    if (kept == null) {
      CompiledPolicy[][] policies = new CompiledPolicy[levels.size()][];
      for (int i = 0; i < policies.length; i++) {
        List<NamedPolicy> level = levels.get(i).policies();
        policies[i] = new CompiledPolicy[level.size()];
        for (int j = 0; j < level.size(); j++) {
          policies[i][j] = compile(level.get(j));
        }
      }
      kept = new ControlLevels(policies);
      chains.put(levels, kept);
    }
    return kept;
  }
}
