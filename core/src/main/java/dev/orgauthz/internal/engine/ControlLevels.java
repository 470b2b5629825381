package dev.orgauthz.internal.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled levels of one chain of control policies (the SCPs or RCPs from the root to an
 * account), shared by every role whose layers use the chain, with the statements of each level that
 * cover an action, kept by action: the roles of an account then read the same plan of their control
 * levels, made once.
 */
final class ControlLevels {
  /** How many actions are kept per chain before the kept segments are dropped and made again. */
  private static final int ACTIONS = 4096;

  final CompiledPolicy[][] policies;
  private final ConcurrentHashMap<String, Plan.Levels> segments = new ConcurrentHashMap<>();

  ControlLevels(CompiledPolicy[][] policies) {
    this.policies = policies;
  }

  /** The statements of each level that cover the request's action (allocation-free when kept). */
  Plan.Levels segments(RequestView request) {
    Plan.Levels kept = segments.get(request.action);
    if (kept == null) {
      Plan.Segment[] made = new Plan.Segment[policies.length];
      for (int i = 0; i < made.length; i++) {
        made[i] = Plan.segment(policies[i], request);
      }
      kept = new Plan.Levels(made);
      if (segments.size() >= ACTIONS) {
        segments.clear();
      }
      Plan.Levels raced = segments.putIfAbsent(request.action, kept);
      if (raced != null) {
        kept = raced;
      }
    }
    return kept;
  }
}
