package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.org.Account;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer to an {@link AccessRequest} with its reasons. The outcome is allowed when any role is
 * allowed; otherwise explicitly denied when any role was explicitly denied; otherwise implicitly
 * denied, which includes a principal without any assignment in the account.
 *
 * @param request the question
 * @param outcome the answer
 * @param principal the principal as a person reads it: the user name, or the role ARN
 * @param account the account the principal acts in
 * @param resourceAccount the account that owns the resource
 * @param roles one answer per role the principal can use in the account, by permission set name
 * @param note a remark for people, such as why there is no role; empty when there is none
 */
public record Decision(
    AccessRequest request,
    Outcome outcome,
    String principal,
    Account account,
    String resourceAccount,
    List<RoleDecision> roles,
    String note) {
  public Decision {
    requireNonNull(request, "request");
    requireNonNull(outcome, "outcome");
    requireNonNull(principal, "principal");
    requireNonNull(account, "account");
    requireNonNull(resourceAccount, "resourceAccount");
    roles = List.copyOf(roles);
    requireNonNull(note, "note");
  }

  /** The roles that allowed the request, each with the statements that granted it. */
  public List<Grant> grantedBy() {
    List<Grant> out = new ArrayList<>();
    for (RoleDecision role : roles) {
      if (role.outcome().isAllowed()) {
        List<MatchedStatement> granting = new ArrayList<>();
        for (MatchedStatement statement : role.result().allowedBy()) {
          if (statement.layer() == Layer.IDENTITY_POLICY
              || statement.layer() == Layer.RESOURCE_POLICY) {
            granting.add(statement);
          }
        }
        out.add(new Grant(role.permissionSet(), role.roleArn(), granting));
      }
    }
    return out;
  }

  /**
   * For each role that was denied, what denied it: the deny statements of an explicit deny, or the
   * first layer (or level of the organization) that did not allow.
   */
  public List<Block> blockedBy() {
    List<Block> out = new ArrayList<>();
    for (RoleDecision role : roles) {
      Outcome result = role.outcome();
      if (result.isAllowed()) {
        continue;
      }
      List<MatchedStatement> denies = role.result().explicitDenies();
      LayerResult blocked = role.result().blockedBy();
      if (result == Outcome.EXPLICIT_DENY && !denies.isEmpty()) {
        MatchedStatement first = denies.get(0);
        out.add(
            new Block(
                role.permissionSet(),
                role.roleArn(),
                result,
                first.layer(),
                first.levelId(),
                first.levelName(),
                denies,
                role.result().reason()));
      } else if (blocked != null) {
        out.add(
            new Block(
                role.permissionSet(),
                role.roleArn(),
                result,
                blocked.layer(),
                blocked.levelId(),
                blocked.levelName(),
                List.of(),
                role.result().reason()));
      } else {
        out.add(
            new Block(
                role.permissionSet(),
                role.roleArn(),
                result,
                null,
                null,
                null,
                List.of(),
                role.result().reason()));
      }
    }
    return out;
  }

  /**
   * The condition keys (lowercased) that conditions read and the request lacked, over all roles.
   */
  public Set<String> missingContextKeys() {
    Set<String> out = new TreeSet<>();
    for (RoleDecision role : roles) {
      out.addAll(role.result().missingContextKeys());
    }
    return Collections.unmodifiableSet(out);
  }

  /** The explanation as text a person reads: the question, the outcome, then each role and why. */
  public String render() {
    return DecisionText.render(this);
  }
}
