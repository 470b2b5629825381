package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.org.Account;
import java.util.List;

/**
 * One way a user can perform an action: with a permission set in an account.
 *
 * @param userName the user name
 * @param userId the user id
 * @param account the account
 * @param permissionSet the permission set name
 * @param direct true when the permission set is assigned to the user in the account
 * @param groups the display names of the groups through which it is assigned, sorted
 */
public record UserAccess(
    String userName,
    String userId,
    Account account,
    String permissionSet,
    boolean direct,
    List<String> groups) {
  public UserAccess {
    requireNonNull(userName, "userName");
    requireNonNull(userId, "userId");
    requireNonNull(account, "account");
    requireNonNull(permissionSet, "permissionSet");
    groups = List.copyOf(groups);
  }

  /** How the assignment reaches the user, as a person reads it: {@code direct, group Admins}. */
  public String via() {
    return new AllowedUser(userName, userId, direct, groups).via();
  }
}
