package dev.orgauthz.query;

import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Resolves the names a person types (ids or names) to the model, with messages that help. */
final class Names {
  /** How many known names a message lists. */
  private static final int LISTED = 20;

  private Names() {}

  /** An account by id or name. */
  static Account account(Organization organization, String idOrName) {
    Account byId = organization.account(idOrName).orElse(null);
    if (byId != null) {
      return byId;
    }
    List<Account> named = organization.accountsNamed(idOrName);
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      Set<String> ids = new TreeSet<>();
      named.forEach(a -> ids.add(a.id()));
      throw new IllegalArgumentException(
          "account name `" + idOrName + "` is ambiguous: use one of the ids " + list(ids));
    }
    Set<String> known = new TreeSet<>();
    organization.accounts().forEach(a -> known.add(a.name()));
    throw new IllegalArgumentException(
        "unknown account `" + idOrName + "`: use an account id or one of the names " + list(known));
  }

  /**
   * A node of the organization tree by id or name: the root ({@code r-...} or its name), an OU
   * ({@code ou-...} or its name) or an account (id or name); null when nothing has that id or name.
   *
   * @throws IllegalArgumentException when the name is ambiguous
   */
  static @Nullable String node(Organization organization, String idOrName) {
    if (organization.isNode(idOrName)) {
      return idOrName;
    }
    List<String> matches = new ArrayList<>();
    if (organization.root().name().equals(idOrName)) {
      matches.add(organization.root().id());
    }
    for (OrganizationalUnit unit : organization.organizationalUnits()) {
      if (unit.name().equals(idOrName)) {
        matches.add(unit.id());
      }
    }
    organization.accountsNamed(idOrName).forEach(a -> matches.add(a.id()));
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          "name `"
              + idOrName
              + "` is ambiguous: use one of the ids "
              + list(new TreeSet<>(matches)));
    }
    return matches.isEmpty() ? null : matches.get(0);
  }

  /** Like {@link #node}, but an unknown name is an error that lists the OUs. */
  static String requireNode(Organization organization, String idOrName, String what) {
    String node = node(organization, idOrName);
    if (node == null) {
      Set<String> units = new TreeSet<>();
      organization.organizationalUnits().forEach(u -> units.add(u.name()));
      throw new IllegalArgumentException(
          "unknown "
              + what
              + " `"
              + idOrName
              + "`: use the root id "
              + organization.root().id()
              + ", an OU id or name"
              + (units.isEmpty() ? "" : " (" + list(units) + ")")
              + ", or an account id or name");
    }
    return node;
  }

  /** The accounts at or under a node, in the order of the organization's accounts. */
  static List<Account> accountsUnder(Organization organization, String node) {
    List<Account> out = new ArrayList<>();
    for (Account account : organization.accounts()) {
      if (account.id().equals(node) || organization.ancestors(account.id()).contains(node)) {
        out.add(account);
      }
    }
    return out;
  }

  /** A user by user name or user id. */
  static User user(IdentityCenter center, String nameOrId) {
    User user = center.user(nameOrId).orElse(null);
    if (user == null) {
      Set<String> known = new TreeSet<>();
      center.users().forEach(u -> known.add(u.userName()));
      throw new IllegalArgumentException(
          "unknown user `"
              + nameOrId
              + "`: use a user name or user id of Identity Center"
              + (known.isEmpty() ? " (the snapshot has no users)" : ", one of " + list(known)));
    }
    return user;
  }

  /** A group by display name or group id. */
  static @Nullable Group group(IdentityCenter center, String nameOrId) {
    Group byId = center.group(nameOrId).orElse(null);
    if (byId != null) {
      return byId;
    }
    List<Group> named = new ArrayList<>();
    for (Group group : center.groups()) {
      if (group.displayName().equals(nameOrId)) {
        named.add(group);
      }
    }
    if (named.size() > 1) {
      Set<String> ids = new TreeSet<>();
      named.forEach(g -> ids.add(g.id()));
      throw new IllegalArgumentException(
          "group name `" + nameOrId + "` is ambiguous: use one of the ids " + list(ids));
    }
    return named.isEmpty() ? null : named.get(0);
  }

  /** A permission set by name or ARN. */
  static PermissionSet permissionSet(IdentityCenter center, String nameOrArn) {
    PermissionSet set = center.permissionSet(nameOrArn).orElse(null);
    if (set == null) {
      Set<String> known = new TreeSet<>();
      center.permissionSets().forEach(s -> known.add(s.name()));
      throw new IllegalArgumentException(
          "unknown permission set `" + nameOrArn + "`: use one of " + list(known));
    }
    return set;
  }

  /** Names for a message: at most {@value #LISTED}, then how many more. */
  static String list(Set<String> names) {
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
}
