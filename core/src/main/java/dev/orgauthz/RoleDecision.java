package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The answer for one role: a session of the role that Identity Center provisioned for one
 * permission set in the account. The roles of two permission sets are evaluated separately; their
 * policies are never merged.
 *
 * @param permissionSet the permission set name
 * @param permissionSetArn the permission set ARN
 * @param roleArn the role ARN with its path ({@code aws:PrincipalArn})
 * @param roleNameSynthesized true when the IAM data of the account does not hold the provisioned
 *     role, so its name suffix and unique id were synthesized (deterministically)
 * @param usable false when the role is assigned but not usable: a customer managed policy reference
 *     cannot be resolved in the account; the role then allows nothing
 * @param request the request evaluated, with the principal and the full request context; null when
 *     the role is not usable
 * @param result the engine's answer with its trace; for a role that is not usable, an implicit deny
 *     whose reason says why
 */
public record RoleDecision(
    String permissionSet,
    String permissionSetArn,
    String roleArn,
    boolean roleNameSynthesized,
    boolean usable,
    @Nullable EvaluationRequest request,
    EvaluationResult result) {
  public RoleDecision {
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(permissionSetArn, "permissionSetArn");
    requireNonNull(roleArn, "roleArn");
    requireNonNull(result, "result");
  }

  /** The outcome for this role. */
  public Outcome outcome() {
    return result.outcome();
  }
}
