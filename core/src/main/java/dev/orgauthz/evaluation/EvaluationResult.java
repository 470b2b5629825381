package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of layered evaluation with its trace.
 *
 * @param outcome allowed, explicitly denied or implicitly denied
 * @param layers every layer (and every control-policy level) in AWS order, with its answer
 * @param explicitDenies the deny statements that matched; empty unless explicitly denied
 * @param blockedBy for an implicit deny, the first layer (or level) that did not allow
 * @param allowedBy for an allow, the allow statements of each layer that made it
 * @param allowPath for an allow, how it was reached: {@code identity} or {@code resource policy};
 *     empty otherwise
 * @param crossAccount true when the principal's and the resource's accounts differ
 * @param missingContextKeys the condition keys (lowercased) that a statement's conditions read and
 *     the request lacked, among the statements whose action and resource matched
 * @param reason one line that says why, for people
 */
public record EvaluationResult(
    Outcome outcome,
    List<LayerResult> layers,
    List<MatchedStatement> explicitDenies,
    @Nullable LayerResult blockedBy,
    List<MatchedStatement> allowedBy,
    String allowPath,
    boolean crossAccount,
    Set<String> missingContextKeys,
    String reason) {
  public EvaluationResult {
    requireNonNull(outcome, "outcome");
    layers = List.copyOf(layers);
    explicitDenies = List.copyOf(explicitDenies);
    allowedBy = List.copyOf(allowedBy);
    requireNonNull(allowPath, "allowPath");
    missingContextKeys = Set.copyOf(missingContextKeys);
    requireNonNull(reason, "reason");
  }
}
