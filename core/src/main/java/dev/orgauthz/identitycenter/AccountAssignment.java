package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.requireAccountId;
import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

/**
 * The assignment of a permission set to a user or group in one account.
 *
 * @param accountId the account
 * @param permissionSetArn the permission set
 * @param principalType a user or a group
 * @param principalId the user id or group id
 */
public record AccountAssignment(
    String accountId, String permissionSetArn, PrincipalType principalType, String principalId) {
  public AccountAssignment {
    requireAccountId(accountId, "account of an assignment");
    requireText(permissionSetArn, "permission set of an assignment");
    requireNonNull(principalType, "principalType");
    requireText(principalId, "principal of an assignment");
  }

  /** An assignment to a user. */
  public static AccountAssignment toUser(String accountId, PermissionSet set, String userId) {
    return new AccountAssignment(accountId, set.arn(), PrincipalType.USER, userId);
  }

  /** An assignment to a group. */
  public static AccountAssignment toGroup(String accountId, PermissionSet set, String groupId) {
    return new AccountAssignment(accountId, set.arn(), PrincipalType.GROUP, groupId);
  }
}
