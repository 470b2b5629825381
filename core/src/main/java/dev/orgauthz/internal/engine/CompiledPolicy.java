package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.Statement;
import java.util.List;

/** A policy document compiled for evaluation. Immutable and thread-safe. */
public final class CompiledPolicy {
  private final NamedPolicy policy;
  final CompiledStatement[] statements;

  private CompiledPolicy(NamedPolicy policy) {
    this.policy = policy;
    PolicyDocument document = policy.document();
    List<Statement> list = document.statements();
    this.statements = new CompiledStatement[list.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] =
          new CompiledStatement(list.get(i), document.variablesEnabled(), document.source());
    }
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
