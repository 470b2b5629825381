package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A user who can use a role, and how the role's assignments reach them.
 *
 * @param userName the user name
 * @param userId the user id
 * @param direct true when the permission set is assigned to the user in the account
 * @param groups the display names of the groups through which it is assigned, sorted
 */
public record AllowedUser(String userName, String userId, boolean direct, List<String> groups) {
  public AllowedUser {
    requireNonNull(userName, "userName");
    requireNonNull(userId, "userId");
    groups = List.copyOf(groups);
  }

  /** How the assignment reaches the user, as a person reads it: {@code direct, group Admins}. */
  public String via() {
    StringBuilder out = new StringBuilder(direct ? "direct" : "");
    for (String group : groups) {
      out.append(out.length() == 0 ? "" : ", ").append("group ").append(group);
    }
    return out.toString();
  }
}
