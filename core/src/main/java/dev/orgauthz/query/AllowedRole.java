package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.org.Account;
import java.util.List;

/**
 * A role that can perform the action of a {@link WhoCanQuestion}: the role Identity Center
 * provisions for a permission set in an account, with the users who can use it.
 *
 * @param account the account
 * @param permissionSet the permission set name
 * @param permissionSetArn the permission set ARN
 * @param roleArn the role ARN, with its path
 * @param evaluatedPerUser true when the policies of the role read a key that differs between users,
 *     so each user was evaluated on their own; {@code users} then holds only those allowed
 * @param users the users who can use the role for the action, by user name; empty when the role is
 *     assigned to groups without members
 */
public record AllowedRole(
    Account account,
    String permissionSet,
    String permissionSetArn,
    String roleArn,
    boolean evaluatedPerUser,
    List<AllowedUser> users) {
  public AllowedRole {
    requireNonNull(account, "account");
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(permissionSetArn, "permissionSetArn");
    requireNonNull(roleArn, "roleArn");
    users = List.copyOf(users);
  }
}
