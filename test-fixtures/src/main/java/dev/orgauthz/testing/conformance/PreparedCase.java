package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.PolicyLayers;

/**
 * A case turned into what {@link dev.orgauthz.evaluation.LayeredEvaluator} evaluates.
 *
 * @param layers the policy layers, with the control-policy levels resolved
 * @param request the request, with its accounts and derived context
 */
public record PreparedCase(PolicyLayers layers, EvaluationRequest request) {
  public PreparedCase {
    requireNonNull(layers, "layers");
    requireNonNull(request, "request");
  }
}
