package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.internal.match.ServiceTable;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy document compiled for evaluation, its statements indexed by service prefix so that a
 * request for {@code s3:GetObject} never looks at an {@code ec2:*} statement. Immutable and
 * thread-safe.
 */
public final class CompiledPolicy {
  private final NamedPolicy policy;
  final CompiledStatement[] statements;

  /** Per service prefix, the statements that may apply to it, in document order. */
  private final ServiceTable<CompiledStatement[]> byService;

  /** The statements that may apply to any service ({@code *}, {@code NotAction}). */
  private final CompiledStatement[] anyService;

  private CompiledPolicy(NamedPolicy policy) {
    this.policy = policy;
    PolicyDocument document = policy.document();
    List<Statement> list = document.statements();
    this.statements = new CompiledStatement[list.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] =
          new CompiledStatement(list.get(i), document.variablesEnabled(), document.source());
    }

    Map<String, List<CompiledStatement>> services = new LinkedHashMap<>();
    List<CompiledStatement> any = new ArrayList<>();
    for (CompiledStatement statement : statements) {
      List<String> named = statement.services();
      if (named.isEmpty()) {
        any.add(statement);
      }
      for (String service : named) {
        services.putIfAbsent(service, new ArrayList<>());
      }
    }
    Map<String, CompiledStatement[]> index = new LinkedHashMap<>();
    for (String service : services.keySet()) {
      List<CompiledStatement> relevant = new ArrayList<>();
      for (CompiledStatement statement : statements) {
        if (statement.services().isEmpty() || statement.services().contains(service)) {
          relevant.add(statement);
        }
      }
      index.put(service, relevant.toArray(new CompiledStatement[0]));
    }
    this.byService = new ServiceTable<>(index);
    this.anyService = any.toArray(new CompiledStatement[0]);
  }

  /** Compiles a policy. */
  public static CompiledPolicy compile(NamedPolicy policy) {
    return new CompiledPolicy(policy);
  }

  /** The policy as given. */
  public NamedPolicy policy() {
    return policy;
  }

  /** The statements that may apply to the action of the request, in document order. */
  CompiledStatement[] candidates(RequestView request) {
    int colon = request.actionColon();
    if (colon < 0) {
      return anyService;
    }
    CompiledStatement[] found = byService.get(request.action, colon);
    return found != null ? found : anyService;
  }
}
