package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;

/** A policy document compiled for evaluation. Immutable and thread-safe. */
public final class CompiledPolicy {
  private final NamedPolicy policy;

  private CompiledPolicy(NamedPolicy policy) {
    this.policy = policy;
  }

  /** Compiles a policy. */
  public static CompiledPolicy compile(NamedPolicy policy) {
    return new CompiledPolicy(policy);
  }

  /** The policy as given. */
  public NamedPolicy policy() {
    return policy;
  }
}
