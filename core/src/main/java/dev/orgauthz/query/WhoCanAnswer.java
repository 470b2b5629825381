package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.org.Account;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer of {@link WhoCan}.
 *
 * @param question the question
 * @param scope where the query looked, as a person reads it: {@code the organization}, {@code OU
 *     Sandbox (ou-...)} or {@code account Development (777777777777)}
 * @param accounts the accounts the query looked in, in the organization's order
 * @param roles the roles that can perform the action, by account (in the order of {@code accounts})
 *     and then by permission set name
 * @param rolesEvaluated how many roles were evaluated as a whole, once for all their users
 * @param userEvaluations how many decisions were made for one user of a role whose policies read a
 *     key that differs between users; users with the same values of the principal tags read share
 *     one decision
 */
public record WhoCanAnswer(
    WhoCanQuestion question,
    String scope,
    List<Account> accounts,
    List<AllowedRole> roles,
    long rolesEvaluated,
    long userEvaluations) {
  public WhoCanAnswer {
    requireNonNull(question, "question");
    requireNonNull(scope, "scope");
    accounts = List.copyOf(accounts);
    roles = List.copyOf(roles);
  }

  /**
   * Every way a user can perform the action: one entry per (user, account, permission set), by user
   * name, then account name, then permission set name.
   */
  public List<UserAccess> users() {
    List<UserAccess> out = new ArrayList<>();
    for (AllowedRole role : roles) {
      for (AllowedUser user : role.users()) {
        out.add(
            new UserAccess(
                user.userName(),
                user.userId(),
                role.account(),
                role.permissionSet(),
                user.direct(),
                user.groups()));
      }
    }
    out.sort(
        Comparator.comparing(UserAccess::userName)
            .thenComparing(a -> a.account().name())
            .thenComparing(a -> a.account().id())
            .thenComparing(UserAccess::permissionSet));
    return out;
  }

  /** The user names of the users who can perform the action somewhere in the scope, sorted. */
  public List<String> userNames() {
    return users().stream().map(UserAccess::userName).distinct().toList();
  }
}
