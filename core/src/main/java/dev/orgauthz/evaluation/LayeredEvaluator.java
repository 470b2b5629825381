package dev.orgauthz.evaluation;

import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.Engine;
import dev.orgauthz.internal.engine.PolicyCompiler;

/**
 * The IAM policy evaluation logic over explicit layers: the explicit-deny pass, resource control
 * policies, service control policies, the resource policy with its same-account rules, identity
 * policies, the permissions boundary and the session policy; cross-account requests are evaluated
 * on both sides. Thread-safe; holds no state.
 *
 * <p>This entry point compiles the documents it is given on every call. The {@code Authorizer}
 * compiles an organization once and is the fast path.
 */
public final class LayeredEvaluator {
  private LayeredEvaluator() {}

  /**
   * Evaluates a request against the layers and returns the outcome with its trace.
   *
   * @throws dev.orgauthz.policy.PolicyException when a policy holds a resource pattern whose policy
   *     variable is malformed (documents from {@code Policies.parse} never do)
   */
  public static EvaluationResult evaluate(PolicyLayers layers, EvaluationRequest request) {
    return Engine.explain(CompiledLayers.compile(layers, new PolicyCompiler()), request);
  }
}
