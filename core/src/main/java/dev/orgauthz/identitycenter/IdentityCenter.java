package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireNew;

import dev.orgauthz.ModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An IAM Identity Center instance with its identity store (users, groups, memberships), permission
 * sets, account assignments and attributes for access control. Immutable; build one with {@link
 * #builder}, which checks that ids are unique and that memberships and assignments resolve. Whether
 * assigned accounts exist is checked by the {@code Snapshot}, which knows the organization.
 */
public final class IdentityCenter {
  private final String instanceArn;
  private final String identityStoreId;
  private final @Nullable String homeRegion;
  private final List<User> users;
  private final List<Group> groups;
  private final List<GroupMembership> memberships;
  private final List<PermissionSet> permissionSets;
  private final List<AccountAssignment> assignments;
  private final List<AccessControlAttribute> accessControlAttributes;

  private final Map<String, User> usersById;
  private final Map<String, User> usersByName;
  private final Map<String, Group> groupsById;
  private final Map<String, PermissionSet> setsByArn;
  private final Map<String, PermissionSet> setsByName;
  private final Map<String, List<String>> groupsByUser;

  /** The positions in {@link #assignments} of the assignments to each user or group id. */
  private final Map<String, int[]> assignmentsByPrincipal;

  private IdentityCenter(Builder b) {
    this.instanceArn = b.instanceArn;
    this.identityStoreId = b.identityStoreId;
    this.homeRegion = b.homeRegion;
    this.users = List.copyOf(b.users);
    this.groups = List.copyOf(b.groups);
    this.memberships = List.copyOf(new LinkedHashSet<>(b.memberships));
    this.permissionSets = List.copyOf(b.permissionSets);
    this.assignments = List.copyOf(new LinkedHashSet<>(b.assignments));
    this.accessControlAttributes = List.copyOf(b.accessControlAttributes);

    Map<String, User> byId = new LinkedHashMap<>();
    Map<String, User> byName = new HashMap<>();
    for (User user : users) {
      requireNew(byId, user.id(), user, "user id");
      requireNew(byName, user.userName(), user, "user name");
    }
    Map<String, Group> groupIds = new LinkedHashMap<>();
    for (Group group : groups) {
      requireNew(groupIds, group.id(), group, "group id");
    }
    Map<String, PermissionSet> arns = new LinkedHashMap<>();
    Map<String, PermissionSet> names = new HashMap<>();
    for (PermissionSet set : permissionSets) {
      requireNew(arns, set.arn(), set, "permission set ARN");
      requireNew(names, set.name(), set, "permission set name");
    }
    Map<String, String> keys = new HashMap<>();
    for (AccessControlAttribute attribute : accessControlAttributes) {
      requireNew(keys, attribute.key().toLowerCase(Locale.ROOT), attribute.key(), "attribute key");
    }
    this.usersById = Collections.unmodifiableMap(byId);
    this.usersByName = Collections.unmodifiableMap(byName);
    this.groupsById = Collections.unmodifiableMap(groupIds);
    this.setsByArn = Collections.unmodifiableMap(arns);
    this.setsByName = Collections.unmodifiableMap(names);

    Map<String, List<String>> groupsOf = new HashMap<>();
    for (GroupMembership membership : memberships) {
      Group group = groupsById.get(membership.groupId());
      if (group == null) {
        throw new ModelException(
            "membership of user `"
                + membership.userId()
                + "` names unknown group `"
                + membership.groupId()
                + "`: add the group or fix the group id");
      }
      require(
          usersById.containsKey(membership.userId()),
          "group `"
              + group.displayName()
              + "` has unknown member `"
              + membership.userId()
              + "`: members are users; add the user or fix the user id");
      groupsOf
          .computeIfAbsent(membership.userId(), k -> new ArrayList<>())
          .add(membership.groupId());
    }
    groupsOf.replaceAll((k, v) -> List.copyOf(v));
    this.groupsByUser = Collections.unmodifiableMap(groupsOf);

    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < assignments.size(); i++) {
      positions.computeIfAbsent(assignments.get(i).principalId(), k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> byPrincipal = new HashMap<>();
    positions.forEach(
        (id, list) -> byPrincipal.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    this.assignmentsByPrincipal = byPrincipal;

    for (AccountAssignment assignment : assignments) {
      PermissionSet set = setsByArn.get(assignment.permissionSetArn());
      if (set == null) {
        throw new ModelException(
            "assignment in account `"
                + assignment.accountId()
                + "` names unknown permission set `"
                + assignment.permissionSetArn()
                + "`: add the permission set or fix its ARN");
      }
      boolean known =
          assignment.principalType() == PrincipalType.USER
              ? usersById.containsKey(assignment.principalId())
              : groupsById.containsKey(assignment.principalId());
      require(
          known,
          "assignment of `"
              + set.name()
              + "` in account `"
              + assignment.accountId()
              + "` names unknown "
              + assignment.principalType().name().toLowerCase(Locale.ROOT)
              + " `"
              + assignment.principalId()
              + "`: add it or fix the id");
    }
  }

  /**
   * A new builder.
   *
   * @param instanceArn the instance ARN, {@code arn:aws:sso:::instance/ssoins-...}
   * @param identityStoreId the identity store id, {@code d-...} or a UUID
   */
  public static Builder builder(String instanceArn, String identityStoreId) {
    return new Builder(instanceArn, identityStoreId);
  }

  /** The instance ARN. */
  public String instanceArn() {
    return instanceArn;
  }

  /** The partition of the instance ARN: {@code aws}, {@code aws-cn}, {@code aws-us-gov}. */
  public String partition() {
    return instanceArn.split(":", 3)[1];
  }

  /** The identity store id. */
  public String identityStoreId() {
    return identityStoreId;
  }

  /**
   * The region of the instance, which sets the path of the provisioned roles; empty when unknown.
   */
  public Optional<String> homeRegion() {
    return Optional.ofNullable(homeRegion);
  }

  /** The users. */
  public List<User> users() {
    return users;
  }

  /** The groups. */
  public List<Group> groups() {
    return groups;
  }

  /** The group memberships, duplicates removed. */
  public List<GroupMembership> memberships() {
    return memberships;
  }

  /** The permission sets. */
  public List<PermissionSet> permissionSets() {
    return permissionSets;
  }

  /** The account assignments, duplicates removed. */
  public List<AccountAssignment> assignments() {
    return assignments;
  }

  /** The attributes for access control. */
  public List<AccessControlAttribute> accessControlAttributes() {
    return accessControlAttributes;
  }

  /** The user with this user id or user name. */
  public Optional<User> user(String idOrUserName) {
    User byId = usersById.get(idOrUserName);
    return Optional.ofNullable(byId != null ? byId : usersByName.get(idOrUserName));
  }

  /** The group with this id. */
  public Optional<Group> group(String groupId) {
    return Optional.ofNullable(groupsById.get(groupId));
  }

  /** The permission set with this ARN or name. */
  public Optional<PermissionSet> permissionSet(String arnOrName) {
    PermissionSet byArn = setsByArn.get(arnOrName);
    return Optional.ofNullable(byArn != null ? byArn : setsByName.get(arnOrName));
  }

  /** The ids of the groups the user belongs to. */
  public List<String> groupsOf(String userId) {
    return groupsByUser.getOrDefault(userId, List.of());
  }

  /**
   * The assignments that reach a user, directly or through the user's groups, in the order of
   * {@link #assignments()}.
   */
  public List<AccountAssignment> assignmentsOf(String userId) {
    // The candidates come from an index by principal id; the principal type is checked as well,
    // since a user id and a group id may be equal
    List<String> principals = new ArrayList<>(groupsOf(userId));
    principals.add(userId);
    Set<String> groupIds = new LinkedHashSet<>(groupsOf(userId));
    TreeSet<Integer> positions = new TreeSet<>();
    for (String principal : principals) {
      for (int i : assignmentsByPrincipal.getOrDefault(principal, new int[0])) {
        positions.add(i);
      }
    }
    List<AccountAssignment> out = new ArrayList<>();
    for (int i : positions) {
      AccountAssignment assignment = assignments.get(i);
      boolean reaches =
          assignment.principalType() == PrincipalType.USER
              ? assignment.principalId().equals(userId)
              : groupIds.contains(assignment.principalId());
      if (reaches) {
        out.add(assignment);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "IdentityCenter[" + instanceArn + ", " + users.size() + " users]";
  }

  /** Builds an {@link IdentityCenter}. */
  public static final class Builder {
    private final String instanceArn;
    private final String identityStoreId;
    private @Nullable String homeRegion;
    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<GroupMembership> memberships = new ArrayList<>();
    private final List<PermissionSet> permissionSets = new ArrayList<>();
    private final List<AccountAssignment> assignments = new ArrayList<>();
    private final List<AccessControlAttribute> accessControlAttributes = new ArrayList<>();

    private Builder(String instanceArn, String identityStoreId) {
      require(
          instanceArn.startsWith("arn:") && instanceArn.contains(":sso:::instance/"),
          "instance ARN `"
              + instanceArn
              + "` is not of the form arn:aws:sso:::instance/ssoins-...: use the InstanceArn");
      require(!identityStoreId.isBlank(), "identity store id is empty: give the IdentityStoreId");
      this.instanceArn = instanceArn;
      this.identityStoreId = identityStoreId;
    }

    /** Sets the region of the instance, such as {@code eu-west-1}. */
    public Builder homeRegion(String region) {
      this.homeRegion = region;
      return this;
    }

    /** Adds a user. */
    public Builder user(User user) {
      users.add(user);
      return this;
    }

    /** Adds a group. */
    public Builder group(Group group) {
      groups.add(group);
      return this;
    }

    /** Makes a user a member of a group. */
    public Builder membership(String groupId, String userId) {
      memberships.add(new GroupMembership(groupId, userId));
      return this;
    }

    /** Adds a permission set. */
    public Builder permissionSet(PermissionSet set) {
      permissionSets.add(set);
      return this;
    }

    /** Adds an account assignment. */
    public Builder assignment(AccountAssignment assignment) {
      assignments.add(assignment);
      return this;
    }

    /** Adds an attribute for access control. */
    public Builder accessControlAttribute(AccessControlAttribute attribute) {
      accessControlAttributes.add(attribute);
      return this;
    }

    /**
     * The Identity Center model.
     *
     * @throws dev.orgauthz.ModelException when ids or names repeat, or a membership or an
     *     assignment names an unknown user, group or permission set
     */
    public IdentityCenter build() {
      return new IdentityCenter(this);
    }
  }
}
