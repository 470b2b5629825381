package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What denied a permission set's role: the deny statements of an explicit deny, or the first layer
 * (for control policies, the level of the organization) that did not allow.
 *
 * @param permissionSet the permission set name
 * @param roleArn the role ARN, with its path
 * @param outcome explicitly or implicitly denied
 * @param layer the layer that blocked; null when the role is not usable
 * @param levelId for a control policy, the root, OU or account id of the level; null otherwise
 * @param levelName the name of that level; null otherwise
 * @param statements for an explicit deny, the deny statements that matched; empty otherwise
 * @param reason one line for people
 */
public record Block(
    String permissionSet,
    String roleArn,
    Outcome outcome,
    @Nullable Layer layer,
    @Nullable String levelId,
    @Nullable String levelName,
    List<MatchedStatement> statements,
    String reason) {
  public Block {
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(roleArn, "roleArn");
    requireNonNull(outcome, "outcome");
    statements = List.copyOf(statements);
    requireNonNull(reason, "reason");
  }

  /** The block as a person reads it. */
  public String describe() {
    StringBuilder out = new StringBuilder("permission set `").append(permissionSet).append("`: ");
    if (!statements.isEmpty()) {
      out.append("explicit deny in ");
      for (int i = 0; i < statements.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(statements.get(i).describe());
      }
      return out.toString();
    }
    if (layer == null) {
      return out.append(reason).toString();
    }
    out.append("no ").append(layer.displayName()).append(" allows it");
    if (levelId != null) {
      out.append(" at ").append(Texts.level(levelId, levelName));
    }
    return out.toString();
  }
}
