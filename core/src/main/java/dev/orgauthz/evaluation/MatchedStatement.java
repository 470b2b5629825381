package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.policy.Effect;
import org.jspecify.annotations.Nullable;

/**
 * A statement that matched a request.
 *
 * @param layer the layer of its policy
 * @param policyId the policy id or ARN
 * @param policyName the policy name
 * @param levelId for a service or resource control policy, the root, OU or account it is attached
 *     to; null for other layers
 * @param levelName the name of that level, null for other layers
 * @param statementIndex the position of the statement in its policy, from 0
 * @param sid the statement's {@code Sid}, or null
 * @param effect allow or deny
 */
public record MatchedStatement(
    Layer layer,
    String policyId,
    String policyName,
    @Nullable String levelId,
    @Nullable String levelName,
    int statementIndex,
    @Nullable String sid,
    Effect effect) {
  public MatchedStatement {
    requireNonNull(layer, "layer");
    requireNonNull(policyId, "policyId");
    requireNonNull(policyName, "policyName");
    requireNonNull(effect, "effect");
  }

  /** The statement as a person reads it: {@code SCP "DenyLeave" statement "NoLeave" at Root}. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(layer.displayName()).append(" `").append(policyName).append('`');
    out.append(" statement ")
        .append(sid != null && !sid.isEmpty() ? "`" + sid + "`" : "#" + statementIndex);
    if (levelId != null) {
      out.append(" attached to ")
          .append(
              levelName != null && !levelName.equals(levelId)
                  ? levelName + " (" + levelId + ")"
                  : levelId);
    }
    return out.toString();
  }
}
