package dev.orgauthz.query;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.CompiledPolicy;
import dev.orgauthz.internal.engine.KeyReaders;
import dev.orgauthz.internal.match.ActionMatcher;
import dev.orgauthz.internal.roles.CompiledRoles;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The roles of an authorizer with the users behind each one, and which statements of a role read a
 * key that differs between users. Built once per query object; immutable after construction.
 */
final class RoleIndex {
  final Authorizer authorizer;
  final Snapshot snapshot;
  final @Nullable IdentityCenter center;

  private final Map<String, RoleHandle> byKey = new HashMap<>();
  private final Map<String, RoleHandle> byArn = new HashMap<>();
  private final Map<String, List<RoleHandle>> byAccount = new HashMap<>();
  private final Map<String, List<AccountAssignment>> assignmentsByRole = new HashMap<>();
  private final Map<String, List<RoleHandle>> rolesByPrincipal = new HashMap<>();
  private final Map<String, List<User>> members = new HashMap<>();
  private final Map<String, ActionScope[]> userScopes = new HashMap<>();

  /** A user behind a role, and how the assignment reaches them. */
  record RoleUser(User user, boolean direct, List<String> groups) {}

  /** The actions of a statement, compiled: where a statement can apply. */
  record ActionScope(ActionMatcher actions, boolean notAction) {
    boolean covers(String action) {
      int colon = action.indexOf(':');
      return colon > 0 && actions.matches(action, colon) != notAction;
    }
  }

  RoleIndex(Authorizer authorizer) {
    this.authorizer = authorizer;
    this.snapshot = authorizer.snapshot();
    this.center = snapshot.identityCenter().orElse(null);

    // The roles, by key and by account (each account's roles by permission set name)
    Map<CompiledPolicy, ActionScope[]> readers = new IdentityHashMap<>();
    for (RoleHandle role : CompiledRoles.of(authorizer)) {
      String key = key(role.account().id(), role.permissionSet().arn());
      byKey.put(key, role);
      byArn.put(role.roleArn(), role);
      int slash = role.roleArn().lastIndexOf('/');
      int type = role.roleArn().indexOf(":role/");
      if (type > 0 && slash > type) {
        byArn.put(
            role.roleArn().substring(0, type + 6) + role.roleArn().substring(slash + 1), role);
      }
      byAccount.computeIfAbsent(role.account().id(), k -> new ArrayList<>()).add(role);
      CompiledLayers layers = role.layers();
      userScopes.put(key, layers == null ? new ActionScope[0] : userScopes(layers, readers));
    }
    byAccount
        .values()
        .forEach(roles -> roles.sort(Comparator.comparing(r -> r.permissionSet().name())));

    // The users behind each role, and each user's roles by account
    if (center != null) {
      indexUsers(center);
    }
  }

  static String key(String accountId, String permissionSetArn) {
    return accountId + " " + permissionSetArn;
  }

  private void indexUsers(IdentityCenter center) {
    for (var membership : center.memberships()) {
      members
          .computeIfAbsent(membership.groupId(), k -> new ArrayList<>())
          .add(center.user(membership.userId()).orElseThrow());
    }
    for (AccountAssignment assignment : center.assignments()) {
      String key = key(assignment.accountId(), assignment.permissionSetArn());
      assignmentsByRole.computeIfAbsent(key, k -> new ArrayList<>()).add(assignment);
      RoleHandle role = byKey.get(key);
      if (role != null) {
        rolesByPrincipal
            .computeIfAbsent(assignment.principalId(), k -> new ArrayList<>())
            .add(role);
      }
    }
  }

  private static final class RoleUserBuilder {
    final User user;
    boolean direct;
    final TreeSet<String> groups = new TreeSet<>();

    RoleUserBuilder(User user) {
      this.user = user;
    }

    RoleUser build() {
      return new RoleUser(user, direct, List.copyOf(groups));
    }
  }

  private static ActionScope[] userScopes(
      CompiledLayers layers, Map<CompiledPolicy, ActionScope[]> readers) {
    List<ActionScope> out = new ArrayList<>();
    for (CompiledPolicy policy : KeyReaders.policies(layers)) {
      ActionScope[] scopes = readers.get(policy);
      if (scopes == null) {
        List<ActionScope> found = new ArrayList<>();
        for (Statement statement : KeyReaders.statementsReading(policy, RoleIndex::differsByUser)) {
          found.add(
              new ActionScope(ActionMatcher.compile(statement.actions()), statement.notAction()));
        }
        scopes = found.toArray(new ActionScope[0]);
        readers.put(policy, scopes);
      }
      out.addAll(List.of(scopes));
    }
    return out.toArray(new ActionScope[0]);
  }

  /** True for a condition key (lowercased) whose value differs between the users of one role. */
  static boolean differsByUser(String key) {
    return key.equals("aws:userid")
        || key.equals("aws:username")
        || key.equals("identitystore:userid")
        || key.startsWith("aws:principaltag/");
  }

  // ---- lookups

  /** The role of a permission set in an account, or null when it is not assigned there. */
  @Nullable RoleHandle role(String accountId, String permissionSetArn) {
    return byKey.get(key(accountId, permissionSetArn));
  }

  /** The role with this ARN, with or without its path, or null. */
  @Nullable RoleHandle roleByArn(String roleArn) {
    return byArn.get(roleArn);
  }

  /** The roles of an account, by permission set name. */
  List<RoleHandle> rolesIn(String accountId) {
    return byAccount.getOrDefault(accountId, List.of());
  }

  /** The users behind a role, by user name, each with how the assignments reach them. */
  List<RoleUser> usersOf(RoleHandle role) {
    IdentityCenter ic = center;
    List<AccountAssignment> assignments =
        assignmentsByRole.get(key(role.account().id(), role.permissionSet().arn()));
    if (ic == null || assignments == null) {
      return List.of();
    }
    Map<String, RoleUserBuilder> users = new TreeMap<>();
    for (AccountAssignment assignment : assignments) {
      if (assignment.principalType() == PrincipalType.USER) {
        User user = ic.user(assignment.principalId()).orElseThrow();
        users.computeIfAbsent(user.userName(), k -> new RoleUserBuilder(user)).direct = true;
      } else {
        Group group = ic.group(assignment.principalId()).orElseThrow();
        for (User user : members.getOrDefault(group.id(), List.of())) {
          users
              .computeIfAbsent(user.userName(), k -> new RoleUserBuilder(user))
              .groups
              .add(group.displayName());
        }
      }
    }
    List<RoleUser> out = new ArrayList<>(users.size());
    users.values().forEach(builder -> out.add(builder.build()));
    return out;
  }

  /** The roles a user can use, by account id, each list by permission set name. */
  Map<String, List<RoleHandle>> rolesOf(String userId) {
    IdentityCenter ic = center;
    if (ic == null) {
      return Map.of();
    }
    Map<String, List<RoleHandle>> out = new HashMap<>();
    List<String> principals = new ArrayList<>(ic.groupsOf(userId));
    principals.add(userId);
    for (String principal : principals) {
      for (RoleHandle role : rolesByPrincipal.getOrDefault(principal, List.of())) {
        List<RoleHandle> roles = out.computeIfAbsent(role.account().id(), k -> new ArrayList<>());
        if (!roles.contains(role)) {
          roles.add(role);
        }
      }
    }
    out.values().forEach(roles -> roles.sort(Comparator.comparing(r -> r.permissionSet().name())));
    return out;
  }

  /**
   * True when a statement of the role that can apply to the action reads a key that differs between
   * users: then the users of the role must be evaluated one by one.
   */
  boolean dependsOnUser(RoleHandle role, String action) {
    ActionScope[] scopes = userScopes.get(key(role.account().id(), role.permissionSet().arn()));
    if (scopes == null) {
      return true;
    }
    for (ActionScope scope : scopes) {
      if (scope.covers(action)) {
        return true;
      }
    }
    return false;
  }
}
