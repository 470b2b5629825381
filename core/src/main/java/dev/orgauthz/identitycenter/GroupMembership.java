package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.requireText;

/**
 * A user's membership of a group.
 *
 * @param groupId the group
 * @param userId the member; a member is always a user
 */
public record GroupMembership(String groupId, String userId) {
  public GroupMembership {
    requireText(groupId, "group id of a membership");
    requireText(userId, "user id of a membership");
  }
}
