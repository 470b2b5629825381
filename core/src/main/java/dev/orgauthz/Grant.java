package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.MatchedStatement;
import java.util.List;

/**
 * What allowed a request: a permission set's role and the statements that granted it.
 *
 * @param permissionSet the permission set name
 * @param roleArn the role ARN, with its path
 * @param statements the allow statements of the identity-based (and resource-based) policies that
 *     matched
 */
public record Grant(String permissionSet, String roleArn, List<MatchedStatement> statements) {
  public Grant {
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(roleArn, "roleArn");
    statements = List.copyOf(statements);
  }

  /** The grant as a person reads it. */
  public String describe() {
    StringBuilder out = new StringBuilder("permission set `").append(permissionSet).append('`');
    for (int i = 0; i < statements.size(); i++) {
      out.append(i == 0 ? " through " : ", ").append(statements.get(i).describe());
    }
    return out.toString();
  }
}
