package dev.orgauthz.query;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Decision;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.roles.RoleHandle;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Asks the authorizer about one role at a time, for a resource, region, context and time shared by
 * every question of a query: as a session of the role when the users of the role cannot differ,
 * else as the user with that permission set. Thread-safe.
 */
final class Evaluator {
  private final RoleIndex index;
  private final String resource;
  private final @Nullable String region;
  private final RequestContext context;
  private final @Nullable Instant time;

  Evaluator(
      RoleIndex index,
      String resource,
      @Nullable String region,
      RequestContext context,
      @Nullable Instant time) {
    this.index = index;
    this.resource = resource;
    this.region = region;
    this.context = context;
    this.time = time;
  }

  /** The request of a session of the role, which names no user. */
  AccessRequest roleRequest(RoleHandle role, String action) {
    return new AccessRequest(
        null, null, role.roleArn(), action, resource, null, null, region, context, time);
  }

  /** The request of a user acting with the role's permission set in the role's account. */
  AccessRequest userRequest(RoleHandle role, User user, String action) {
    return new AccessRequest(
        user.id(),
        role.permissionSet().arn(),
        null,
        action,
        resource,
        role.account().id(),
        null,
        region,
        context,
        time);
  }

  /** The outcome for a session of the role. */
  Outcome role(RoleHandle role, String action) {
    if (!role.usable()) {
      return Outcome.IMPLICIT_DENY;
    }
    return index.authorizer.decide(roleRequest(role, action));
  }

  /** The outcome for a user acting with the role. */
  Outcome user(RoleHandle role, User user, String action) {
    if (!role.usable()) {
      return Outcome.IMPLICIT_DENY;
    }
    return index.authorizer.decide(userRequest(role, user, action));
  }

  /** The explanation for a user acting with the role, or for a session of it when user is null. */
  Decision explain(RoleHandle role, @Nullable User user, String action) {
    return index.authorizer.explain(
        user == null ? roleRequest(role, action) : userRequest(role, user, action));
  }
}
