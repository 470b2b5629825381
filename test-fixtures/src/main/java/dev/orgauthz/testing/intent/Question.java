package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.GroupMembership;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An authorization question about an organization, which may stand for several: who (a user, every
 * member of a group, every user, or the role of a permission set), which action on which resource,
 * where (an account, every account of an organizational unit, or every account), and with which
 * region, condition keys and time. {@link #ask} expands it into one {@link AccessRequest} per
 * principal and account and explains each.
 *
 * @param who the principal or principals
 * @param permissionSet for users, the one permission set they act with (name or ARN); null for
 *     every permission set they have in the account
 * @param action the action, {@code service:Action}
 * @param resource the resource ARN, {@code *} for any
 * @param where the account or accounts
 * @param region the region of the request ({@code aws:RequestedRegion}); null leaves it absent
 * @param context condition keys set by the question; they win over the keys the authorizer derives
 * @param time the time of the request; null for the authorizer's clock
 */
public record Question(
    Who who,
    @Nullable String permissionSet,
    String action,
    String resource,
    Where where,
    @Nullable String region,
    Map<String, List<String>> context,
    @Nullable Instant time) {

  /** How many names a message lists before it says how many more there are. */
  private static final int LISTED = 20;

  public Question {
    requireNonNull(who, "who");
    requireNonNull(action, "action");
    requireNonNull(resource, "resource");
    requireNonNull(where, "where");
    if (action.indexOf(':') <= 0 || action.endsWith(":")) {
      throw new IllegalArgumentException(
          "action `" + action + "` is not of the form service:Action, such as `s3:GetObject`");
    }
    if (resource.isEmpty()) {
      throw new IllegalArgumentException("resource is empty: give an ARN or `*`");
    }
    if (permissionSet != null && who.kind() == Who.Kind.PERMISSION_SET) {
      throw new IllegalArgumentException(
          "the role of permission set `"
              + who.name()
              + "` acts with that permission set only: drop the second permission set");
    }
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : context.entrySet()) {
      if (entry.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "context key `" + entry.getKey() + "` has no value: give at least one");
      }
      keys.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    context = Collections.unmodifiableMap(keys);
  }

  /** A new builder for a question about an action in some accounts. */
  public static Builder builder(Who who, String action, Where where) {
    return new Builder(who, action, where);
  }

  /**
   * The question as a sentence with the verb given, for example {@code user `bob` cannot perform
   * ec2:TerminateInstances in account `UAT`, region eu-west-1}.
   *
   * @param modal {@code can} or {@code cannot}
   */
  public String describe(String modal) {
    StringBuilder out = new StringBuilder(who.describe());
    if (permissionSet != null) {
      out.append(" with permission set `").append(permissionSet).append('`');
    }
    out.append(' ').append(modal).append(" perform ").append(action);
    if (!resource.equals("*")) {
      out.append(" on ").append(resource);
    }
    out.append(' ').append(where.describe());
    if (region != null) {
      out.append(", region ").append(region);
    }
    if (!context.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      context.forEach(
          (key, values) -> pairs.add(key + "=" + (values.size() == 1 ? values.get(0) : values)));
      out.append(", with context ").append(String.join(", ", pairs));
    }
    if (time != null) {
      out.append(", at ").append(time);
    }
    return out.toString();
  }

  /**
   * Asks the question: one explained decision for each principal in each account, principals in the
   * order of the identity store, accounts in the order of the organization. A user without an
   * assignment in an account is asked too (the answer is an implicit deny); the role of a
   * permission set is asked only in the accounts where the permission set is assigned.
   *
   * @throws IllegalArgumentException when a name does not resolve (user, group, permission set,
   *     account, organizational unit), or the question stands for no request at all: a group
   *     without members, an organizational unit without accounts, a permission set assigned in none
   *     of the accounts; an empty question would hold for any expectation, so it is refused
   */
  public Answers ask(Authorizer authorizer) {
    Snapshot snapshot = authorizer.snapshot();
    List<Account> accounts = accounts(snapshot.organization());
    List<Answer> answers = new ArrayList<>();
    if (who.kind() == Who.Kind.PERMISSION_SET) {
      IdentityCenter center = identityCenter(snapshot, "permission sets");
      PermissionSet set = permissionSet(center, who.name());
      Map<String, List<PortalEntry>> portals = new HashMap<>();
      for (Account account : accounts) {
        String roleArn = roleArn(authorizer, center, set, account, portals);
        if (roleArn == null) {
          continue;
        }
        AccessRequest.Builder request = AccessRequest.builder().role(roleArn);
        answers.add(new Answer(who.describe(), authorizer.explain(complete(request))));
      }
      if (answers.isEmpty()) {
        throw new IllegalArgumentException(
            "permission set `"
                + set.name()
                + "` is assigned in none of the accounts asked about ("
                + where.describe()
                + "), so it has no role to ask about: name accounts where it is assigned");
      }
    } else {
      for (String user : users(snapshot)) {
        for (Account account : accounts) {
          AccessRequest.Builder request = AccessRequest.builder();
          if (permissionSet != null) {
            request.permissionSet(user, permissionSet);
          } else {
            request.user(user);
          }
          request.account(account.id());
          Decision decision = authorizer.explain(complete(request));
          answers.add(new Answer("user `" + decision.principal() + "`", decision));
        }
      }
    }
    return new Answers(this, answers, snapshot);
  }

  private AccessRequest complete(AccessRequest.Builder request) {
    request.action(action).resource(resource);
    if (region != null) {
      request.region(region);
    }
    context.forEach(
        (key, values) -> {
          if (values.size() == 1) {
            request.context(key, values.get(0));
          } else {
            request.context(key, values);
          }
        });
    if (time != null) {
      request.time(time);
    }
    return request.build();
  }

  // ---- expanding who

  private List<String> users(Snapshot snapshot) {
    switch (who.kind()) {
      case USER:
        return List.of(who.name());
      case EVERY_USER:
        {
          IdentityCenter center = identityCenter(snapshot, "users");
          if (center.users().isEmpty()) {
            throw new IllegalArgumentException(
                "the identity store has no users, so `every user` stands for no one: ask about"
                    + " a snapshot with users");
          }
          return center.users().stream().map(User::userName).toList();
        }
      case GROUP:
        {
          IdentityCenter center = identityCenter(snapshot, "groups");
          Group group = group(center, who.name());
          List<String> members = new ArrayList<>();
          for (GroupMembership membership : center.memberships()) {
            if (membership.groupId().equals(group.id())) {
              members.add(center.user(membership.userId()).orElseThrow().userName());
            }
          }
          if (members.isEmpty()) {
            throw new IllegalArgumentException(
                "group `"
                    + group.displayName()
                    + "` has no members, so the question stands for no one: ask about a user or"
                    + " add members to the group");
          }
          return members;
        }
      default:
        throw new IllegalStateException("not a kind of user: " + who.kind());
    }
  }

  private static IdentityCenter identityCenter(Snapshot snapshot, String what) {
    return snapshot
        .identityCenter()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the snapshot has no Identity Center, so no "
                        + what
                        + ": use a snapshot with Identity Center"));
  }

  private static Group group(IdentityCenter center, String nameOrId) {
    Group byId = center.group(nameOrId).orElse(null);
    if (byId != null) {
      return byId;
    }
    List<Group> named =
        center.groups().stream().filter(g -> g.displayName().equals(nameOrId)).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "group name `"
              + nameOrId
              + "` is ambiguous: use one of the ids "
              + list(named, Group::id));
    }
    throw new IllegalArgumentException(
        "unknown group `"
            + nameOrId
            + "`: use a group id or one of the names "
            + list(center.groups(), Group::displayName));
  }

  private static PermissionSet permissionSet(IdentityCenter center, String nameOrArn) {
    return center
        .permissionSet(nameOrArn)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown permission set `"
                        + nameOrArn
                        + "`: use one of "
                        + list(center.permissionSets(), PermissionSet::name)));
  }

  /**
   * The role of a permission set in an account, as the access portal of an assigned user shows it;
   * null when the permission set is not assigned there and the question may skip the account.
   */
  private @Nullable String roleArn(
      Authorizer authorizer,
      IdentityCenter center,
      PermissionSet set,
      Account account,
      Map<String, List<PortalEntry>> portals) {
    boolean assigned = false;
    for (AccountAssignment assignment : center.assignments()) {
      if (!assignment.accountId().equals(account.id())
          || !assignment.permissionSetArn().equals(set.arn())) {
        continue;
      }
      assigned = true;
      List<String> userIds = new ArrayList<>();
      if (assignment.principalType() == PrincipalType.USER) {
        userIds.add(assignment.principalId());
      } else {
        for (GroupMembership membership : center.memberships()) {
          if (membership.groupId().equals(assignment.principalId())) {
            userIds.add(membership.userId());
          }
        }
      }
      for (String userId : userIds) {
        for (PortalEntry entry : portals.computeIfAbsent(userId, authorizer::portal)) {
          if (!entry.account().id().equals(account.id())) {
            continue;
          }
          for (PortalRole role : entry.roles()) {
            if (role.permissionSetArn().equals(set.arn())) {
              return role.roleArn();
            }
          }
        }
      }
    }
    if (assigned) {
      throw new IllegalArgumentException(
          "permission set `"
              + set.name()
              + "` is assigned in account "
              + account.label()
              + " only to groups without members, so its role is unknown: ask about a user, or"
              + " add a member to the group");
    }
    if (where.kind() == Where.Kind.ACCOUNT) {
      throw new IllegalArgumentException(
          "permission set `"
              + set.name()
              + "` is not assigned in account "
              + account.label()
              + ", so it has no role there: name an account where it is assigned");
    }
    return null;
  }

  // ---- expanding where

  private List<Account> accounts(Organization organization) {
    switch (where.kind()) {
      case ACCOUNT:
        return List.of(account(organization, where.name()));
      case EVERY_ACCOUNT:
        return organization.accounts();
      case ORGANIZATIONAL_UNIT:
        {
          String unit = organizationalUnit(organization, where.name());
          if (unit.equals(organization.root().id())) {
            return organization.accounts();
          }
          List<Account> out = new ArrayList<>();
          for (Account account : organization.accounts()) {
            if (organization.ancestors(account.id()).contains(unit)) {
              out.add(account);
            }
          }
          if (out.isEmpty()) {
            throw new IllegalArgumentException(
                "organizational unit `"
                    + where.name()
                    + "` holds no account, so the question stands for no request: name an OU"
                    + " with accounts");
          }
          return out;
        }
      default:
        throw new IllegalStateException("not a kind of place: " + where.kind());
    }
  }

  private static Account account(Organization organization, String idOrName) {
    Account byId = organization.account(idOrName).orElse(null);
    if (byId != null) {
      return byId;
    }
    List<Account> named = organization.accountsNamed(idOrName);
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "account name `"
              + idOrName
              + "` is ambiguous: use one of the ids "
              + list(named, Account::id));
    }
    throw new IllegalArgumentException(
        "unknown account `"
            + idOrName
            + "`: use an account id or one of the names "
            + list(organization.accounts(), Account::name));
  }

  /** The id of the root or of an organizational unit named by id or name. */
  private static String organizationalUnit(Organization organization, String idOrName) {
    if (idOrName.equals(organization.root().id()) || idOrName.equals(organization.root().name())) {
      return organization.root().id();
    }
    if (organization.organizationalUnit(idOrName).isPresent()) {
      return idOrName;
    }
    List<OrganizationalUnit> named =
        organization.organizationalUnits().stream().filter(u -> u.name().equals(idOrName)).toList();
    if (named.size() == 1) {
      return named.get(0).id();
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "organizational unit name `"
              + idOrName
              + "` is ambiguous: use one of the ids "
              + list(named, OrganizationalUnit::id));
    }
    throw new IllegalArgumentException(
        "unknown organizational unit `"
            + idOrName
            + "`: use an OU id, the root, or one of the names "
            + list(organization.organizationalUnits(), OrganizationalUnit::name));
  }

  /** Names for a message, sorted: at most {@value #LISTED}, then how many more. */
  static <T> String list(List<T> items, Function<T, String> name) {
    Set<String> names = new TreeSet<>();
    items.forEach(item -> names.add(name.apply(item)));
    if (names.isEmpty()) {
      return "(none)";
    }
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", List.copyOf(names).subList(0, LISTED))
        + " and "
        + (names.size() - LISTED)
        + " more";
  }

  /**
   * Who a question is about.
   *
   * @param kind a user, every member of a group, every user, or the role of a permission set
   * @param name the user name or id, the group name or id, the permission set name or ARN; empty
   *     for every user
   */
  public record Who(Kind kind, String name) {
    /** The kinds of principal a question can name. */
    public enum Kind {
      /** One Identity Center user, with every permission set they have in the account. */
      USER,
      /** Every member of an Identity Center group, each asked on their own. */
      GROUP,
      /** Every user of the identity store, each asked on their own. */
      EVERY_USER,
      /** The role that Identity Center provisions for a permission set in the account. */
      PERMISSION_SET
    }

    public Who {
      requireNonNull(kind, "kind");
      requireNonNull(name, "name");
      if (kind != Kind.EVERY_USER && name.isBlank()) {
        throw new IllegalArgumentException(
            "the " + kind.name().toLowerCase(Locale.ROOT) + " has no name: give one");
      }
    }

    /** A user, by user name or user id. */
    public static Who user(String userNameOrId) {
      return new Who(Kind.USER, userNameOrId);
    }

    /** Every member of a group, by display name or group id. */
    public static Who group(String nameOrId) {
      return new Who(Kind.GROUP, nameOrId);
    }

    /** Every user of the identity store. */
    public static Who everyUser() {
      return new Who(Kind.EVERY_USER, "");
    }

    /** The role of a permission set, by name or ARN. */
    public static Who permissionSet(String nameOrArn) {
      return new Who(Kind.PERMISSION_SET, nameOrArn);
    }

    /** Who, as a sentence starts: {@code user `bob`}, {@code every member of group `Admins`}. */
    public String describe() {
      return switch (kind) {
        case USER -> "user `" + name + "`";
        case GROUP -> "every member of group `" + name + "`";
        case EVERY_USER -> "every user";
        case PERMISSION_SET -> "permission set `" + name + "`";
      };
    }
  }

  /**
   * Where a question is asked.
   *
   * @param kind one account, every account of an organizational unit, or every account
   * @param name the account id or name, the OU id or name (or the root); empty for every account
   */
  public record Where(Kind kind, String name) {
    /** The kinds of place a question can name. */
    public enum Kind {
      /** One account. */
      ACCOUNT,
      /** Every account under an organizational unit, in nested OUs too. */
      ORGANIZATIONAL_UNIT,
      /** Every account of the organization. */
      EVERY_ACCOUNT
    }

    public Where {
      requireNonNull(kind, "kind");
      requireNonNull(name, "name");
      if (kind != Kind.EVERY_ACCOUNT && name.isBlank()) {
        throw new IllegalArgumentException(
            "the "
                + (kind == Kind.ACCOUNT ? "account" : "organizational unit")
                + " has no name: give one");
      }
    }

    /** One account, by id or name. */
    public static Where account(String idOrName) {
      return new Where(Kind.ACCOUNT, idOrName);
    }

    /** Every account under an organizational unit (by id or name, or the root). */
    public static Where organizationalUnit(String idOrName) {
      return new Where(Kind.ORGANIZATIONAL_UNIT, idOrName);
    }

    /** Every account of the organization. */
    public static Where everyAccount() {
      return new Where(Kind.EVERY_ACCOUNT, "");
    }

    /** Where, as a sentence ends: {@code in account `UAT`}, {@code in every account of `X`}. */
    public String describe() {
      return switch (kind) {
        case ACCOUNT -> "in account `" + name + "`";
        case ORGANIZATIONAL_UNIT -> "in every account of `" + name + "`";
        case EVERY_ACCOUNT -> "in every account";
      };
    }
  }

  /** Builds a {@link Question}. */
  public static final class Builder {
    private final Who who;
    private final String action;
    private final Where where;
    private @Nullable String permissionSet;
    private String resource = "*";
    private @Nullable String region;
    private final Map<String, List<String>> context = new LinkedHashMap<>();
    private @Nullable Instant time;

    private Builder(Who who, String action, Where where) {
      this.who = who;
      this.action = action;
      this.where = where;
    }

    /** Users act with this permission set only (name or ARN). */
    public Builder permissionSet(String nameOrArn) {
      this.permissionSet = nameOrArn;
      return this;
    }

    /** The resource ARN; {@code *} when not set. */
    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    /** The region of the request, which sets {@code aws:RequestedRegion}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Sets a single-valued condition key. */
    public Builder context(String key, String value) {
      context.put(key, List.of(value));
      return this;
    }

    /** Sets a multivalued condition key. */
    public Builder context(String key, List<String> values) {
      context.put(key, List.copyOf(values));
      return this;
    }

    /** The time of the request. */
    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /**
     * The question.
     *
     * @throws IllegalArgumentException when the action is malformed, the resource empty, or a
     *     permission set's role is given a second permission set
     */
    public Question build() {
      return new Question(who, permissionSet, action, resource, where, region, context, time);
    }
  }
}
