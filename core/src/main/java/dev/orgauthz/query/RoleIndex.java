package dev.orgauthz.query;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccessControlAttribute;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Per role (by identity: each handle is one object), its statements that read user keys. */
  private final Map<RoleHandle, ActionScope[]> userScopes = new IdentityHashMap<>();

  private final List<AccessControlAttribute> attributes = new ArrayList<>();
  private final Map<String, Integer> attributeIndex = new HashMap<>();
  private final Map<String, @Nullable String[]> tagValues = new ConcurrentHashMap<>();

  private static final String PRINCIPAL_TAG = "aws:principaltag/";

  /** A user behind a role, and how the assignment reaches them. */
  record RoleUser(User user, boolean direct, List<String> groups) {}

  /**
   * A statement that reads keys that differ between users: its actions, compiled, and those keys.
   */
  record ActionScope(ActionMatcher actions, boolean notAction, List<String> keys) {
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
      userScopes.put(role, layers == null ? new ActionScope[0] : userScopes(layers, readers));
    }
    byAccount
        .values()
        .forEach(roles -> roles.sort(Comparator.comparing(r -> r.permissionSet().name())));

    // The users behind each role, each user's roles by account, the principal tags by key
    if (center != null) {
      indexUsers(center);
      for (AccessControlAttribute attribute : center.accessControlAttributes()) {
        attributeIndex.put(attribute.key().toLowerCase(Locale.ROOT), attributes.size());
        attributes.add(attribute);
      }
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
    final List<String> groups = new ArrayList<>(1);

    RoleUserBuilder(User user) {
      this.user = user;
    }

    RoleUser build() {
      if (groups.size() > 1) {
        return new RoleUser(user, direct, List.copyOf(new TreeSet<>(groups)));
      }
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
        for (KeyReaders.Reader reader :
            KeyReaders.statementsReading(policy, RoleIndex::differsByUser)) {
          Statement statement = reader.statement();
          found.add(
              new ActionScope(
                  ActionMatcher.compile(statement.actions()),
                  statement.notAction(),
                  reader.keys()));
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
        || key.startsWith(PRINCIPAL_TAG);
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
    Map<String, RoleUserBuilder> users = new HashMap<>();
    for (AccountAssignment assignment : assignments) {
      if (assignment.principalType() == PrincipalType.USER) {
        User user = ic.user(assignment.principalId()).orElseThrow();
        users.computeIfAbsent(user.id(), k -> new RoleUserBuilder(user)).direct = true;
      } else {
        Group group = ic.group(assignment.principalId()).orElseThrow();
        for (User user : members.getOrDefault(group.id(), List.of())) {
          users
              .computeIfAbsent(user.id(), k -> new RoleUserBuilder(user))
              .groups
              .add(group.displayName());
        }
      }
    }
    List<RoleUser> out = new ArrayList<>(users.size());
    users.values().forEach(builder -> out.add(builder.build()));
    out.sort(Comparator.comparing(user -> user.user().userName()));
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
    return userKeys(role, action) != null;
  }

  /**
   * The keys that differ between users and that the statements of the role that can apply to the
   * action read, lowercased and sorted; null when there is none, and the role's answer holds for
   * every user.
   */
  @Nullable Set<String> userKeys(RoleHandle role, String action) {
    ActionScope[] scopes = userScopes.get(role);
    if (scopes == null) {
      return Set.of("aws:userid");
    }
    Set<String> out = null;
    for (ActionScope scope : scopes) {
      if (scope.covers(action)) {
        if (out == null) {
          out = new TreeSet<>();
        }
        out.addAll(scope.keys());
      }
    }
    return out;
  }

  /** The values of the user's principal tags, in the order of the attributes; null when absent. */
  private @Nullable String[] tagValues(User user) {
    return tagValues.computeIfAbsent(
        user.id(),
        id -> {
          @Nullable String[] values = new String[attributes.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = attributes.get(i).valueFor(user).orElse(null);
          }
          return values;
        });
  }

  /**
   * What a user brings to the keys given: the values of the principal tags among them, in order;
   * null when a key differs for every user ({@code aws:userid} and the like). Two users with the
   * same non-null signature get the same answer from a role whose statements read only these keys.
   */
  @Nullable String signature(User user, Set<String> keys) {
    StringBuilder out = new StringBuilder();
    for (String key : keys) {
      if (!key.startsWith(PRINCIPAL_TAG)) {
        return null;
      }
      Integer at = attributeIndex.get(key.substring(PRINCIPAL_TAG.length()));
      String value = at == null ? null : tagValues(user)[at];
      // Length-prefixed, so that no two lists of values give the same text
      out.append(value == null ? "-" : value.length() + ":" + value).append('|');
    }
    return out.toString();
  }
}
